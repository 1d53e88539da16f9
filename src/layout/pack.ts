/**
 * The cloud-topology layout. Containment drives the frame (tree.ts). Sizes are measured from the
 * inside out and depend only on what a container holds, never on where anything goes inside
 * it: child boxes and a grid of component cells (block.ts); a VPC's zone × tier matrix with a
 * band of gateways before it and one of everything else after it (matrix.ts, vpc.ts); role bands
 * of services around the network containers (services.ts, bands.ts). The frame is placed from
 * the top down, every container pinned by the edge or point it grows away from. Then every
 * component, in input order, takes the free cell of its container nearest to its neighbours
 * placed so far (block.ts), and scene.ts turns positions into the Scene.
 *
 * Stability without a previous layout comes from that shape: frames grow outwards from fixed
 * anchors, sizes do not depend on positions, and a component never moves one placed before it,
 * nor sees one placed after it — so a resource added at the end of an input moves few others.
 * A last pass (swaps.ts) may swap a few components where that takes away many crossings.
 */
import { hasField } from '../catalog/index.js';
import type { Graph } from '../graph/types.js';
import { axisFor } from './axis.js';
import { type LayoutCtx, NO_FLIP, placeComponents, planBlock, type Sized, type Unit } from './block.js';
import { LABEL, LABEL_LANE, footprintOf, labelWidth } from './footprint.js';
import { liftEdges, linksOf } from './lift.js';
import { roleRank } from './roles.js';
import { buildScene, drawnPadding, type Positions } from './scene.js';
import { servicesBlock } from './services.js';
import { improveBySwaps } from './swaps.js';
import { buildTree, type TreeKind, type TreeNode } from './tree.js';
import type { LayoutOptions, Scene } from './types.js';
import { vpcBlock } from './vpc.js';

/** Margin around the content of containers with an explicit box (auto-sized ones use their padding). */
export const MARGIN: Record<TreeKind, number> = { root: 0, region: 2, area: 1, vpc: 2, zone: 1, subnet: 2, sg: 1, asg: 1, parent: 2, bundle: 0 };

/**
 * Space between a container's edge and its content: auto-sized groups are drawn as their
 * members' box plus padding, so the margin is that padding. (It does not depend on what the
 * content is made of: a margin that changes with one more member would move everything inside.)
 */
function marginOf(n: TreeNode): number {
  return drawnPadding(n) ?? MARGIN[n.kind];
}
/** Containers that carry their name as a label inside their top edge. */
export const NAMED_INSIDE = new Set<TreeKind>(['area', 'asg']);
/** …and so does any drawn group whose Cloudcraft type has no name field (an Azure network drawn as an area). */
function namedInside(n: TreeNode): boolean {
  return NAMED_INSIDE.has(n.kind) || (n.kind === 'parent' && !hasField(n.ccType, 'name'));
}
const NAME_ROOM = 1;
/** Role floor of containers without components, and of network containers among services. */
const COMPUTE_FLOOR = roleRank('ec2');

/** Containers whose items are regional/global services: their child containers go by role bands. */
const SERVICE_LEVEL = new Set<TreeKind>(['root', 'region', 'area']);
/** Containers that anchor the services around them. */
const PINNED_KINDS = new Set<TreeKind>(['region', 'vpc', 'area', 'subnet', 'parent']);

/** A measured container; `anchor` is its fixed point (offset from its top-left), when it has one. */
export interface Measured extends Sized {
  anchor?: { x: number; y: number };
}

/** Up to this many edges, each component's cell is chosen by the crossings it would add. */
const JUDGED_EDGES = 6000;

/** `swaps: false` leaves out the last improvement pass (tests compare with and without it). */
export function packLayout(graph: Graph, options: LayoutOptions = {}, swaps = true): Scene {
  const tree = buildTree(graph, options.groupBy ? { groupBy: options.groupBy } : {});
  const byId = new Map(graph.resources.map((r) => [r.id, r]));
  let tallest = 0;
  for (const r of graph.resources) if (r.ccType) tallest = Math.max(tallest, footprintOf(r).height);
  const spacing = options.spacing !== undefined && Number.isFinite(options.spacing) ? Math.min(Math.max(options.spacing, 0), 50) : 2;
  const index = new Map<string, number>();
  graph.resources.forEach((r, i) => { if (!index.has(r.id)) index.set(r.id, i); });
  const nbrs = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.from === e.to) continue;
    (nbrs.get(e.from) ?? nbrs.set(e.from, []).get(e.from)!).push(e.to);
    (nbrs.get(e.to) ?? nbrs.set(e.to, []).get(e.to)!).push(e.from);
  }
  const ctx: LayoutCtx = {
    byId,
    axis: axisFor(options.direction),
    spacing,
    iso: options.projection !== '2d',
    tallest,
    lifted: liftEdges(graph, tree),
    pos: emptyPositions(),
    index,
    nbrs,
    spots: new Map(),
    judge: graph.edges.length <= JUDGED_EDGES,
    edges: graph.edges.length,
  };
  const top = measure(tree, ctx);
  // The anchor (the single VPC's corner between its first two zones and its public and private
  // tiers, or the first compute band) sits at the grid origin.
  top.place(-(top.anchor?.x ?? 0), -(top.anchor?.y ?? 0), NO_FLIP);
  const order = graph.resources.map((r) => r.id);
  const placed = placeComponents(order, ctx);
  if (placed && swaps) improveBySwaps(order, ctx, placed);
  return buildScene(tree, ctx.pos, byId, ctx.axis.dir);
}

function emptyPositions(): Positions {
  return { leaf: new Map(), group: new Map(), groupLabel: new Map() };
}

export function measure(n: TreeNode, ctx: LayoutCtx): Measured {
  const { axis } = ctx;
  const m = marginOf(n);
  const top = namedInside(n) ? NAME_ROOM : 0;
  const content = n.kind === 'vpc' ? vpcBlock(n, ctx) : SERVICE_LEVEL.has(n.kind) ? serviceContent(n, ctx) : genericContent(n, ctx);
  const named = n.kind !== 'root' && n.kind !== 'bundle' && (top > 0 || !content);
  const nameW = named ? labelWidth(n.name) : 0;
  const cs = content ? axis.xy(content.f, content.c) : { x: 0, y: 0 };
  const cw = Math.max(cs.x, nameW);
  const ch = content ? cs.y : top > 0 ? 0 : LABEL.depth;
  const w = Math.ceil(cw + 2 * m);
  const h = Math.ceil(ch + 2 * m + top);
  const out: Measured = {
    w,
    h,
    place(x, y, flip) {
      if (n.kind !== 'root') ctx.pos.group.set(n, { x, y, w, h });
      // A name goes into the top room; an empty container shows its name where content would be
      // (against the far edge when its content grows backwards).
      if (named && top > 0) ctx.pos.groupLabel.set(n, { x: x + m, y: y + 0.25 });
      else if (named) {
        const far = axis.xy(flip.f ? 1 : 0, flip.c ? 1 : 0);
        ctx.pos.groupLabel.set(n, { x: far.x ? x + w - m - nameW : x + m, y: far.y ? y + h - m - LABEL.depth : y + m });
      }
      const ox = x + m, oy = y + m + top;
      if (!content) return;
      let oc = axis.cross(ox, oy), of = axis.flow(ox, oy);
      // Content that grows backwards is laid against the far edge of the room it was given.
      if (flip.c) oc += axis.cross(w - 2 * m, h - 2 * m - top) - content.c;
      if (flip.f) of += axis.flow(w - 2 * m, h - 2 * m - top) - content.f;
      content.place(of, oc, flip);
    },
  };
  if (content?.anchor) {
    const a = axis.xy(content.anchor.f, content.anchor.c);
    out.anchor = { x: m + a.x, y: m + top + a.y };
  }
  return out;
}

/**
 * Room every component cell keeps for its label along x, whatever its name: cells do not depend
 * on names, so a long new name widens no layer. A longer label reaches into the next cell along
 * x, which the placement then keeps free for it (block.ts).
 */
function labelRoom(spacing: number): number {
  return Math.max(2, Math.min(3, 1 + spacing));
}

function leafUnit(id: string, ctx: LayoutCtx, floorOverride?: number): Unit {
  const { axis } = ctx;
  const r = ctx.byId.get(id)!;
  const fp = footprintOf(r);
  const cellW = Math.max(fp.w, labelRoom(ctx.spacing));
  const cellH = fp.d + LABEL_LANE;
  const gx = Math.max(ctx.spacing - (cellW - fp.w), LABEL.tail);
  const gy = Math.max(ctx.spacing - LABEL_LANE, ctx.iso ? ctx.tallest : 0.25);
  const outerW = Math.ceil(cellW + gx);
  const outerH = Math.ceil(cellH + gy);
  // Cells along x a long label reaches into beyond its own.
  const over = labelWidth(r.name) + LABEL.tail - outerW;
  const blocks = over > 0 ? Math.ceil(over / outerW) : 0;
  return {
    leaf: id,
    f: axis.flow(cellW, cellH),
    c: axis.cross(cellW, cellH),
    gf: axis.flow(outerW - cellW, outerH - cellH),
    gc: axis.cross(outerW - cellW, outerH - cellH),
    fpf: axis.flow(fp.w, fp.d),
    fpc: axis.cross(fp.w, fp.d),
    blocksF: axis.dir === 'right' ? blocks : 0,
    blocksC: axis.dir === 'right' ? 0 : blocks,
    floor: floorOverride ?? roleRank(r.ccType),
    prio: ctx.index.get(id) ?? 0,
    pinned: false,
    key: `1\u0000${r.ccType}\u0000${r.name}\u0000${r.id}`,
  };
}

const floorMemo = new WeakMap<TreeNode, number>();
function floorOf(n: TreeNode, ctx: LayoutCtx): number {
  let f = floorMemo.get(n);
  if (f !== undefined) return f;
  f = Infinity;
  for (const id of n.leaves) f = Math.min(f, roleRank(ctx.byId.get(id)?.ccType));
  for (const c of n.children) f = Math.min(f, floorOf(c, ctx));
  if (f === Infinity) f = COMPUTE_FLOOR;
  floorMemo.set(n, f);
  return f;
}

const prioMemo = new WeakMap<TreeNode, number>();
/** A container goes in the order of its first component (an added group with one new member comes last). */
function prioOf(n: TreeNode, ctx: LayoutCtx): number {
  let p = prioMemo.get(n);
  if (p !== undefined) return p;
  p = Infinity;
  for (const id of n.leaves) p = Math.min(p, ctx.index.get(id) ?? Infinity);
  for (const c of n.children) p = Math.min(p, prioOf(c, ctx));
  if (p === Infinity) p = ctx.index.get(n.resourceId ?? '') ?? Number.MAX_SAFE_INTEGER;
  prioMemo.set(n, p);
  return p;
}

export function boxUnit(c: TreeNode, parent: TreeNode, ctx: LayoutCtx): Unit & { anchor?: { f: number; c: number } } {
  const s = measure(c, ctx);
  const gap = Math.max(1, ctx.spacing);
  const pinned = SERVICE_LEVEL.has(parent.kind) && PINNED_KINDS.has(c.kind);
  const u: Unit & { anchor?: { f: number; c: number } } = {
    box: s, f: ctx.axis.flow(s.w, s.h), c: ctx.axis.cross(s.w, s.h), gf: gap, gc: gap, fpf: 0, fpc: 0, blocksF: 0, blocksC: 0,
    // A network container among services sits in the compute band unless it holds only later roles.
    floor: pinned ? Math.max(floorOf(c, ctx), COMPUTE_FLOOR) : floorOf(c, ctx),
    prio: prioOf(c, ctx), pinned, key: `0\u0000${c.kind}\u0000${c.name}\u0000${c.id}`,
  };
  if (s.anchor) u.anchor = { f: ctx.axis.flow(s.anchor.x, s.anchor.y), c: ctx.axis.cross(s.anchor.x, s.anchor.y) };
  return u;
}

/** Items of a container in item-index order: leaves first, then children (as lift.ts numbers them). */
export function unitsOf(n: TreeNode, ctx: LayoutCtx): (Unit & { anchor?: { f: number; c: number } })[] {
  const units: (Unit & { anchor?: { f: number; c: number } })[] = n.leaves.map((id, i) => leafUnit(id, ctx, n.kind === 'bundle' && i === 0 ? -1 : undefined));
  for (const c of n.children) units.push(boxUnit(c, n, ctx));
  return units;
}

function genericContent(n: TreeNode, ctx: LayoutCtx) {
  const units = unitsOf(n, ctx);
  if (units.length === 0) return undefined;
  return planBlock(units, ctx);
}

function serviceContent(n: TreeNode, ctx: LayoutCtx) {
  const units = unitsOf(n, ctx);
  if (units.length === 0) return undefined;
  return servicesBlock(units, linksOf(n, ctx.lifted), ctx, (i) => units[i]!.anchor, n.kind === 'root');
}

export { leafUnit };
