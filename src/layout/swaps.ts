/**
 * An improvement pass after placement. Placement goes once, in input order, and never looks
 * back, which is what keeps a resource added at the end of an input from moving anything — and
 * also why it cannot undo an early choice that later edges make a bad one. This pass swaps the
 * cells of two components of the same container (same footprint) where that takes away clearly
 * more crossings than it adds — but only a few swaps, drawn from the stability budget: a swap
 * moves two components, and the swaps chosen with and without an added resource may differ, so
 * the pass makes one swap per two components the stability bound (max(1, ⌊5 %⌋ of the
 * components)) allows to move: the swaps of one layout move at most the bound (swaps that all
 * differ between two layouts can move up to twice that; measured, rarely). Diagrams below 40
 * components get none.
 */
import type { LayoutCtx, Placed, PlacedCell } from './block.js';
import { leafBoxes } from './block.js';
import { footprintOf } from './footprint.js';
import { type Segment, segmentsCross } from './quality.js';

/** A swap must take away more than this many crossings (edge length counts one per 24 cells). */
const MIN_GAIN = 12;
const LENGTH_PER_CROSSING = 24;
/** Candidates of a swap lie within this many cells of each other; the few nearest to where the neighbours pull are weighed. */
const REACH = 24;
const CANDIDATES = 4;
/** Graphs above this many components get no swaps (the pass would cost more than it is worth). */
export const SWAP_LIMIT = 600;

/** Swaps allowed on a diagram of `components` components. */
export function swapBudget(components: number): number {
  return Math.floor(Math.max(1, Math.floor(0.05 * components)) / 2);
}

type Point = [number, number];

export function improveBySwaps(order: readonly string[], ctx: LayoutCtx, placed: Placed): number {
  const { segments, centre, cellOf, segsOf } = placed;
  const budget = swapBudget(cellOf.size);
  if (budget < 1 || cellOf.size > SWAP_LIMIT) return 0;
  const groups = new Map<PlacedCell['spot']['lanes'], string[]>();
  for (const id of order) {
    const at = cellOf.get(id);
    if (at) (groups.get(at.spot.lanes) ?? groups.set(at.spot.lanes, []).get(at.spot.lanes)!).push(id);
  }
  const nbrs = (id: string) => (ctx.nbrs.get(id) ?? []).filter((o) => o !== id && centre.has(o));
  const shape = (id: string) => {
    const b = ctx.pos.leaf.get(id)!;
    return `${b.w}x${b.h}x${footprintOf(ctx.byId.get(id)!).height}`;
  };
  /** Top-left of `id` in the cell of `at` (its own spot: the same container grid). */
  const cornerIn = (id: string, at: PlacedCell) => cellOf.get(id)!.spot.at(at.lane, at.cell);
  const centreIn = (id: string, at: PlacedCell): Point => {
    const p = cornerIn(id, at);
    const b = ctx.pos.leaf.get(id)!;
    return [p.x + b.w / 2, p.y + b.h / 2];
  };

  /** Crossings (and length) taken away by swapping u and v, against every other edge drawn. */
  const gainOf = (u: string, v: string): number => {
    const nu = nbrs(u), nv = nbrs(v);
    const own = [...new Set([...(segsOf.get(u) ?? []), ...(segsOf.get(v) ?? [])])];
    for (const k of own) segments.remove(k);
    const cost = (pu: Point, pv: Point) => {
      const at = (o: string) => (o === u ? pu : o === v ? pv : centre.get(o)!);
      const mine: Segment[] = [];
      for (const o of nu) mine.push(seg(u, o, pu, at(o)));
      for (const o of nv) if (o !== u) mine.push(seg(v, o, pv, at(o)));
      let c = 0;
      for (let i = 0; i < mine.length; i++) {
        const s = mine[i]!;
        c += segments.crossings(s.a, s.b, s.x1, s.y1, s.x2, s.y2) + Math.hypot(s.x2 - s.x1, s.y2 - s.y1) / LENGTH_PER_CROSSING;
        for (let j = i + 1; j < mine.length; j++) {
          const t = mine[j]!;
          if (s.a !== t.a && s.a !== t.b && s.b !== t.a && s.b !== t.b && segmentsCross(s, t)) c++;
        }
      }
      return c;
    };
    const gain = cost(centre.get(u)!, centre.get(v)!) - cost(centreIn(u, cellOf.get(v)!), centreIn(v, cellOf.get(u)!));
    segments.revive(own);
    return gain;
  };

  // What each component's edges cost now: a swap cannot take away more than both costs together.
  const now = new Map<string, number>();
  for (const id of order) {
    if (!cellOf.has(id) || now.has(id)) continue;
    const p = centre.get(id)!;
    let c = 0;
    for (const o of nbrs(id)) {
      const q = centre.get(o)!;
      c += segments.crossings(id, o, p[0], p[1], q[0], q[1]) + Math.hypot(q[0] - p[0], q[1] - p[1]) / LENGTH_PER_CROSSING;
    }
    now.set(id, c);
  }

  // Every component's best swap, judged on the placement as it is; then the best of them, each
  // checked again against the swaps made before it.
  const proposals: { u: string; v: string; gain: number; k: number }[] = [];
  order.forEach((v, k) => {
    const av = cellOf.get(v);
    if (!av) return;
    const nv = nbrs(v);
    if (!nv.length) return;
    const sv = shape(v);
    const cv = now.get(v)!;
    let best = MIN_GAIN, bestU: string | undefined;
    // Where v's neighbours pull it: the candidates nearest that point.
    let wx = 0, wy = 0;
    for (const o of nv) { wx += centre.get(o)![0]; wy += centre.get(o)![1]; }
    wx /= nv.length; wy /= nv.length;
    const near: [number, string][] = [];
    for (const u of groups.get(av.spot.lanes)!) {
      const au = cellOf.get(u)!;
      if (u === v || cv + now.get(u)! <= best) continue;
      if (Math.abs(au.cell - av.cell) + Math.abs(au.lane - av.lane) * av.spot.laneWeight > REACH || shape(u) !== sv) continue;
      const c = centre.get(u)!;
      near.push([Math.hypot(c[0] - wx, c[1] - wy), u]);
    }
    near.sort((a, b) => a[0] - b[0]);
    for (const [, u] of near.slice(0, CANDIDATES)) {
      const g = gainOf(u, v);
      if (g > best) { best = g; bestU = u; }
    }
    if (bestU !== undefined) proposals.push({ u: bestU, v, gain: best, k });
  });
  proposals.sort((a, b) => b.gain - a.gain || a.k - b.k);
  const used = new Set<string>();
  let swaps = 0;
  for (const { u, v } of proposals) {
    if (swaps >= budget) break;
    if (used.has(u) || used.has(v) || gainOf(u, v) <= MIN_GAIN || !swap(u, v)) continue;
    used.add(u);
    used.add(v);
    swaps++;
  }
  return swaps;

  /** Swaps the cells of u and v when both fit there (labels differ in length); false when not. */
  function swap(u: string, v: string): boolean {
    const au = cellOf.get(u)!, av = cellOf.get(v)!;
    const floor = au.spot.floor;
    const pu = cornerIn(u, av), pv = cornerIn(v, au);
    const [fu, hu, lu] = leafBoxes(u, pu.x, pu.y, ctx);
    const [fv, hv, lv] = leafBoxes(v, pv.x, pv.y, ctx);
    floor.remove(au.fp, au.label);
    floor.remove(av.fp, av.label);
    let fits = floor.fits(fu, hu, lu);
    if (fits) {
      floor.add(fu, hu, lu);
      fits = floor.fits(fv, hv, lv);
      if (fits) floor.add(fv, hv, lv);
      else floor.remove(fu, lu);
    }
    if (!fits) {
      floor.restore(au.fp, au.label);
      floor.restore(av.fp, av.label);
      return false;
    }
    ctx.pos.leaf.set(u, fu);
    ctx.pos.leaf.set(v, fv);
    cellOf.set(u, { spot: au.spot, lane: av.lane, cell: av.cell, fp: fu, label: lu });
    cellOf.set(v, { spot: av.spot, lane: au.lane, cell: au.cell, fp: fv, label: lv });
    centre.set(u, [fu.x + fu.w / 2, fu.y + fu.h / 2]);
    centre.set(v, [fv.x + fv.w / 2, fv.y + fv.h / 2]);
    // Their edges again, from the new centres (an edge between u and v once per occurrence).
    const gone = new Set([...(segsOf.get(u) ?? []), ...(segsOf.get(v) ?? [])]);
    for (const k of gone) segments.remove(k);
    segsOf.delete(u);
    segsOf.delete(v);
    for (const a of [u, v]) {
      for (const o of nbrs(a)) {
        if (a === v && o === u) continue;
        if (o !== u && o !== v) segsOf.set(o, segsOf.get(o)!.filter((k) => !gone.has(k)));
        const pa = centre.get(a)!, po = centre.get(o)!;
        const k = segments.add(a, o, pa[0], pa[1], po[0], po[1]);
        (segsOf.get(a) ?? segsOf.set(a, []).get(a)!).push(k);
        if (o !== a) (segsOf.get(o) ?? segsOf.set(o, []).get(o)!).push(k);
      }
    }
    return true;
  }
}

function seg(a: string, b: string, pa: Point, pb: Point): Segment {
  return { a, b, x1: pa[0], y1: pa[1], x2: pb[0], y2: pb[1] };
}
