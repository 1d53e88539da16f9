/**
 * One container's content: its child boxes (security groups, ASGs, …) stacked across the flow,
 * and its components in a grid of whole cells below the boxes that came before them in the input
 * and beside the boxes that came after.
 *
 * Sizes come first and depend only on what the container holds, never on where anything goes:
 * the grid has a number of columns from a coarse ladder of its component count and rows that
 * never get fewer as it grows, so one more component adds at most a row at the far end (or a
 * column at a step of the ladder). Positions come second (placeComponents): every component,
 * in input order, takes the free cell nearest to its neighbours placed so far, where its label
 * and footprint fit and its edges cross the fewest edges already drawn, within the grid as large
 * as it would be with only the components up to it. Earlier resources never see later ones, so
 * a resource added at the end of an input takes a free cell and moves nobody.
 */
import type { Resource } from '../graph/types.js';
import type { Axis } from './axis.js';
import { Floorplan, Lane } from './cells.js';
import { LABEL, footprintOf, labelWidth } from './footprint.js';
import type { LiftedEdges } from './lift.js';
import type { Positions } from './scene.js';
import { SegmentIndex } from './segments.js';
import type { TreeNode } from './tree.js';
import type { Box } from './types.js';

export interface LayoutCtx {
  byId: Map<string, Resource>;
  axis: Axis;
  spacing: number;
  iso: boolean;
  /** Tallest component, for the isometric label rule. */
  tallest: number;
  /** Graph edges seen from each container (lift.ts). */
  lifted: LiftedEdges;
  pos: Positions;
  /** Input position of every resource: the placement order. */
  index: Map<string, number>;
  /** Neighbours of every component (all edges, both directions). */
  nbrs: Map<string, string[]>;
  /** Where each component may go, registered while containers are placed (see placeComponents). */
  spots: Map<string, Spot>;
  /** Choose cells by the crossings of their edges (graphs small enough to count them cheaply). */
  judge: boolean;
  /** Edges of the graph. */
  edges: number;
}

/** The cells a component may take: lanes along the flow, cells across it, and the floor they share. */
export interface Spot {
  lanes: Lane[];
  floor: Floorplan;
  /** Top-left (x/y) of the component in cell `cell` of lane `lane`. */
  at(lane: number, cell: number): { x: number; y: number };
  /** The (fractional) cell whose footprint centre is at cross position `want`. */
  cellOf(want: number): number;
  /** The (fractional) lane whose footprint centre is at flow position `want`. */
  laneOf(want: number): number;
  /** How many cells one lane step is worth when weighing distances. */
  laneWeight: number;
  /**
   * The first lanes and cells this component may take: the grid as large as it would be if the
   * container held only the components up to this one in input order. A component's cell then
   * never depends on how many come after it (a larger grid would let it reach further).
   */
  within?: { lanes: number; cells: number };
}

/** A measured container: its allocated size, placed later by its top-left corner. */
export interface Sized {
  w: number;
  h: number;
  /** Placed by its top-left corner; `flip` says towards which side its content grows. */
  place(x: number, y: number, flip: Flip): void;
}

/** An item of a container: a component cell or a child box, in flow/cross terms. */
export interface Unit {
  leaf?: string;
  box?: Sized;
  /** Size along the flow / across it, and the free space kept after it. */
  f: number;
  c: number;
  gf: number;
  gc: number;
  /** Footprint extent along / across the flow (components). */
  fpf: number;
  fpc: number;
  /** Components: cells beyond its own that a long label may reach into, along the flow / across it. */
  blocksF: number;
  blocksC: number;
  floor: number;
  prio: number;
  pinned: boolean;
  key: string;
}

export interface Links {
  from: number[];
  to: number[];
  weight: number[];
}

export interface Block {
  /** Content extent along / across the flow. */
  f: number;
  c: number;
  /** The content's fixed point (offset from its origin, flow/cross), when it has one. */
  anchor?: { f: number; c: number };
  /** Places the content with its origin at flow `of`, cross `oc` (absolute). */
  place(of: number, oc: number, flip: Flip): void;
}

/**
 * Which way a container's content grows when it gets more: `c`, against the cross axis (its
 * content is laid out from its far edge across the flow); `f`, against the flow. A container
 * whose box is pinned by its far edge (the first zone, the public tier) passes it on, so that
 * whatever grows inside it grows away from the pin and nothing placed before moves.
 */
export interface Flip {
  c: boolean;
  f: boolean;
}
export const NO_FLIP: Flip = { c: false, f: false };

/** A lane holds at most this many cells before a band takes another lane. */
export const LANE_CELLS = 16;

/**
 * Columns of a grid of `k` cells: a coarse ladder, so that the count of columns (which sets the
 * container's length along the flow) changes only at a few sizes; rows grow instead.
 */
export function gridColumns(k: number): number {
  if (k <= 4) return 1;
  if (k <= 40) return 2;
  return Math.ceil(k / 20);
}

/** Rows of a grid of `k` cells: never fewer than a grid of fewer cells had. */
export function gridRows(k: number): number {
  return k <= 4 ? k : k <= 40 ? Math.max(4, Math.ceil(k / 2)) : 20;
}

/** Sizes a container's content: stacks of child boxes and a grid of component cells. */
export function planBlock(units: Unit[], ctx: LayoutCtx): Block {
  const order = units.map((_, i) => i).sort((a, b) => units[a]!.prio - units[b]!.prio || (units[a]!.key < units[b]!.key ? -1 : 1));
  const boxes = order.filter((v) => units[v]!.leaf === undefined);
  const leaves = order.filter((v) => units[v]!.leaf !== undefined);
  let pitch = 0, cell = 0, leafF = 0, leafC = 0, cells = 0, reach = 0;
  for (const v of leaves) {
    const u = units[v]!;
    pitch = Math.max(pitch, Math.ceil(u.f + u.gf));
    cell = Math.max(cell, Math.ceil(u.c + u.gc));
    leafF = Math.max(leafF, u.f);
    leafC = Math.max(leafC, u.c);
    cells += 1 + u.blocksC + u.blocksF;
    reach = Math.max(reach, u.blocksF);
  }
  const cols = leaves.length ? gridColumns(cells) : 0;
  const rows = cols ? gridRows(cells) : 0;
  // Boxes and grid in the order of their first member, so that a region that appears with a new
  // resource comes after the others and moves nothing in them: boxes that come before the grid
  // are stacked across the flow with the grid below them; boxes that come after it stand beside
  // it along the flow (with room kept for its second column), since the grid grows rows across.
  const gridW = cols ? (cols - 1) * pitch + leafF + reach * pitch : 0;
  const gridPrio = cols ? units[leaves[0]!]!.prio : Infinity;
  const above = stackAcross(boxes.filter((v) => units[v]!.prio < gridPrio), units);
  const beside = stackAcross(boxes.filter((v) => units[v]!.prio >= gridPrio), units);
  const gridC = above.c;
  const besideF = Math.max(cols, 2) * pitch;
  const boxAt = new Map<number, { f: number; c: number }>();
  for (const [v, c] of above.at) boxAt.set(v, { f: 0, c });
  for (const [v, c] of beside.at) boxAt.set(v, { f: besideF, c: gridC + c });
  // Whole cells, so that content laid out from its far edge stays on grid points.
  const f = Math.ceil(Math.max(above.f, gridW, beside.at.size ? besideF + beside.f : 0));
  const c = Math.ceil(Math.max(above.c - above.lastGap, beside.at.size ? gridC + beside.c - beside.lastGap : 0, rows ? gridC + (rows - 1) * cell + leafC : 0));
  const crossAt = (oc: number, at: number, size: number, flip: Flip) => (flip.c ? oc + c - at - Math.ceil(size) : oc + at);
  const flowAt = (of: number, at: number, size: number, flip: Flip) => (flip.f ? of + f - at - Math.ceil(size) : of + at);
  return {
    f,
    c,
    place(of, oc, flip) {
      const { axis } = ctx;
      const floor = new Floorplan(ctx.iso);
      for (const v of boxes) {
        const u = units[v]!;
        const at = boxAt.get(v)!;
        const p = axis.xy(flowAt(of, at.f, u.f, flip), crossAt(oc, at.c, u.c, flip));
        u.box!.place(p.x, p.y, flip);
        floor.addBox({ x: p.x, y: p.y, w: u.box!.w, h: u.box!.h });
      }
      if (!cols) return;
      const lanes = Array.from({ length: cols }, () => new Lane(0, rows));
      let prefix = 0;
      for (const v of leaves) {
        const u = units[v]!;
        prefix += 1 + u.blocksC + u.blocksF;
        ctx.spots.set(u.leaf!, {
          within: { lanes: gridColumns(prefix), cells: gridRows(prefix) },
          lanes,
          floor,
          at: (lane, i) => axis.xy(flowAt(of, lane * pitch, u.f, flip), crossAt(oc, gridC + i * cell, u.c, flip)),
          cellOf: (want) => (flip.c ? oc + c - (want - u.fpc / 2) - Math.ceil(u.c) : want - u.fpc / 2 - oc) / cell - gridC / cell,
          laneOf: (want) => (flip.f ? of + f - (want - u.fpf / 2) - Math.ceil(u.f) : want - u.fpf / 2 - of) / pitch,
          laneWeight: pitch / cell,
        });
      }
    },
  };
}

/** Boxes stacked across the flow in the given order: where each starts, and the stack's extent. */
function stackAcross(list: readonly number[], units: readonly Unit[]): { at: Map<number, number>; f: number; c: number; lastGap: number } {
  const at = new Map<number, number>();
  let f = 0, c = 0, lastGap = 0;
  for (const v of list) {
    const u = units[v]!;
    at.set(v, c);
    f = Math.max(f, u.f);
    c += u.c + u.gc;
    lastGap = u.gc;
  }
  return { at, f, c, lastGap };
}

/**
 * Places every component, in input order, in the free cell nearest to the mean of its
 * neighbours placed so far (across the flow, and along it where its container has several
 * lanes), where its footprint and label fit; on graphs small enough, among the nearest free cells
 * the one whose edges cross the fewest edges already drawn. Earlier resources never see later
 * ones: a resource added at the end of an input moves nothing.
 */
export function placeComponents(order: readonly string[], ctx: LayoutCtx): Placed | undefined {
  const segments = ctx.judge ? new SegmentIndex() : undefined;
  const centre = new Map<string, [number, number]>();
  const cellOf = new Map<string, PlacedCell>();
  const segsOf = new Map<string, number[]>();
  const { axis } = ctx;
  const weighed = judgedCandidates(ctx.edges);
  for (const id of order) {
    const spot = ctx.spots.get(id);
    if (!spot || ctx.pos.leaf.has(id)) continue;
    const placed = (ctx.nbrs.get(id) ?? []).filter((o) => centre.has(o));
    let wantC = 0, wantF = 0;
    for (const o of placed) {
      const [x, y] = centre.get(o)!;
      wantC += axis.cross(x, y);
      wantF += axis.flow(x, y);
    }
    const laneCount = Math.min(spot.within?.lanes ?? Infinity, spot.lanes.length);
    const cellLimit = spot.within?.cells ?? Infinity;
    const wantCell = placed.length ? Math.min(spot.cellOf(wantC / placed.length), cellLimit - 1) : 0;
    const wantLane = placed.length ? spot.laneOf(wantF / placed.length) : 0;
    const fits = (lane: number, i: number) => {
      if (i >= cellLimit) return false;
      const p = spot.at(lane, i);
      return spot.floor.fits(...leafBoxes(id, p.x, p.y, ctx));
    };
    let got: { lane: number; cell: number } | undefined;
    let best = Infinity;
    const judge = segments && placed.length > 0;
    for (let k = 0; k < laneCount; k++) {
      const lane = spot.lanes[k]!;
      const laneCost = Math.abs(k - Math.min(Math.max(wantLane, 0), laneCount - 1)) * spot.laneWeight;
      if (laneCost >= best) continue;
      for (const cell of lane.candidates(wantCell, judge ? weighed : 1, (i) => fits(k, i))) {
        let cost = laneCost + Math.abs(cell - wantCell);
        if (judge && cost < best) {
          const p = spot.at(k, cell);
          const [fp] = leafBoxes(id, p.x, p.y, ctx);
          const cx = fp.x + fp.w / 2, cy = fp.y + fp.h / 2;
          for (const o of placed) {
            const [ox, oy] = centre.get(o)!;
            cost += CROSSING_COST * segments!.crossings(id, o, cx, cy, ox, oy);
            if (cost >= best) break;
          }
        }
        if (cost < best) { best = cost; got = { lane: k, cell }; }
      }
    }
    // Nothing fits (a label longer than any free run): the nearest free cell, label or not.
    if (!got) {
      for (let k = 0; k < spot.lanes.length && !got; k++) {
        const cell = spot.lanes[k]!.nearest(wantCell);
        if (cell !== undefined) got = { lane: k, cell };
      }
    }
    got ??= { lane: 0, cell: spot.lanes[0]!.hi };
    spot.lanes[got.lane]!.take(got.cell);
    const p = spot.at(got.lane, got.cell);
    const { fp, label } = placeLeaf(id, p.x, p.y, ctx, spot.floor);
    const c: [number, number] = [fp.x + fp.w / 2, fp.y + fp.h / 2];
    centre.set(id, c);
    cellOf.set(id, { spot, ...got, fp, label });
    if (segments) {
      for (const o of placed) {
        const k = segments.add(id, o, c[0], c[1], centre.get(o)![0], centre.get(o)![1]);
        (segsOf.get(id) ?? segsOf.set(id, []).get(id)!).push(k);
        (segsOf.get(o) ?? segsOf.set(o, []).get(o)!).push(k);
      }
    }
  }
  return segments ? { segments, centre, cellOf, segsOf } : undefined;
}

/** Where placeComponents put a component: its cell, and the boxes it put on the spot's floor. */
export interface PlacedCell {
  spot: Spot;
  lane: number;
  cell: number;
  fp: Box;
  label: Box;
}

/** What placeComponents leaves for an improvement pass (swaps.ts). */
export interface Placed {
  segments: SegmentIndex;
  /** Footprint centre of every placed component. */
  centre: Map<string, [number, number]>;
  cellOf: Map<string, PlacedCell>;
  /** Segments (numbers in `segments`) of each component's edges. */
  segsOf: Map<string, number[]>;
}

/** The weight of one crossing, in cells of distance. */
const CROSSING_COST = 8;

/**
 * Free cells weighed per component when crossings are judged: 60 up to 2,000 edges, then fewer
 * (at least 16), since counting the crossings of one cell costs more on a larger drawing.
 */
export function judgedCandidates(edges: number): number {
  return Math.max(16, Math.min(60, Math.round(120_000 / Math.max(edges, 1))));
}

/** Footprint, height and label box of a component whose footprint starts at x/y. */
export function leafBoxes(id: string, x: number, y: number, ctx: LayoutCtx): [Box, number, Box] {
  const r = ctx.byId.get(id)!;
  const fp = footprintOf(r);
  return [{ x, y, w: fp.w, h: fp.d }, fp.height, { x, y: y + fp.d + LABEL.offset, w: labelWidth(r.name) + LABEL.tail, h: LABEL.depth }];
}

/** Records a component's footprint box (top-left at x/y); returns the footprint and label boxes put on `floor`. */
export function placeLeaf(id: string, x: number, y: number, ctx: LayoutCtx, floor?: Floorplan): { fp: Box; label: Box } {
  const [fp, height, label] = leafBoxes(id, x, y, ctx);
  ctx.pos.leaf.set(id, fp);
  floor?.add(fp, height, label);
  return { fp, label };
}
