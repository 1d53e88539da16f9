/**
 * The cloud-topology layout. Containment drives the frame (tree.ts); every container is laid
 * out from the inside out: its items (components and child containers) are layered along the
 * main flow by their edges and roles and ordered to reduce crossings (order.ts), packed in
 * wrapped columns (block.ts) — a VPC instead gets its zone × tier matrix (vpc.ts) — and sized
 * to its content plus margins. Positions are then handed out top-down and scene.ts turns them
 * into the Scene. Sizes are whole grid cells, so every component sits on a grid point.
 */
import type { Graph } from '../graph/types.js';
import { axisFor } from './axis.js';
import { clusterGrid, clusterItems } from './clusters.js';
import { LABEL, LABEL_LANE, footprintOf, labelWidth } from './footprint.js';
import { arrange, slack, type Item, type PackContext, type Sized } from './items.js';
import { liftEdges } from './lift.js';
import { endpointCenters, ghostsOf, leafCrossings, linksOf, nodeFlows } from './links.js';
import { roleRank } from './roles.js';
import { buildScene, drawnPadding, type Positions } from './scene.js';
import { buildTree, type TreeKind, type TreeNode } from './tree.js';
import type { Box, LayoutOptions, Scene } from './types.js';
import { arrangeMatrix, type MatrixSubnet } from './vpc.js';

/** Margin around the content of containers with an explicit box (auto-sized ones use their padding). */
export const MARGIN: Record<TreeKind, number> = { root: 0, region: 2, area: 1, vpc: 2, zone: 1, subnet: 2, sg: 1, asg: 1, parent: 2, bundle: 0 };

/**
 * Space between a container's edge and its content. Auto-sized groups are drawn as their
 * members' box plus padding, so the margin is that padding; when every item is a security
 * group whose members the container lists too, the SG's own padding already covers part of it.
 */
function marginOf(n: TreeNode): number {
  const pad = drawnPadding(n);
  if (pad === undefined) return MARGIN[n.kind];
  if ((n.kind === 'subnet' || n.kind === 'sg') && n.leaves.length === 0 && n.children.length > 0 && n.children.every((c) => c.kind === 'sg')) {
    return pad - Math.max(...n.children.map((c) => drawnPadding(c)!));
  }
  return pad;
}
/** Containers that carry their name as a label inside their top edge. */
export const NAMED_INSIDE = new Set<TreeKind>(['area', 'asg']);
const NAME_ROOM = 1;
/** Role floor of containers without components, and of network containers among services. */
const COMPUTE_FLOOR = roleRank('ec2');
const EMPTY_FLOOR = COMPUTE_FLOOR;

/**
 * Passes: the first lays out each container on its own edges; the next ones also pull items
 * towards where their outside neighbours were. Graphs up to JUDGED_EDGES edges get more passes
 * and keep the one with the fewest crossings; larger ones take two.
 */
const PASSES = 4;
const FAST_PASSES = 2;
/** Grid step on which a cluster's network container starts inside the cluster. */
const CLUSTER_STEP = 16;
const JUDGED_EDGES = 4000;

/** Knobs for benchmarks and experiments; not part of the public options. */
export interface PackTuning {
  /** Number of passes, each judged by crossings (default: 4 when edges ≤ 4000, else 2 unjudged). */
  passes?: number;
}

export function packLayout(graph: Graph, options: LayoutOptions = {}, tuning: PackTuning = {}): Scene {
  const tree = buildTree(graph, options.groupBy ? { groupBy: options.groupBy } : {});
  const byId = new Map(graph.resources.map((r) => [r.id, r]));
  let tallest = 0;
  for (const r of graph.resources) if (r.ccType) tallest = Math.max(tallest, footprintOf(r).height);
  const spacing = options.spacing !== undefined && Number.isFinite(options.spacing) ? Math.min(Math.max(options.spacing, 0), 50) : 2;
  const ctx: PackContext = {
    byId,
    axis: axisFor(options.direction),
    spacing,
    iso: options.projection !== '2d',
    tallest,
    ...liftEdges(graph, tree),
    edges: graph.edges,
    flows: nodeFlows(tree),
    pos: emptyPositions(),
  };
  measure(tree, ctx).place(0, 0);
  // Later passes start from where everything was; on graphs small enough to count crossings
  // cheaply, the pass with the fewest wins.
  const judge = tuning.passes !== undefined ? tuning.passes > FAST_PASSES : graph.edges.length <= JUDGED_EDGES;
  const passes = tuning.passes ?? (judge ? PASSES : FAST_PASSES);
  let best = ctx.pos;
  let bestCrossings = judge ? leafCrossings(ctx.pos, graph.edges) : 0;
  for (let pass = 1; pass < passes && ctx.outside.size > 0; pass++) {
    ctx.anchors = endpointCenters(ctx.pos);
    ctx.origins = ctx.pos.origin;
    ctx.prev = ctx.pos;
    ctx.pos = emptyPositions();
    measure(tree, ctx).place(0, 0);
    const c = judge ? leafCrossings(ctx.pos, graph.edges) : 0;
    if (!judge || c < bestCrossings) { best = ctx.pos; bestCrossings = c; }
  }
  anchor(tree, best);
  return buildScene(tree, best, byId, ctx.axis.dir);
}

/**
 * With one network container at the top (the usual single VPC), translates everything so that it
 * sits at the grid origin: services before it along the flow then grow away from it, and an
 * added entry point does not move the whole network. Several containers are clusters on a
 * coarse grid already.
 */
function anchor(tree: TreeNode, pos: Positions): void {
  const tops = tree.children.filter((c) => PINNED_KINDS.has(c.kind));
  const box = tops.length === 1 ? pos.group.get(tops[0]!) : undefined;
  if (!box || (box.x === 0 && box.y === 0)) return;
  const dx = -box.x, dy = -box.y;
  const move = <T extends { x: number; y: number }>(m: Map<unknown, T>) => {
    for (const [k, v] of m) m.set(k, { ...v, x: v.x + dx, y: v.y + dy });
  };
  move(pos.leaf);
  move(pos.group);
  move(pos.groupLabel);
  move(pos.origin);
}

function emptyPositions(): Positions {
  return { leaf: new Map(), group: new Map(), groupLabel: new Map(), origin: new Map() };
}

function measure(n: TreeNode, ctx: PackContext): Sized {
  const m = marginOf(n);
  const top = NAMED_INSIDE.has(n.kind) ? NAME_ROOM : 0;
  const content = n.kind === 'vpc' ? vpcContent(n, ctx) : genericContent(n, ctx);
  const named = n.kind !== 'root' && n.kind !== 'bundle' && (top > 0 || !content);
  const nameW = named ? labelWidth(n.name) : 0;
  const cw = Math.max(content?.w ?? 0, nameW);
  const ch = content?.h ?? (top > 0 ? 0 : LABEL.depth);
  const w = Math.ceil(cw + 2 * m);
  const h = Math.ceil(ch + 2 * m + top);
  return {
    w,
    h,
    place(x, y) {
      if (n.kind !== 'root') ctx.pos.group.set(n, { x, y, w, h });
      // A name goes into the top room; an empty container shows its name where content would be.
      if (named) ctx.pos.groupLabel.set(n, top > 0 ? { x: x + m, y: y + 0.25 } : { x: x + m, y: y + m });
      ctx.pos.origin.set(n, { x: x + m, y: y + m + top });
      content?.place(x + m, y + m + top);
    },
  };
}

function leafItem(id: string, ctx: PackContext, floorOverride?: number): Item {
  const r = ctx.byId.get(id)!;
  const fp = footprintOf(r);
  const lw = labelWidth(r.name);
  const cellW = Math.max(fp.w, lw);
  const cellH = fp.d + LABEL_LANE;
  const shade = ctx.iso ? ctx.tallest : 0;
  // A label wider than its component may use the spacing, but keeps a free tail, and in
  // isometric view also the depth of a neighbour's shadow.
  const gx = cellW > fp.w ? Math.max(ctx.spacing - (cellW - fp.w), LABEL.tail + shade) : ctx.spacing;
  const gy = Math.max(ctx.spacing - LABEL_LANE, ctx.iso ? shade : 0.25);
  const outerW = Math.ceil(cellW + gx);
  const outerH = Math.ceil(cellH + gy);
  return {
    w: cellW,
    h: cellH,
    gx: outerW - cellW,
    gy: outerH - cellH,
    floor: floorOverride ?? roleRank(r.ccType),
    key: `1\u0000${r.ccType}\u0000${r.name}\u0000${r.id}`,
    place(x, y) {
      ctx.pos.leaf.set(id, { x, y, w: fp.w, h: fp.d });
    },
  };
}

const floorMemo = new WeakMap<TreeNode, number>();
function floorOf(n: TreeNode, ctx: PackContext): number {
  let f = floorMemo.get(n);
  if (f !== undefined) return f;
  f = Infinity;
  for (const id of n.leaves) f = Math.min(f, roleRank(ctx.byId.get(id)?.ccType));
  for (const c of n.children) f = Math.min(f, floorOf(c, ctx));
  if (f === Infinity) f = EMPTY_FLOOR;
  floorMemo.set(n, f);
  return f;
}

/** Containers whose items are regional/global services: their child containers go by role bands. */
const SERVICE_LEVEL = new Set<TreeKind>(['root', 'region', 'area']);
const PINNED_KINDS = new Set<TreeKind>(['region', 'vpc', 'area', 'subnet', 'parent']);

function containerItem(c: TreeNode, parent: TreeNode, ctx: PackContext): Item {
  const s = measure(c, ctx);
  const gap = Math.max(1, ctx.spacing);
  const item: Item = { w: slack(s.w), h: slack(s.h), gx: gap, gy: gap, floor: floorOf(c, ctx), key: `0\u0000${c.kind}\u0000${c.name}\u0000${c.id}`, place: s.place };
  if (SERVICE_LEVEL.has(parent.kind) && PINNED_KINDS.has(c.kind)) {
    // A network container among services sits in the compute band unless it holds only later roles.
    item.floor = Math.max(item.floor, COMPUTE_FLOOR);
    item.pinned = true;
  }
  return item;
}

/** Items of a container in item-index order: leaves first, then children (as lift.ts numbers them). */
function itemsOf(n: TreeNode, ctx: PackContext): Item[] {
  const items = n.leaves.map((id, i) => leafItem(id, ctx, n.kind === 'bundle' && i === 0 ? -1 : undefined));
  for (const c of n.children) items.push(containerItem(c, n, ctx));
  return items;
}

function genericContent(n: TreeNode, ctx: PackContext): Sized | undefined {
  const items = itemsOf(n, ctx);
  if (items.length === 0) return undefined;
  const links = linksOf(n, ctx);
  const groups = SERVICE_LEVEL.has(n.kind) ? clusterItems(items.length, (i) => !!items[i]!.pinned, links) : undefined;
  if (!groups) return arrange(items, links, ctx.axis, ghostsOf(n, ctx));
  // One cluster per network container with its satellite services; clusters stack across the flow.
  const clusterOf = new Int32Array(items.length);
  const gap = Math.max(2, ctx.spacing) + 1;
  const clusters: Item[] = groups.map((g, c) => {
    const local = new Map(g.map((v, i) => [v, i]));
    for (const v of g) clusterOf[v] = c;
    const sub = arrange(g.map((v) => items[v]!), linksOf(n, ctx, local), ctx.axis, ghostsOf(n, ctx, local, g.length));
    const head = items[g.find((v) => items[v]!.pinned) ?? g[0]!]!;
    // The network container inside the cluster starts on a coarse step, whatever the services
    // before it take: they may grow without moving it.
    const before = sub.anchorFlow ?? 0;
    const shift = Math.ceil(before / CLUSTER_STEP) * CLUSTER_STEP - before;
    const off = ctx.axis.xy(shift, 0);
    const size = ctx.axis.xy(ctx.axis.flow(sub.w, sub.h) + shift, ctx.axis.cross(sub.w, sub.h));
    return { w: slack(size.x), h: slack(size.y), gx: gap, gy: gap, floor: 0, pinned: true, key: head.key,
      place: (x: number, y: number) => sub.place(x + off.x, y + off.y) };
  });
  return clusterGrid(clusters, ctx.axis);
}

/** A VPC: band of entry/network items, the zone × tier matrix of subnets, band of the rest. */
function vpcContent(n: TreeNode, ctx: PackContext): Sized | undefined {
  const { axis } = ctx;
  const gap = Math.max(1, ctx.spacing);
  // Zones are laid out by the matrix, not as items (their slots stay empty).
  const items: Item[] = n.leaves.map((id) => leafItem(id, ctx));
  for (const c of n.children) items.push(c.kind === 'zone' || c.kind === 'subnet' ? (undefined as unknown as Item) : containerItem(c, n, ctx));
  const leafCount = n.leaves.length;
  const front: number[] = [];
  const back: number[] = [];
  const subnets: { node: TreeNode; size: Sized; zone: string | undefined }[] = [];
  const zones: TreeNode[] = [];
  n.children.forEach((c, k) => {
    if (c.kind === 'zone') {
      zones.push(c);
      for (const s of c.children) subnets.push({ node: s, size: measure(s, ctx), zone: c.name });
    } else if (c.kind === 'subnet') {
      subnets.push({ node: c, size: measure(c, ctx), zone: undefined });
    } else {
      (items[leafCount + k]!.floor <= roleRank('internetgateway') ? front : back).push(leafCount + k);
    }
  });
  for (let i = 0; i < leafCount; i++) (items[i]!.floor <= roleRank('internetgateway') ? front : back).push(i);
  front.sort((a, b) => a - b);
  back.sort((a, b) => a - b);

  const parts: Sized[] = [];
  const band = (list: number[]) => {
    if (!list.length) return;
    const local = new Map(list.map((v, i) => [v, i]));
    parts.push(arrange(list.map((v) => items[v]!), linksOf(n, ctx, local), axis, ghostsOf(n, ctx, local, list.length)));
  };
  band(front);
  if (subnets.length) {
    const spec: MatrixSubnet[] = subnets.map((s) => {
      // A matrix cell keeps room for one more component each way, so a subnet that grows a
      // little does not shift the tiers and zones after it.
      const room = Math.ceil(1 + ctx.spacing);
      const o: MatrixSubnet = { zone: s.zone, name: s.node.name, tier: s.node.tier, w: slack(s.size.w + room), h: slack(s.size.h + room) };
      return o;
    });
    const matrix = arrangeMatrix(spec, zones.map((z) => ({ zone: z.name, labelWidth: labelWidth(z.name) })), axis, gap);
    parts.push({
      w: matrix.w,
      h: matrix.h,
      place(x, y) {
        subnets.forEach((s, i) => s.size.place(x + matrix.subnetPos[i]!.x, y + matrix.subnetPos[i]!.y));
        zones.forEach((z, i) => {
          const b = matrix.zoneBox[i]!;
          const box: Box = { x: x + b.x, y: y + b.y, w: b.w, h: b.h };
          ctx.pos.group.set(z, box);
          ctx.pos.groupLabel.set(z, { x: box.x + 0.5, y: box.y + 0.25 });
        });
      },
    });
  }
  band(back);
  if (!parts.length) return undefined;
  // Parts follow each other along the flow, aligned at the cross start.
  let flow = 0;
  let cross = 0;
  const at: number[] = [];
  for (const p of parts) {
    at.push(flow);
    flow += Math.ceil(axis.flow(p.w, p.h)) + gap;
    cross = Math.max(cross, axis.cross(p.w, p.h));
  }
  const size = axis.xy(flow - gap, cross);
  return {
    w: size.x,
    h: size.y,
    place(x, y) {
      parts.forEach((p, i) => {
        const o = axis.xy(at[i]!, 0);
        p.place(x + o.x, y + o.y);
      });
    },
  };
}
