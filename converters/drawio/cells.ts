/**
 * The cells of one page: `<mxCell>`s and the `<UserObject>`/`<object>` wrappers that carry an
 * inner `<mxCell>` (the id and label live on the wrapper), with absolute geometry. draw.io nests
 * containers through `parent=`, and a child's geometry is relative to its parent, so positions
 * are accumulated here; parent cycles and absurd depth are cut with a warning.
 */
import { finite, rotatedBounds, type Pt, type Rect } from './geometry.js';
import { labelText } from './label.js';
import { parseStyle, rotationOf, styleFlag, type Style } from './style.js';
import { attr, attrMap, childrenOf, firstChild, tagOf, type XmlNode } from './xml.js';

export const MAX_CELL_DEPTH = 200;

export interface Cell {
  id: string;
  parent: string | undefined;
  /** Document order (z-order: later cells are drawn on top). */
  order: number;
  vertex: boolean;
  edge: boolean;
  style: Style;
  /** Plain-text label (HTML stripped, placeholders filled). */
  label: string;
  source?: string;
  target?: string;
  /** Geometry as written (relative to the parent). */
  geom: { x: number; y: number; w: number; h: number; relative: boolean; sourcePoint?: Pt; targetPoint?: Pt };
  /** Wrapper attributes other than id/label (UserObject custom properties). */
  props?: Map<string, string>;
  hidden: boolean;
  /** Absolute bounds (rotation applied) for vertices; filled by resolveGeometry. */
  box: Rect;
  /** Absolute origin of the cell's own coordinate system (children and edge points are relative to it). */
  origin: Pt;
}

export interface CellWarning {
  ruleId: string;
  reason: string;
  cellId?: string;
}

const WRAPPER_RESERVED = new Set(['id', 'label', 'placeholders', 'tooltip', 'link']);

function num(v: string | undefined): number {
  return v === undefined ? 0 : finite(Number.parseFloat(v));
}

function point(node: XmlNode | undefined): Pt | undefined {
  if (!node) return undefined;
  return { x: num(attr(node, 'x')), y: num(attr(node, 'y')) };
}

function readGeometry(cellNode: XmlNode): Cell['geom'] {
  const g = firstChild(cellNode, 'mxGeometry');
  if (!g) return { x: 0, y: 0, w: 0, h: 0, relative: false };
  const geom: Cell['geom'] = {
    x: num(attr(g, 'x')), y: num(attr(g, 'y')),
    w: Math.max(0, num(attr(g, 'width'))), h: Math.max(0, num(attr(g, 'height'))),
    relative: attr(g, 'relative') === '1',
  };
  for (const c of childrenOf(g)) {
    if (tagOf(c) !== 'mxPoint') continue;
    const as = attr(c, 'as');
    if (as === 'sourcePoint') geom.sourcePoint = point(c)!;
    else if (as === 'targetPoint') geom.targetPoint = point(c)!;
  }
  return geom;
}

/** Reads the cells of an `<mxGraphModel>` in document order. */
export function readCells(model: XmlNode, warnings: CellWarning[]): Cell[] {
  const root = childrenOf(model).find((c) => tagOf(c) === 'root');
  const cells: Cell[] = [];
  const seen = new Set<string>();
  for (const node of root ? childrenOf(root) : []) {
    const tag = tagOf(node);
    let cellNode: XmlNode | undefined;
    let wrapper: XmlNode | undefined;
    if (tag === 'mxCell') cellNode = node;
    else if (tag === 'UserObject' || tag === 'object') {
      wrapper = node;
      cellNode = firstChild(node, 'mxCell') ?? { mxCell: [] };
    } else continue;
    const order = cells.length;
    let id = (wrapper ? attr(wrapper, 'id') : undefined) ?? attr(cellNode, 'id') ?? `#${order}`;
    if (seen.has(id)) {
      warnings.push({ ruleId: 'drawio-duplicate-id', reason: `two cells share the id ${JSON.stringify(id)}; the second is kept as ${JSON.stringify(`${id}#${order}`)}`, cellId: id });
      id = `${id}#${order}`;
    }
    seen.add(id);
    const styleText = attr(cellNode, 'style') ?? '';
    const style = parseStyle(styleText);
    const props = wrapper ? attrMap(wrapper) : undefined;
    const raw = (wrapper ? attr(wrapper, 'label') : attr(cellNode, 'value')) ?? '';
    const label = labelText({
      value: raw,
      html: styleFlag(style, 'html'),
      placeholders: styleFlag(style, 'placeholders') || (wrapper !== undefined && attr(wrapper, 'placeholders') === '1'),
      attrs: props,
    });
    if (props) for (const k of WRAPPER_RESERVED) props.delete(k);
    const cell: Cell = {
      id,
      parent: attr(cellNode, 'parent'),
      order,
      vertex: attr(cellNode, 'vertex') === '1',
      edge: attr(cellNode, 'edge') === '1',
      style,
      label,
      geom: readGeometry(cellNode),
      hidden: attr(cellNode, 'visible') === '0',
      box: { x: 0, y: 0, w: 0, h: 0 },
      origin: { x: 0, y: 0 },
    };
    const source = attr(cellNode, 'source');
    const target = attr(cellNode, 'target');
    if (source !== undefined) cell.source = source;
    if (target !== undefined) cell.target = target;
    if (props && props.size) cell.props = props;
    cells.push(cell);
  }
  return cells;
}

/**
 * Absolute geometry for every vertex (children of containers are relative to the parent's
 * top-left; relative-geometry children are fractions of the parent's size). Cells whose parent
 * chain loops or runs deeper than MAX_CELL_DEPTH are re-attached to the top level with a warning.
 */
export function resolveGeometry(cells: Cell[], warnings: CellWarning[]): void {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const state = new Map<string, 'busy' | 'done'>();
  const resolve = (c: Cell, depth: number): void => {
    if (state.get(c.id) === 'done') return;
    const parent = c.parent !== undefined ? byId.get(c.parent) : undefined;
    if (parent && (state.get(parent.id) === 'busy' || depth > MAX_CELL_DEPTH)) {
      warnings.push({
        ruleId: depth > MAX_CELL_DEPTH ? 'drawio-nesting-depth' : 'drawio-parent-cycle',
        reason: depth > MAX_CELL_DEPTH ? `cell ${JSON.stringify(c.id)} is nested deeper than ${MAX_CELL_DEPTH} containers; treated as top-level`
          : `cell ${JSON.stringify(c.id)} is its own ancestor (parent cycle); treated as top-level`,
        cellId: c.id,
      });
      c.parent = undefined;
    }
    state.set(c.id, 'busy');
    const p = c.parent !== undefined ? byId.get(c.parent) : undefined;
    if (p) resolve(p, depth + 1);
    // Only vertices place their children; layers, the root and edges do not move anything.
    const base = p && p.vertex ? p : undefined;
    const g = c.geom;
    let x = g.x;
    let y = g.y;
    if (base && g.relative && c.vertex) {
      x = base.geom.w * g.x;
      y = base.geom.h * g.y;
    }
    const originX = base ? base.origin.x : p && p.edge ? p.origin.x : 0;
    const originY = base ? base.origin.y : p && p.edge ? p.origin.y : 0;
    c.origin = c.vertex ? { x: finite(originX + x), y: finite(originY + y) } : { x: originX, y: originY };
    if (c.vertex) c.box = rotatedBounds({ x: c.origin.x, y: c.origin.y, w: g.w, h: g.h }, rotationOf(c.style));
    state.set(c.id, 'done');
  };
  // Iterative over cells; recursion only follows parent chains (bounded by MAX_CELL_DEPTH).
  for (const c of cells) resolve(c, 0);
}
