/**
 * Layout quality, measured on a Scene: footprint overlaps, group violations (a member outside its
 * group, a component inside a group it does not belong to, group boxes that cross instead of
 * nesting), edge crossings and length (straight lines between centres, as Cloudcraft draws
 * them), bounding area per node, labels hidden under or behind components (isometric shadows),
 * edges against the flow, and how many nodes moved between two layouts. Used by the tests and
 * the benchmark; it works on any Scene, including ones from other engines.
 */
import { LABEL, labelWidth } from './footprint.js';
import { BoxIndex, boxContains, boxesOverlap } from './geometry.js';
import type { Box, Scene } from './types.js';

export interface QualityOptions {
  projection?: 'isometric' | '2d';
  direction?: 'right' | 'down';
  /** Height of each node (default 1), for isometric shadows. */
  heights?: ReadonlyMap<string, number>;
  /** Skip the O(E²)-worst-case crossing count (large benchmarks). */
  skipCrossings?: boolean;
}

export interface GroupViolations {
  /** [group, member]: a listed member whose box is not inside the group's box. */
  membersOutside: [string, string][];
  /** [group, node]: a component overlapping a group box it does not sit in. */
  intruders: [string, string][];
  /** [group, group]: two group boxes that overlap without one being inside the other's subtree. */
  crossingGroups: [string, string][];
  /** [group, parent]: a group box that is not inside the box of the group it sits in. */
  unnested: [string, string][];
}

export interface LayoutQuality {
  nodes: number;
  groups: number;
  edges: number;
  overlaps: [string, string][];
  groupViolations: GroupViolations;
  groupViolationCount: number;
  crossings: number;
  crossingsPerEdge: number;
  totalEdgeLength: number;
  meanEdgeLength: number;
  boundingArea: number;
  areaPerNode: number;
  /** [label, node]: a label under a component's footprint or, in isometric view, in its shadow. */
  labelsHidden: [string, string][];
  /** [label, label]: two labels whose text overlaps. */
  labelOverlaps: [string, string][];
  /** Edges whose target lies behind their source along the flow. */
  backwardEdges: number;
}

export function measureLayout(scene: Scene, edges: readonly { from: string; to: string }[] = [], options: QualityOptions = {}): LayoutQuality {
  const groupById = new Map(scene.groups.map((g) => [g.id, g]));
  // Visual parent: explicit, else the smallest group that lists the object.
  const listedBy = new Map<string, string>();
  const area = (b: Box) => b.w * b.h;
  for (const g of scene.groups) {
    for (const m of g.members) {
      const cur = listedBy.get(m);
      if (!cur || area(g.box) < area(groupById.get(cur)!.box)) listedBy.set(m, g.id);
    }
  }
  const parentOf = (id: string, explicit: string | undefined) => explicit ?? listedBy.get(id);
  const groupParent = new Map(scene.groups.map((g) => [g.id, parentOf(g.id, g.parent)]));
  const isInside = (start: string | undefined, group: string): boolean => {
    for (let p = start, hops = 0; p !== undefined && hops < 64; p = groupParent.get(p), hops++) if (p === group) return true;
    return false;
  };

  // Footprint overlaps.
  const nodeBoxes = scene.nodes.map((n) => n.box);
  const index = new BoxIndex(nodeBoxes);
  const overlaps: [string, string][] = [];
  scene.nodes.forEach((n, i) => {
    for (const j of index.near(n.box)) if (j > i && boxesOverlap(n.box, nodeBoxes[j]!)) overlaps.push([n.id, scene.nodes[j]!.id]);
  });

  // Group violations.
  const boxOf = new Map<string, Box>();
  for (const n of scene.nodes) boxOf.set(n.id, n.box);
  for (const g of scene.groups) boxOf.set(g.id, g.box);
  for (const l of scene.labels) boxOf.set(l.id, labelBox(l));
  const v: GroupViolations = { membersOutside: [], intruders: [], crossingGroups: [], unnested: [] };
  for (const g of scene.groups) {
    for (const m of g.members) {
      const b = boxOf.get(m);
      if (b && !boxContains(g.box, b)) v.membersOutside.push([g.id, m]);
    }
    const p = groupParent.get(g.id);
    const pb = p ? groupById.get(p)?.box : undefined;
    if (p && pb && !boxContains(pb, g.box)) v.unnested.push([g.id, p]);
    for (const j of index.near(g.box)) {
      const n = scene.nodes[j]!;
      if (boxesOverlap(g.box, n.box) && !isInside(parentOf(n.id, n.parent), g.id)) v.intruders.push([g.id, n.id]);
    }
  }
  const byX = [...scene.groups].sort((a, b) => a.box.x - b.box.x);
  for (let i = 0; i < byX.length; i++) {
    const a = byX[i]!;
    for (let j = i + 1; j < byX.length && byX[j]!.box.x < a.box.x + a.box.w; j++) {
      const b = byX[j]!;
      if (!boxesOverlap(a.box, b.box)) continue;
      if (isInside(a.id, b.id) || isInside(b.id, a.id)) continue;
      v.crossingGroups.push(a.id < b.id ? [a.id, b.id] : [b.id, a.id]);
    }
  }
  const groupViolationCount = v.membersOutside.length + v.intruders.length + v.crossingGroups.length + v.unnested.length;

  // Edges: straight lines between the centres of what they connect.
  const endpointBox = new Map<string, Box>();
  for (const n of scene.nodes) endpointBox.set(n.id, n.box);
  for (const g of scene.groups) {
    if (g.resourceId && !endpointBox.has(g.resourceId)) endpointBox.set(g.resourceId, g.box);
    if (!endpointBox.has(g.id)) endpointBox.set(g.id, g.box);
  }
  const segs: Segment[] = [];
  const dir = options.direction ?? 'right';
  let totalEdgeLength = 0;
  let backwardEdges = 0;
  for (const e of edges) {
    const a = endpointBox.get(e.from), b = endpointBox.get(e.to);
    if (!a || !b || e.from === e.to) continue;
    const s: Segment = { a: e.from, b: e.to, x1: a.x + a.w / 2, y1: a.y + a.h / 2, x2: b.x + b.w / 2, y2: b.y + b.h / 2 };
    segs.push(s);
    totalEdgeLength += Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
    if ((dir === 'right' ? s.x2 - s.x1 : s.y2 - s.y1) < -1e-9) backwardEdges++;
  }
  const crossings = options.skipCrossings ? 0 : countSegmentCrossings(segs);

  // Labels.
  const iso = options.projection !== '2d';
  const labelsHidden: [string, string][] = [];
  const labelOverlaps: [string, string][] = [];
  const labelBoxes = scene.labels.map(labelBox);
  const labelIndex = new BoxIndex(labelBoxes);
  scene.labels.forEach((l, i) => {
    const lb = labelBoxes[i]!;
    const reach = iso ? 4 : 0;
    for (const j of index.near({ x: lb.x, y: lb.y, w: lb.w + reach, h: lb.h + reach })) {
      const n = scene.nodes[j]!;
      const h = iso ? options.heights?.get(n.id) ?? 1 : 0;
      if (inShadow(lb, n.box, h)) labelsHidden.push([l.id, n.id]);
    }
    for (const j of labelIndex.near(lb)) if (j > i && boxesOverlap(lb, labelBoxes[j]!)) labelOverlaps.push([l.id, scene.labels[j]!.id]);
  });

  // Bounding area.
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of [...nodeBoxes, ...scene.groups.map((g) => g.box), ...labelBoxes]) {
    x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y); x1 = Math.max(x1, b.x + b.w); y1 = Math.max(y1, b.y + b.h);
  }
  const boundingArea = x0 === Infinity ? 0 : (x1 - x0) * (y1 - y0);
  return {
    nodes: scene.nodes.length,
    groups: scene.groups.length,
    edges: segs.length,
    overlaps,
    groupViolations: v,
    groupViolationCount,
    crossings,
    crossingsPerEdge: segs.length ? crossings / segs.length : 0,
    totalEdgeLength,
    meanEdgeLength: segs.length ? totalEdgeLength / segs.length : 0,
    boundingArea,
    areaPerNode: scene.nodes.length ? boundingArea / scene.nodes.length : 0,
    labelsHidden,
    labelOverlaps,
    backwardEdges,
  };
}

export function labelBox(l: { x: number; y: number; text: string; w?: number; h?: number }): Box {
  return { x: l.x, y: l.y, w: l.w ?? labelWidth(l.text), h: l.h ?? LABEL.depth };
}

/**
 * Whether a flat label box meets a component's isometric silhouette on the floor: its footprint
 * swept back along (-1, -1) by its height (Cloudcraft's camera looks from +x+y). Both shapes are
 * convex with edges along x, y and the diagonal, so separating-axis tests on x, y and x−y decide.
 */
export function inShadow(label: Box, fp: Box, height: number): boolean {
  const overlap = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 - 1e-9 && b0 < a1 - 1e-9;
  if (!overlap(label.x, label.x + label.w, fp.x - height, fp.x + fp.w)) return false;
  if (!overlap(label.y, label.y + label.h, fp.y - height, fp.y + fp.h)) return false;
  return overlap(label.x - label.y - label.h, label.x + label.w - label.y, fp.x - fp.y - fp.h, fp.x + fp.w - fp.y);
}

export interface Segment { a: string; b: string; x1: number; y1: number; x2: number; y2: number }

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return Math.abs(v) < 1e-9 ? 0 : v > 0 ? 1 : -1;
}

/** Whether two segments cross: properly, or collinear and overlapping by more than a point. */
export function segmentsCross(s: Segment, t: Segment): boolean {
  const o1 = orient(s.x1, s.y1, s.x2, s.y2, t.x1, t.y1), o2 = orient(s.x1, s.y1, s.x2, s.y2, t.x2, t.y2);
  const o3 = orient(t.x1, t.y1, t.x2, t.y2, s.x1, s.y1), o4 = orient(t.x1, t.y1, t.x2, t.y2, s.x2, s.y2);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  if (o1 === 0 && o2 === 0) {
    // Collinear: they cross visually when their extents overlap by more than a point.
    const useX = Math.abs(s.x2 - s.x1) >= Math.abs(s.y2 - s.y1);
    const [a0, a1] = useX ? [Math.min(s.x1, s.x2), Math.max(s.x1, s.x2)] : [Math.min(s.y1, s.y2), Math.max(s.y1, s.y2)];
    const [b0, b1] = useX ? [Math.min(t.x1, t.x2), Math.max(t.x1, t.x2)] : [Math.min(t.y1, t.y2), Math.max(t.y1, t.y2)];
    return Math.min(a1, b1) - Math.max(a0, b0) > 1e-9;
  }
  return false;
}

/** Pairs of edges that cross; edges sharing an end do not count (they meet at a component). */
export function countSegmentCrossings(segs: readonly Segment[]): number {
  const sorted = [...segs].sort((p, q) => Math.min(p.x1, p.x2) - Math.min(q.x1, q.x2));
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    const sx1 = Math.max(s.x1, s.x2), sy0 = Math.min(s.y1, s.y2), sy1 = Math.max(s.y1, s.y2);
    for (let j = i + 1; j < sorted.length; j++) {
      const t = sorted[j]!;
      if (Math.min(t.x1, t.x2) > sx1) break;
      if (Math.max(t.y1, t.y2) < sy0 || Math.min(t.y1, t.y2) > sy1) continue;
      if (s.a === t.a || s.a === t.b || s.b === t.a || s.b === t.b) continue;
      if (segmentsCross(s, t)) count++;
    }
  }
  return count;
}

/** Ids of nodes present in both scenes whose position changed. */
export function movedNodes(before: Scene, after: Scene): string[] {
  const was = new Map(before.nodes.map((n) => [n.id, n.box]));
  const out: string[] = [];
  for (const n of after.nodes) {
    const b = was.get(n.id);
    if (b && (Math.abs(b.x - n.box.x) > 1e-9 || Math.abs(b.y - n.box.y) > 1e-9)) out.push(n.id);
  }
  return out;
}
