/**
 * `--layout-from previous.blueprint.json`: every component whose id is in the previous blueprint
 * keeps its previous position exactly (including where a user dragged it in Cloudcraft), and
 * only new things are placed. New components come in blocks — a new container with everything
 * in it, or a single new component — and each block keeps its shape from the fresh layout and
 * goes where the fresh layout puts it relative to its nearest kept neighbour, or to the nearest
 * free spot from there (rings of whole cells) where:
 *
 * - its components and labels overlap no component or label already there;
 * - it lies in no group box it does not belong to;
 * - the groups it joins, grown around it, take in no foreign component and cross no group.
 *
 * Group boxes are then recomputed: auto-sized groups around their members as Cloudcraft draws
 * them; zones, areas and ASGs keep their previous box, grown to hold their content.
 */
import type { Blueprint } from '../blueprint.js';
import type { Graph } from '../graph/types.js';
import { componentSpec } from '../catalog/index.js';
import { LABEL } from './footprint.js';
import { BoxIndex, boxesOverlap, inflate, unionBox } from './geometry.js';
import { labelBox } from './quality.js';
import type { Box, LayoutOptions, Scene, SceneGroup } from './types.js';
import { ZONE_LABEL_ROOM, ZONE_MARGIN } from './matrix.js';

type Point = { x: number; y: number };

/** Positions and sizes in a previous blueprint, by object id (relative positions resolved). */
export function previousGeometry(previous: Blueprint): { pos: Map<string, Point>; size: Map<string, { w: number; h: number }> } {
  const raw = new Map<string, unknown>();
  const size = new Map<string, { w: number; h: number }>();
  const data = (previous as { data?: Record<string, unknown> } | undefined)?.data ?? {};
  for (const array of ['nodes', 'groups', 'surfaces', 'text', 'icons', 'images']) {
    const list = data[array];
    if (!Array.isArray(list)) continue;
    for (const o of list as Record<string, unknown>[]) {
      if (!o || typeof o !== 'object' || typeof o['id'] !== 'string') continue;
      if (o['mapPos'] !== undefined) raw.set(o['id'], o['mapPos']);
      const s = o['mapSize'];
      if (Array.isArray(s) && s.length === 2 && s.every((v) => typeof v === 'number' && Number.isFinite(v))) size.set(o['id'], { w: s[0], h: s[1] });
    }
  }
  const pos = new Map<string, Point>();
  const resolve = (id: string, depth: number): Point | undefined => {
    if (pos.has(id)) return pos.get(id);
    const v = raw.get(id);
    let p: Point | undefined;
    if (Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n))) p = { x: v[0], y: v[1] };
    else if (v && typeof v === 'object' && depth < 16) {
      // Cloudcraft's relative form: { relTo, offset }.
      const rel = v as { relTo?: unknown; offset?: unknown };
      const base = typeof rel.relTo === 'string' ? resolve(rel.relTo, depth + 1) : undefined;
      const off = Array.isArray(rel.offset) && rel.offset.length === 2 ? rel.offset as number[] : [0, 0];
      if (base && off.every((n) => typeof n === 'number' && Number.isFinite(n))) p = { x: base.x + off[0]!, y: base.y + off[1]! };
    }
    if (p) pos.set(id, p);
    return p;
  };
  for (const id of raw.keys()) resolve(id, 0);
  return { pos, size };
}

function isAutoSized(type: string): boolean {
  return type !== 'zone' && type !== 'area' && componentSpec(type)?.hasMapSize !== true;
}

/** Rings of whole-cell offsets around (0, 0), nearest first, in a fixed order. */
function* rings(limit: number): Generator<Point> {
  yield { x: 0, y: 0 };
  for (let r = 1; r <= limit; r++) {
    for (let x = -r; x <= r; x++) yield { x, y: -r };
    for (let y = -r + 1; y <= r; y++) yield { x: r, y };
    for (let x = r - 1; x >= -r; x--) yield { x, y: r };
    for (let y = r - 1; y > -r; y--) yield { x: -r, y };
  }
}

const SEARCH_RINGS = 120;
/** Free floor kept around a new component's cell. */
const CLEARANCE = 0.5;

export function keepPrevious(fresh: Scene, _graph: Graph, previous: Blueprint, _options: LayoutOptions = {}): Scene {
  const prev = previousGeometry(previous);
  const kept = new Set(fresh.nodes.filter((n) => prev.pos.has(n.id)).map((n) => n.id));
  if (kept.size === 0) return fresh;

  const groups = new Map(fresh.groups.map((g) => [g.id, { ...g, box: { ...g.box }, members: [...g.members] }]));
  const parentOf = new Map<string, string | undefined>();
  const listedBy = new Map<string, string>();
  for (const g of groups.values()) for (const m of g.members) if (!listedBy.has(m)) listedBy.set(m, g.id);
  for (const n of fresh.nodes) parentOf.set(n.id, n.parent ?? listedBy.get(n.id));
  for (const g of groups.values()) parentOf.set(g.id, g.parent ?? listedBy.get(g.id));
  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf.get(id); p !== undefined && out.length < 64; p = parentOf.get(p)) out.push(p);
    return out;
  };
  const children = new Map<string, string[]>();
  for (const [id, p] of parentOf) if (p) (children.get(p) ?? children.set(p, []).get(p)!).push(id);
  const subtreeNodes = (gid: string): string[] => {
    const out: string[] = [];
    const walk = (id: string) => {
      for (const c of children.get(id) ?? []) {
        if (groups.has(c)) walk(c);
        else out.push(c);
      }
    };
    walk(gid);
    return out;
  };
  const isNew = (gid: string): boolean => {
    const g = groups.get(gid)!;
    if (!isAutoSized(g.ccType) && prev.pos.has(gid)) return false;
    return subtreeNodes(gid).every((id) => !kept.has(id));
  };

  // Positions: kept components where they were; new blocks are found below.
  const nodeBox = new Map(fresh.nodes.map((n) => [n.id, { ...n.box }]));
  for (const id of kept) {
    const p = prev.pos.get(id)!;
    const b = nodeBox.get(id)!;
    nodeBox.set(id, { ...b, x: p.x, y: p.y });
  }
  const labelsOf = new Map<string, typeof fresh.labels>();
  for (const l of fresh.labels) (labelsOf.get(l.anchor) ?? labelsOf.set(l.anchor, []).get(l.anchor)!).push(l);

  // Blocks of new things, outermost new group first.
  const blockOf = new Map<string, string>();
  const blocks: { root: string; nodes: string[]; groups: string[] }[] = [];
  for (const n of fresh.nodes) {
    if (kept.has(n.id) || blockOf.has(n.id)) continue;
    let root: string | undefined;
    for (const gid of chain(n.id)) {
      if (isNew(gid)) root = gid;
      else break;
    }
    if (root) {
      const nodes = subtreeNodes(root);
      const gs = [root, ...[...groups.keys()].filter((g) => chain(g).includes(root!))];
      for (const id of nodes) blockOf.set(id, root);
      blocks.push({ root, nodes, groups: gs });
    } else {
      blockOf.set(n.id, n.id);
      blocks.push({ root: n.id, nodes: [n.id], groups: [] });
    }
  }

  // Obstacles: kept components and their labels (where their labels will be).
  const cells: Box[] = [];
  const owner: string[] = [];
  const index = new BoxIndex([], 4);
  const occupy = (b: Box, id: string) => { cells.push(b); owner.push(id); index.add(b); };
  const cellOf = (id: string, box: Box): Box => {
    let c = box;
    for (const l of labelsOf.get(id) ?? []) {
      const p = prev.pos.get(l.id);
      const lb = labelBox({ ...l, ...(p ?? { x: box.x, y: box.y + box.h + LABEL.offset }) });
      c = unionBox(c, lb);
    }
    return c;
  };
  for (const id of kept) occupy(cellOf(id, nodeBox.get(id)!), id);

  // Current group boxes (auto-sized ones around their kept members).
  const groupBox = new Map<string, Box>();
  const labelById = new Map(fresh.labels.map((l) => [l.id, l]));
  /** Where a label is now: kept where it was, else under its component. */
  const currentLabel = (id: string): Box | undefined => {
    const l = labelById.get(id)!;
    const p = prev.pos.get(id);
    if (p) return labelBox({ ...l, ...p });
    const a = nodeBox.get(l.anchor);
    if (a && (kept.has(l.anchor) || placed.has(l.anchor))) return labelBox({ ...l, x: a.x, y: a.y + a.h + LABEL.offset });
    return undefined;
  };
  const memberBox = (id: string): Box | undefined => nodeBox.get(id) ?? groupBox.get(id) ?? (labelById.has(id) ? currentLabel(id) : undefined);
  const refit = () => {
    for (const g of [...groups.values()].sort((a, b) => chain(b.id).length - chain(a.id).length)) {
      const inside = (isAutoSized(g.ccType) ? g.members : children.get(g.id) ?? [])
        .filter((m) => kept.has(m) || placed.has(m) || groupBox.has(m) || labelById.has(m))
        .map((m) => memberBox(m)).filter((b): b is Box => !!b);
      const pad = g.padding ?? (g.ccType === 'zone' ? ZONE_MARGIN : 1);
      const fit = inside.length ? inflate(inside.reduce(unionBox), pad) : undefined;
      const old = prev.pos.get(g.id), size = prev.size.get(g.id);
      const before = !isAutoSized(g.ccType) && old && size ? { x: old.x, y: old.y, w: size.w, h: size.h } : undefined;
      const box = before && fit ? unionBox(before, fit) : before ?? fit;
      if (box) groupBox.set(g.id, g.ccType === 'zone' && fit && !before ? { ...box, y: box.y - ZONE_LABEL_ROOM, h: box.h + ZONE_LABEL_ROOM } : box);
    }
  };
  const placed = new Set<string>();
  refit();

  const foreign = (box: Box, allowed: ReadonlySet<string>, ignore?: Box): boolean => {
    for (const [gid, gb] of groupBox) {
      if (allowed.has(gid) || !boxesOverlap(box, gb)) continue;
      if (ignore && boxesOverlap(ignore, gb)) continue;
      return true;
    }
    return false;
  };

  for (const block of blocks) {
    // Fresh shape of the block: its components' cells (and its groups' boxes).
    const freshCells = block.nodes.map((id) => cellOf(id, nodeBox.get(id)!));
    const shape = [...freshCells, ...block.groups.map((g) => groups.get(g)!.box)].reduce(unionBox);
    // Ideal translation: the fresh offset from the nearest kept component, applied to where it is now.
    const ancestors = chain(block.nodes[0]!).filter((g) => !block.groups.includes(g));
    let anchor: string | undefined, best = Infinity;
    const near = (a: Box, b: Box) => Math.hypot(a.x - b.x, a.y - b.y);
    const freshBox = new Map(fresh.nodes.map((n) => [n.id, n.box]));
    const home = ancestors[0];
    for (const id of kept) {
      const sameHome = home !== undefined && chain(id).includes(home);
      const d = near(freshBox.get(id)!, shape) - (sameHome ? 1e6 : 0);
      if (d < best || (d === best && id < anchor!)) { best = d; anchor = id; }
    }
    const fa = freshBox.get(anchor!)!, pa = nodeBox.get(anchor!)!;
    const ideal = { x: pa.x - fa.x, y: pa.y - fa.y };
    const allowed = new Set([...ancestors, ...block.groups]);
    let chosen: Point | undefined;
    for (const step of rings(SEARCH_RINGS)) {
      const t = { x: ideal.x + step.x, y: ideal.y + step.y };
      const moved = freshCells.map((c) => ({ ...c, x: c.x + t.x, y: c.y + t.y }));
      const outline = { ...shape, x: shape.x + t.x, y: shape.y + t.y };
      if (moved.some((c) => index.near(inflate(c, CLEARANCE)).some((i) => boxesOverlap(inflate(c, CLEARANCE), cells[i]!)))) continue;
      if (foreign(outline, allowed)) continue;
      // The groups it joins grow around it; they must not take in anything foreign.
      let ok = true;
      let inner = outline;
      for (const gid of ancestors) {
        const g = groups.get(gid)!;
        const gb = groupBox.get(gid);
        const grown = gb ? unionBox(gb, inflate(inner, g.padding ?? 1)) : inflate(inner, g.padding ?? 1);
        if (gb && grown.x === gb.x && grown.y === gb.y && grown.w === gb.w && grown.h === gb.h) break;
        const mine = new Set(subtreeNodes(gid));
        if (index.near(grown).some((i) => boxesOverlap(grown, cells[i]!) && !(gb && boxesOverlap(gb, cells[i]!)) && !mine.has(owner[i]!))) { ok = false; break; }
        if (foreign(grown, new Set([gid, ...chain(gid), ...[...groupBox.keys()].filter((k) => chain(k).includes(gid))]), gb)) { ok = false; break; }
        inner = grown;
      }
      if (!ok) continue;
      chosen = t;
      break;
    }
    // Nothing free nearby: beside everything, where nothing can overlap it.
    if (!chosen) {
      const all = cells.reduce(unionBox, shape);
      chosen = { x: all.x + all.w + 2 - shape.x, y: all.y - shape.y };
    }
    for (const id of block.nodes) {
      const b = nodeBox.get(id)!;
      nodeBox.set(id, { ...b, x: b.x + chosen.x, y: b.y + chosen.y });
      placed.add(id);
      occupy(cellOf(id, nodeBox.get(id)!), id);
    }
    for (const gid of block.groups) {
      const g = groups.get(gid)!;
      g.box = { ...g.box, x: g.box.x + chosen.x, y: g.box.y + chosen.y };
      if (!isAutoSized(g.ccType)) groupBox.set(gid, g.box);
    }
    refit();
  }

  // Final scene: components, labels, then group boxes around them.
  const scene: Scene = { nodes: fresh.nodes.map((n) => ({ ...n, box: nodeBox.get(n.id)! })), groups: [], labels: [] };
  const blockShift = new Map<string, Point>();
  for (const n of fresh.nodes) {
    const b = nodeBox.get(n.id)!;
    blockShift.set(n.id, { x: b.x - n.box.x, y: b.y - n.box.y });
  }
  for (const g of groups.values()) {
    const fb = fresh.groups.find((x) => x.id === g.id)!.box;
    blockShift.set(g.id, { x: g.box.x - fb.x, y: g.box.y - fb.y });
  }
  for (const l of fresh.labels) {
    const p = prev.pos.get(l.id);
    const s = blockShift.get(l.anchor) ?? { x: 0, y: 0 };
    const anchorNode = nodeBox.get(l.anchor);
    const at = p ?? (anchorNode && kept.has(l.anchor) ? { x: anchorNode.x, y: anchorNode.y + anchorNode.h + LABEL.offset } : { x: l.x + s.x, y: l.y + s.y });
    scene.labels.push({ ...l, x: at.x, y: at.y });
  }
  finalBoxes(scene, fresh.groups.map((g) => groups.get(g.id)!), prev);
  return scene;
}

/** Group boxes around the final positions (children first). */
function finalBoxes(scene: Scene, groups: SceneGroup[], prev: ReturnType<typeof previousGeometry>): void {
  const boxOf = new Map<string, Box>();
  for (const n of scene.nodes) boxOf.set(n.id, n.box);
  for (const l of scene.labels) boxOf.set(l.id, labelBox(l));
  const byParent = new Map<string, SceneGroup[]>();
  for (const g of groups) if (g.parent) (byParent.get(g.parent) ?? byParent.set(g.parent, []).get(g.parent)!).push(g);
  const depth = (g: SceneGroup): number => {
    let d = 0;
    for (let p = g.parent; p && d < 64; p = groups.find((x) => x.id === p)?.parent) d++;
    return d;
  };
  const order = [...groups].sort((a, b) => depth(b) - depth(a));
  const out = new Map<string, SceneGroup>();
  for (const g of order) {
    const inside: Box[] = [];
    for (const m of g.members) { const b = boxOf.get(m); if (b) inside.push(b); }
    for (const c of byParent.get(g.id) ?? []) { const b = boxOf.get(c.id); if (b) inside.push(b); }
    for (const n of scene.nodes) if (n.parent === g.id) inside.push(n.box);
    let box = g.box;
    if (isAutoSized(g.ccType)) {
      const members = g.members.map((m) => boxOf.get(m)).filter((b): b is Box => !!b);
      if (members.length) box = inflate(members.reduce(unionBox), g.padding ?? 0);
    } else {
      const p = prev.pos.get(g.id), s = prev.size.get(g.id);
      const base = p && s ? { x: p.x, y: p.y, w: s.w, h: s.h } : g.box;
      const margin = g.ccType === 'zone' ? ZONE_MARGIN : 1;
      const fit = inside.length ? inflate(inside.reduce(unionBox), margin) : undefined;
      box = fit ? unionBox(base, g.ccType === 'zone' && !(p && s) ? { ...fit, y: fit.y - ZONE_LABEL_ROOM, h: fit.h + ZONE_LABEL_ROOM } : fit) : base;
    }
    const ng = { ...g, box };
    boxOf.set(g.id, box);
    out.set(g.id, ng);
  }
  scene.groups = groups.map((g) => out.get(g.id)!);
}
