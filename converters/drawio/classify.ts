/**
 * First look at a page: which cells are shapes, which are words (text cells, edge labels), which
 * are connectors, and which draw nothing of their own (layers, invisible groups, decoration).
 */
import type { Cell } from './cells.js';
import { area, center, PointGrid, type Rect } from './geometry.js';
import { lookupStencil, type Target } from './mapping.js';
import type { GroupKind } from './shapes.js';
import { isInvisibleGroup, isTextStyle, stencilOf, styleFlag, type StencilId } from './style.js';

export type Role = 'leaf' | 'group' | 'marker' | 'junction' | 'decoration';

export interface Shape {
  cell: Cell;
  box: Rect;
  /** Own label, or the text cell attached to it. */
  label: string;
  stencil: StencilId;
  /** The table's answer; undefined for shapes the table does not know. */
  target: Target | undefined;
  role: Role;
  /** Container kind for groups and markers. */
  group?: GroupKind;
  /** True when the kind came from reading the label (reported as inferred). */
  inferred?: boolean;
  /** For a marker icon: the box it names (edges to the icon go to the box). */
  absorbedBy?: Shape;
  /** For a box: the marker icon that named it. */
  absorbed?: Shape;
  container?: Shape;
  hasEdges: boolean;
  /** Shapes the table does not know (basic geometry, other vendors' stencils, images). */
  generic: boolean;
}

export interface TextCell {
  cell: Cell;
  box: Rect;
  text: string;
  attached?: Shape;
}

export interface PageCells {
  shapes: Shape[];
  texts: TextCell[];
  edges: Cell[];
  /** Labels written as child cells of an edge. */
  edgeLabels: Map<string, string[]>;
  /** Cells that draw nothing (layers, invisible groups, hidden content). */
  skipped: number;
  hiddenLayers: string[];
}

/** Basic shapes that draw strokes, not things: rules, arrows, brackets. */
const STROKES = new Set(['line', 'arrow', 'flexArrow', 'singleArrow', 'doubleArrow', 'curlyBracket', 'partialRectangle', 'link']);

/** Tiny unlabelled dots that join connector lines (draw.io has no real junctions). */
const JUNCTION_MAX = 16;
/** Step badges ("1", "2", "A") on small plain shapes annotate a diagram; they are not resources. */
const BADGE_MAX = 50;

export function classifyCells(cells: Cell[]): PageCells {
  const byId = new Map(cells.map((c) => [c.id, c]));
  // The root cell has no parent; a cell whose parent is missing from the file is simply top-level.
  const roots = new Set(cells.filter((c) => c.parent === undefined).map((c) => c.id));
  const isLayer = (c: Cell) => !c.vertex && !c.edge && c.parent !== undefined && roots.has(c.parent);
  const hiddenMemo = new Map<string, boolean>();
  const hidden = (c: Cell): boolean => {
    const known = hiddenMemo.get(c.id);
    if (known !== undefined) return known;
    hiddenMemo.set(c.id, c.hidden); // guards cycles (resolveGeometry already cut them)
    const p = c.parent !== undefined ? byId.get(c.parent) : undefined;
    const h = c.hidden || (p !== undefined && p !== c && hidden(p));
    hiddenMemo.set(c.id, h);
    return h;
  };

  const out: PageCells = { shapes: [], texts: [], edges: [], edgeLabels: new Map(), skipped: 0, hiddenLayers: [] };
  const terminals = new Set<string>();
  for (const c of cells) {
    if (isLayer(c) && c.hidden) out.hiddenLayers.push(c.id);
    if (!c.edge || hidden(c)) continue;
    out.edges.push(c);
    if (c.source) terminals.add(c.source);
    if (c.target) terminals.add(c.target);
  }
  for (const c of cells) {
    if (!c.vertex || roots.has(c.id) || isLayer(c) || hidden(c)) {
      if (c.vertex) out.skipped++;
      continue;
    }
    const parent = c.parent !== undefined ? byId.get(c.parent) : undefined;
    if (parent?.edge) {
      if (c.label) out.edgeLabels.set(parent.id, [...(out.edgeLabels.get(parent.id) ?? []), c.label]);
      continue;
    }
    if (isTextStyle(c.style)) {
      if (c.label) out.texts.push({ cell: c, box: c.box, text: c.label });
      continue;
    }
    if (isInvisibleGroup(c.style)) {
      out.skipped++;
      continue;
    }
    const stencil = stencilOf(c.style);
    const target = lookupStencil(stencil);
    const shape: Shape = {
      cell: c, box: c.box, label: c.label, stencil, target, role: 'leaf', hasEdges: terminals.has(c.id), generic: target === undefined,
    };
    const degenerate = c.box.w <= 0 || c.box.h <= 0;
    if (target?.kind === 'decoration' || (!target && (STROKES.has(stencil.sourceType) || (degenerate && !c.label && !shape.hasEdges)))) {
      shape.role = 'decoration';
    } else if (target?.kind === 'group') {
      shape.role = target.marker ? 'marker' : 'group';
      shape.group = target.group;
    } else if (!target && stencil.family === 'basic' && !c.label) {
      if (Math.max(c.box.w, c.box.h) <= JUNCTION_MAX || stencil.sourceType === 'waypoint') shape.role = shape.hasEdges ? 'junction' : 'decoration';
    } else if (!target && stencil.family === 'basic' && !shape.hasEdges && isBadge(c)) {
      shape.role = 'decoration';
    }
    out.shapes.push(shape);
  }
  markGenericGroups(out.shapes);
  return out;
}

/** A small plain shape holding only a step number or letter ("1", "12", "B"). */
function isBadge(c: Cell): boolean {
  return Math.max(c.box.w, c.box.h) <= BADGE_MAX && /^(\d{1,3}|[A-Za-z])$/.test(c.label);
}

/** Shapes that count as drawn content when deciding whether a plain rectangle is a container. */
function isContent(s: Shape): boolean {
  if (s.role === 'junction' || s.role === 'decoration') return false;
  if (!s.generic) return true;
  return !!s.label || s.hasEdges || s.stencil.family !== 'basic';
}

/** More plain boxes than this are not treated as containers (the largest are kept), so a
 *  hostile page of thousands of nested rectangles stays linear. */
export const MAX_GENERIC_CONTAINERS = 1000;

/**
 * A shape the table does not know becomes a container when it holds other drawn shapes — by
 * parentage (draw.io containers, swimlanes) or by drawing them inside its box.
 */
function markGenericGroups(shapes: Shape[]): void {
  const content = shapes.filter(isContent);
  const byCell = new Map(shapes.map((s) => [s.cell.id, s]));
  const hasChildContent = new Set<string>();
  for (const s of content) {
    const p = s.cell.parent !== undefined ? byCell.get(s.cell.parent) : undefined;
    if (p) hasChildContent.add(p.cell.id);
  }
  const sizes = content.map((s) => Math.max(s.box.w, s.box.h)).sort((a, b) => a - b);
  const grid = new PointGrid(content.map((s) => ({ ...center(s.box), s, a: area(s.box) })), Math.max(32, sizes[sizes.length >> 1] ?? 64) * 2);
  const found: Shape[] = [];
  for (const s of shapes) {
    if (!s.generic || s.role !== 'leaf') continue;
    const declared = styleFlag(s.cell.style, 'container') || s.cell.style.names.includes('swimlane') || s.cell.style.values.get('shape') === 'swimlane';
    const a = area(s.box);
    const holds = hasChildContent.has(s.cell.id) || grid.some(s.box, (p) => p.s !== s && p.a < a);
    if (holds || (declared && s.label)) found.push(s);
  }
  found.sort((p, q) => area(q.box) - area(p.box) || p.cell.order - q.cell.order);
  for (const s of found.slice(0, MAX_GENERIC_CONTAINERS)) s.role = 'group';
}
