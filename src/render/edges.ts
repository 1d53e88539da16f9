/**
 * Edge geometry on the ground plane: a straight line between the two objects' footprints, cut
 * where it leaves the first and meets the second, with an arrowhead lying flat on the ground.
 *
 * In the isometric view a block hides the ground just behind it, up to its own height. An arrow
 * that reaches a block from behind (through its x-min or y-min side) therefore stops that much
 * earlier, so its head stays visible above the block's back edge.
 */
import type { Box } from '../layout/types.js';
import type { Pt } from './projection.js';

/** Clearance between a line's end and the footprint it points at, in grid units. */
const CLEARANCE = 0.1;
const HEAD_LENGTH = 0.34;
const HEAD_HALF_WIDTH = 0.16;

export interface EdgeEnd {
  box: Box;
  /** Height of the block standing on the box (0 for flat things); only used when `hidesBehind`. */
  height: number;
  cap: boolean;
}

export interface EdgePath {
  start: Pt;
  end: Pt;
  /** Ground triangles of the arrowheads (tip first). */
  heads: [Pt, Pt, Pt][];
}

const centre = (b: Box): Pt => [b.x + b.w / 2, b.y + b.h / 2];

const inside = (b: Box, p: Pt): boolean => p[0] >= b.x && p[0] <= b.x + b.w && p[1] >= b.y && p[1] <= b.y + b.h;

interface Hit {
  t: number;
  /** The axis of the side crossed (0 = x, 1 = y) and whether it is the box's min side (its back). */
  axis: 0 | 1;
  back: boolean;
}

/** Where the ray o + t·d leaves box b (o inside b). */
function exitOf(b: Box, o: Pt, d: Pt): Hit {
  let best: Hit = { t: Infinity, axis: 0, back: false };
  for (const axis of [0, 1] as const) {
    const v = d[axis];
    if (v === 0) continue;
    const lo = axis === 0 ? b.x : b.y;
    const hi = lo + (axis === 0 ? b.w : b.h);
    const t = ((v > 0 ? hi : lo) - o[axis]) / v;
    if (t < best.t) best = { t, axis, back: v < 0 };
  }
  return best;
}

/** Where the ray o + t·d enters box b (o outside b), or undefined when it misses. */
function entryOf(b: Box, o: Pt, d: Pt): Hit | undefined {
  let tNear = -Infinity;
  let tFar = Infinity;
  let hit: Hit | undefined;
  for (const axis of [0, 1] as const) {
    const v = d[axis];
    const lo = axis === 0 ? b.x : b.y;
    const hi = lo + (axis === 0 ? b.w : b.h);
    if (v === 0) {
      if (o[axis] < lo || o[axis] > hi) return undefined;
      continue;
    }
    const t0 = ((v > 0 ? lo : hi) - o[axis]) / v;
    const t1 = ((v > 0 ? hi : lo) - o[axis]) / v;
    if (t0 > tNear) {
      tNear = t0;
      hit = { t: t0, axis, back: v > 0 };
    }
    tFar = Math.min(tFar, t1);
  }
  return hit && tNear <= tFar ? hit : undefined;
}

/**
 * The drawn line between two footprints, or undefined when there is nothing to draw (the boxes
 * share a centre, or they are so close that no line would show).
 */
export function edgePath(from: EdgeEnd, to: EdgeEnd, hidesBehind: boolean): EdgePath | undefined {
  const a = centre(from.box);
  const b = centre(to.box);
  const d: Pt = [b[0] - a[0], b[1] - a[1]];
  const len = Math.hypot(d[0], d[1]);
  if (len < 1e-9) return undefined;
  const u: Pt = [d[0] / len, d[1] / len];
  // Nested ends (an edge from a node to the group around it) run from the inner centre outwards.
  const startHit: Hit = inside(from.box, b) ? { t: 0, axis: 0, back: false } : exitOf(from.box, a, d);
  const endHit = inside(to.box, a) ? exitOf(to.box, a, d) : entryOf(to.box, a, d);
  if (!endHit) return undefined;
  const gap = (end: EdgeEnd, hit: Hit): number => {
    if (!end.cap) return 0.02;
    const perpendicular = CLEARANCE + (hidesBehind && hit.back ? end.height : 0);
    // Measured across the side; along a slanting line it is longer (capped for grazing angles).
    return perpendicular / Math.max(Math.abs(u[hit.axis]), 0.35);
  };
  const s = startHit.t * len + gap(from, startHit);
  const e = endHit.t * len - gap(to, endHit);
  if (e - s < (to.cap ? HEAD_LENGTH : 0) + (from.cap ? HEAD_LENGTH : 0) + 0.1) return undefined;
  const at = (dist: number): Pt => [a[0] + u[0] * dist, a[1] + u[1] * dist];
  const heads: [Pt, Pt, Pt][] = [];
  // The line stops under the arrowhead so its square end never pokes through the tip.
  let lineStart = s;
  let lineEnd = e;
  if (to.cap) {
    heads.push(head(at(e), u));
    lineEnd = e - HEAD_LENGTH * 0.8;
  }
  if (from.cap) {
    heads.push(head(at(s), [-u[0], -u[1]]));
    lineStart = s + HEAD_LENGTH * 0.8;
  }
  return { start: at(lineStart), end: at(lineEnd), heads };
}

function head(tip: Pt, u: Pt): [Pt, Pt, Pt] {
  const base: Pt = [tip[0] - u[0] * HEAD_LENGTH, tip[1] - u[1] * HEAD_LENGTH];
  const n: Pt = [-u[1] * HEAD_HALF_WIDTH, u[0] * HEAD_HALF_WIDTH];
  return [tip, [base[0] + n[0], base[1] + n[1]], [base[0] - n[0], base[1] - n[1]]];
}
