/**
 * Bands: a layer of items along the flow whose cells are numbered from an anchor line across
 * it (cell 0 starts at the line, negative cells lie before it). A band never moves its anchor:
 * items join it in free cells, child boxes stack from the line, and the band only grows in
 * lanes (along the flow) when it holds more than its range. Used for the gateways of a VPC and
 * for regional and global services around a VPC.
 */
import { type Block, type LayoutCtx, type Unit, LANE_CELLS, NO_FLIP } from './block.js';
import { type Floorplan, Lane } from './cells.js';

export interface BandPlan {
  units: number[];
  lanes: number;
  /** Flow pitch of a lane, cell size across the flow, allowed cells [lo, hi). */
  pitch: number;
  cell: number;
  lo: number;
  hi: number;
  /** Flow extent (whole cells) of the lanes, and of the labels reaching past the last lane. */
  width: number;
  reach: number;
  /** Cells of the next band along x that long labels of this band may block. */
  blocks: number;
}

/**
 * Sizes a band of `list` (unit indices in input order) within cells [lo, hi) of the anchor
 * line; `extra` cells are kept for labels reaching in from the band before it.
 */
export function planBand(units: readonly Unit[], list: number[], lo: number, hi: number, cellSize: number, extra = 0): BandPlan {
  let pitch = 0, widest = 0, blocks = 0, reachF = 0;
  let cells = extra;
  for (const v of list) {
    const u = units[v]!;
    pitch = Math.max(pitch, u.f + u.gf);
    widest = Math.max(widest, u.f);
    if (u.leaf !== undefined) {
      cells += 1 + u.blocksC;
      blocks += u.blocksF;
      reachF = Math.max(reachF, u.blocksF);
    } else {
      cells += Math.ceil((u.c + u.gc) / cellSize);
    }
  }
  const range = Math.max(1, hi - lo);
  const lanes = Math.max(1, Math.ceil(cells / Math.max(range, LANE_CELLS)));
  // With one lane the band may still need more cells than the range: extend past its end. Beside
  // an anchor, services tied to nothing in it stand past its end, with room for all of them.
  // With one lane the band may still need more cells than the range: extend past its end.
  const end = Math.max(hi, lo + Math.ceil(cells / lanes));
  const width = Math.ceil((lanes - 1) * pitch + widest);
  return { units: list, lanes, pitch, cell: cellSize, lo, hi: end, width, reach: Math.ceil(reachF * pitch), blocks };
}

/** Places a band whose first lane starts at flow `f0`, cells counted from the anchor line `c0`. */
export function placeBand(plan: BandPlan, units: readonly Unit[], f0: number, c0: number, ctx: LayoutCtx, floor: Floorplan): void {
  const lanes = Array.from({ length: plan.lanes }, () => new Lane(plan.lo, plan.hi));
  const at = (lane: number, cell: number) => ctx.axis.xy(f0 + lane * plan.pitch, c0 + cell * plan.cell);
  let boxLane = 0;
  for (const v of plan.units) {
    const u = units[v]!;
    if (u.leaf !== undefined) continue;
    // Boxes stack from the anchor line in input order, round the lanes.
    const span = Math.ceil((u.c + u.gc) / plan.cell);
    const lane = lanes[boxLane]!;
    const cell = lane.nearest(0, span) ?? plan.hi;
    lane.take(cell, span);
    const p = at(boxLane, cell);
    u.box!.place(p.x, p.y, NO_FLIP);
    floor.addBox({ x: p.x, y: p.y, w: u.box!.w, h: u.box!.h });
    boxLane = (boxLane + 1) % plan.lanes;
  }
  for (const v of plan.units) {
    const u = units[v]!;
    if (u.leaf === undefined) continue;
    ctx.spots.set(u.leaf, {
      lanes, floor, at,
      cellOf: (want) => (want - u.fpc / 2 - c0) / plan.cell,
      laneOf: (want) => (want - u.fpf / 2 - f0) / plan.pitch,
      laneWeight: plan.pitch / plan.cell,
    });
  }
}

/** A block spanning [f0, f1) × [c0, c1) around its anchor point, placed with the anchor at (af, ac). */
export function aroundAnchor(f0: number, f1: number, c0: number, c1: number, place: (af: number, ac: number) => void): Block & { anchor: { f: number; c: number } } {
  return { f: f1 - f0, c: c1 - c0, anchor: { f: -f0, c: -c0 }, place(of, oc) { place(of - f0, oc - c0); } };
}
