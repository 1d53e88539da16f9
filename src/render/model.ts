/**
 * Reads a blueprint (ours or one exported from Cloudcraft) into what the renderer draws: boxes
 * in grid units for components, containers, floor surfaces and labels, and the edges between
 * them. Lenient: an object it cannot place is left out with a warning that points at it, and
 * nothing in the blueprint is trusted (every value is checked before use).
 *
 * Auto-sized containers (vpc, subnet, sg, region, networkacl: no mapPos/mapSize) are drawn
 * the way Cloudcraft draws them and our layout assumes: the bounding box of their members,
 * recursively, plus their `padding` (default 1.5).
 */
import type { Blueprint } from '../blueprint.js';
import { LABEL_ANCHOR_KEY } from '../catalog/placement.js';
import { createDiagnostic, type Diagnostic, type Severity } from '../diagnostics.js';
import type { Box } from '../layout/types.js';
import { blueprintColour } from './colour.js';
import type { Projection, Pt, TextAxis } from './projection.js';
import { typeStyle, CATEGORY_STYLE } from './styles.js';
import { textFootprint } from './text.js';
import { finite, point, positionResolver, relativeTo, type PositionOf } from './positions.js';

export const DEFAULT_PADDING = 1.5;

export interface RenderNode {
  id: string;
  type: string;
  /** `/data/nodes/3`: where the object sits in the blueprint. */
  pointer: string;
  box: Box;
  /** Block height in grid units (0: a flat tile). */
  height: number;
  colour: string | undefined;
  /** The blueprint object as read (its mapped fields feed the tooltip). */
  object: Record<string, unknown>;
}

export interface RenderGroup {
  id: string;
  type: string;
  pointer: string;
  box: Box;
  /** Ground outline for `area` surfaces (absolute grid points); otherwise the box. */
  polygon?: Pt[];
  name: string | undefined;
  colour: string | undefined;
  /** An area's `borderColor` (its `color` is the floor's fill). */
  border: string | undefined;
  /** Sized from its members (no mapPos/mapSize of its own). */
  auto: boolean;
  visible: boolean;
  object: Record<string, unknown>;
}

export interface RenderText {
  id: string;
  pointer: string;
  x: number;
  y: number;
  text: string;
  size: number;
  axis: TextAxis;
  standing: boolean;
  outline: boolean;
  colour: string | undefined;
  /** The object the label belongs to, when the blueprint says (our `attachedTo`). */
  anchor: string | undefined;
  footprint: Box;
}

export interface RenderEdge {
  id: string;
  pointer: string;
  from: string;
  to: string;
  colour: string | undefined;
  width: number;
  dashed: boolean;
  startCap: boolean;
  endCap: boolean;
}

export interface RenderModel {
  name: string;
  nodes: RenderNode[];
  groups: RenderGroup[];
  texts: RenderText[];
  edges: RenderEdge[];
  /** Every placed object's ground box (nodes, groups, texts) by id, for edges and tests. */
  boxes: Map<string, Box>;
  diagnostics: Diagnostic[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Numbers, and numeric strings (Cloudcraft's own examples write many numbers as strings). */
function numeric(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return finite(n) ? n : undefined;
}

function positive(v: unknown, fallback: number, max: number): number {
  const n = numeric(v);
  return n !== undefined && n > 0 ? Math.min(n, max) : fallback;
}

export function union(boxes: readonly Box[]): Box | undefined {
  if (!boxes.length) return undefined;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w); y1 = Math.max(y1, b.y + b.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const TEXT_AXIS: Record<string, TextAxis> = { down: 'x', left: 'x', right: 'y', up: 'y' };

/** Blueprint arrays whose objects are drawn as blocks or tiles standing on the ground. */
const NODE_ARRAYS = ['nodes', 'icons', 'images'] as const;
const GROUP_ARRAYS = ['groups', 'surfaces'] as const;
/** Read in this order, so a duplicate id is reported on the same object every time. */
const ALL_ARRAYS = [...NODE_ARRAYS, 'text', ...GROUP_ARRAYS, 'edges'] as const;
/** Cloudcraft's default for a label without textSize. */
const DEFAULT_TEXT_SIZE = 25;

interface Entry {
  object: Obj;
  pointer: string;
  id: string;
  type: string;
}

export interface ReadOptions {
  projection: Projection;
  file?: string;
}

/** The `data` object of a blueprint document, or a diagnostic saying why there is none. */
export function blueprintData(doc: unknown): Obj | undefined {
  if (!isObj(doc)) return undefined;
  if (isObj(doc['data'])) return doc['data'];
  // A bare `data` object (what some tools export) is accepted too.
  return Array.isArray(doc['nodes']) || Array.isArray(doc['groups']) ? doc : undefined;
}

export function readModel(doc: Blueprint | unknown, options: ReadOptions): RenderModel {
  const diagnostics: Diagnostic[] = [];
  const note = (severity: Severity, ruleId: string, reason: string, pointer?: string) =>
    diagnostics.push(createDiagnostic(reason, { ruleId, source: 'render', severity, ...(options.file ? { file: options.file } : {}), ...(pointer ? { pointer } : {}) }));
  const model: RenderModel = { name: 'blueprint', nodes: [], groups: [], texts: [], edges: [], boxes: new Map(), diagnostics };
  const data = blueprintData(doc);
  if (!data) {
    note('error', 'render-not-blueprint', 'not a Cloudcraft blueprint: expected an object with a "data" object holding "nodes", "groups", "edges", …');
    return model;
  }
  const top = doc as Obj;
  const name = typeof data['name'] === 'string' && data['name'] ? data['name'] : typeof top['name'] === 'string' ? top['name'] : '';
  model.name = name.slice(0, 200) || 'blueprint';

  const seen = new Set<string>();
  const objects = (array: string): Entry[] => {
    const list = data[array];
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      note('warning', 'render-bad-array', `data.${array} is not an array; it is ignored`, `/data/${array}`);
      return [];
    }
    const out: Entry[] = [];
    list.forEach((object: unknown, i) => {
      const pointer = `/data/${array}/${i}`;
      if (!isObj(object) || typeof object['id'] !== 'string' || typeof object['type'] !== 'string') {
        note('warning', 'render-bad-object', `data.${array}[${i}] has no string "id" and "type"; it is not drawn`, pointer);
        return;
      }
      if (seen.has(object['id'])) {
        note('warning', 'render-duplicate-id', `id ${JSON.stringify(object['id'])} is used twice; the second object is not drawn`, pointer);
        return;
      }
      seen.add(object['id']);
      out.push({ object, pointer, id: object['id'], type: object['type'] });
    });
    return out;
  };

  const entries = new Map(ALL_ARRAYS.map((array) => [array, objects(array)]));
  const positionOf = positionResolver(new Map([...entries.values()].flat().map((e) => [e.id, e.object['mapPos']])));

  for (const array of NODE_ARRAYS) {
    for (const { object, pointer, id, type } of entries.get(array)!) {
      const pos = positionOf(id);
      if (!pos) {
        note('warning', 'render-no-position', `${type} ${JSON.stringify(id)} has no usable mapPos; it is not drawn`, pointer);
        continue;
      }
      const style = typeStyle(type);
      // `block` carries its own size (default 2×2×1); every other component covers one cell, as in the layout.
      const w = type === 'block' ? positive(object['width'], 2, 100) : 1;
      const h = type === 'block' ? positive(object['depth'], 2, 100) : 1;
      const height = type === 'block' ? positive(object['height'], 1, 20) : style.height ?? CATEGORY_STYLE[style.category].height;
      // An icon's own colour is its glyph's; the tile takes its background.
      const colour = blueprintColour(type === 'icon' ? object['background'] : object['color'], options.projection);
      const node: RenderNode = { id, type, pointer, box: { x: pos[0], y: pos[1], w, h }, height, colour, object };
      model.nodes.push(node);
      model.boxes.set(id, node.box);
    }
  }

  for (const { object, pointer, id } of entries.get('text')!) {
    const pos = positionOf(id);
    const text = typeof object['text'] === 'string' ? object['text'] : undefined;
    if (!pos || text === undefined) {
      note('warning', 'render-no-position', `text ${JSON.stringify(id)} has no usable mapPos or text; it is not drawn`, pointer);
      continue;
    }
    const size = positive(object['textSize'], DEFAULT_TEXT_SIZE, 400);
    const axis: TextAxis = object['isometric'] === false ? 'screen' : TEXT_AXIS[String(object['direction'])] ?? 'x';
    // Ours say what they label in `attachedTo`; Cloudcraft's follow their component by a relative mapPos.
    const anchor = LABEL_ANCHOR_KEY && typeof object[LABEL_ANCHOR_KEY] === 'string' ? object[LABEL_ANCHOR_KEY] as string : relativeTo(object['mapPos']);
    const t: RenderText = {
      id, pointer, x: pos[0], y: pos[1], text, size, axis, standing: object['standing'] === true,
      outline: object['outline'] !== false, colour: blueprintColour(object['color'], options.projection), anchor,
      footprint: textFootprint(pos[0], pos[1], text, size, axis),
    };
    model.texts.push(t);
    model.boxes.set(id, t.footprint);
  }

  readGroups(model, GROUP_ARRAYS.flatMap((a) => entries.get(a)!), positionOf, options, note);

  for (const { object, pointer, id } of entries.get('edges')!) {
    const from = object['from'];
    const to = object['to'];
    if (typeof from !== 'string' || typeof to !== 'string') {
      note('warning', 'render-bad-edge', `edge ${JSON.stringify(id)} has no string "from" and "to"; it is not drawn`, pointer);
      continue;
    }
    const missing = [from, to].filter((end) => !model.boxes.has(end));
    if (missing.length) {
      note('warning', 'render-edge-end', `edge ${JSON.stringify(id)} points at ${missing.map((m) => JSON.stringify(m)).join(' and ')}, which is not drawn; the edge is left out`, pointer);
      continue;
    }
    model.edges.push({
      id, pointer, from, to,
      colour: blueprintColour(object['color'], options.projection),
      width: finite(object['width']) ? Math.min(12, Math.max(0.5, object['width'])) : 2,
      dashed: object['dashed'] === true,
      startCap: object['startCap'] === 'arrow',
      endCap: object['endCap'] === undefined || object['endCap'] === 'arrow',
    });
  }

  if (Array.isArray(data['connectors']) && data['connectors'].length) {
    note('info', 'render-unsupported', `${data['connectors'].length} connector object(s) are not drawn (their shape is not documented)`, '/data/connectors');
  }
  return model;
}

type Note = (severity: Severity, ruleId: string, reason: string, pointer?: string) => void;

function readGroups(model: RenderModel, entries: Entry[], positionOf: PositionOf, options: ReadOptions, note: Note): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const boxes = new Map<string, Box | null>();
  const polygons = new Map<string, Pt[]>();
  const visiting = new Set<string>();

  /** A group's own box: fixed (mapPos + mapSize, or an area's points) or its members' + padding. */
  const boxOf = (id: string): Box | null => {
    const known = boxes.get(id);
    if (known !== undefined) return known;
    const entry = byId.get(id)!;
    const o = entry.object;
    const pos = positionOf(id);
    const size = point(o['mapSize']);
    let box: Box | null = null;
    if (pos && Array.isArray(o['points']) && o['points'].length >= 3) {
      const pts = (o['points'] as unknown[]).map(point);
      if (pts.every((p): p is Pt => p !== undefined)) {
        const abs = pts.map(([x, y]): Pt => [pos[0] + x, pos[1] + y]);
        polygons.set(id, abs);
        box = union(abs.map(([x, y]) => ({ x, y, w: 0, h: 0 }))) ?? null;
      }
    } else if (pos && size && size[0] >= 0 && size[1] >= 0) {
      box = { x: pos[0], y: pos[1], w: size[0], h: size[1] };
    } else if (Array.isArray(o['nodes'])) {
      visiting.add(id);
      const members: Box[] = [];
      for (const m of o['nodes'] as unknown[]) {
        if (typeof m !== 'string') continue;
        if (visiting.has(m)) {
          note('warning', 'render-group-cycle', `${entry.type} ${JSON.stringify(id)} contains ${JSON.stringify(m)}, which contains it; that member is ignored`, entry.pointer);
          continue;
        }
        const b = byId.has(m) ? boxOf(m) : model.boxes.get(m);
        if (b) members.push(b);
      }
      visiting.delete(id);
      const bbox = union(members);
      const given = numeric(o['padding']);
      const pad = given !== undefined && given >= 0 ? Math.min(given, 100) : DEFAULT_PADDING;
      box = bbox ? { x: bbox.x - pad, y: bbox.y - pad, w: bbox.w + 2 * pad, h: bbox.h + 2 * pad } : null;
    } else if (pos) {
      box = { x: pos[0], y: pos[1], w: 1, h: 1 };
    }
    boxes.set(id, box);
    return box;
  };

  for (const e of entries) {
    const box = boxOf(e.id);
    if (!box) {
      note('warning', 'render-empty-group', `${e.type} ${JSON.stringify(e.id)} has no position and no drawn members; it is not drawn`, e.pointer);
      continue;
    }
    const o = e.object;
    const name = typeof o['name'] === 'string' && o['name'] ? o['name'] : e.type === 'region' ? regionName(o) : undefined;
    const auto = !(positionOf(e.id) && (point(o['mapSize']) || polygons.has(e.id)));
    const group: RenderGroup = {
      id: e.id, type: e.type, pointer: e.pointer, box, name, auto, visible: o['visible'] !== false, object: o,
      colour: blueprintColour(o['color'], options.projection),
      border: blueprintColour(o['borderColor'], options.projection),
    };
    const polygon = polygons.get(e.id);
    if (polygon) group.polygon = polygon;
    model.groups.push(group);
    model.boxes.set(e.id, box);
  }
}

/** A region container names its region in `region` (Cloudcraft exports) or in its dummy `arn:aws::<region>::`. */
function regionName(o: Obj): string | undefined {
  if (typeof o['region'] === 'string' && o['region']) return o['region'];
  const m = typeof o['arn'] === 'string' ? /^arn:[^:]*::([^:]+)::/.exec(o['arn']) : null;
  return m ? m[1] : undefined;
}
