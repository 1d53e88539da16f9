/**
 * How a container sees the rest of the drawing: edges between its items with the ports where
 * they really end inside container items, and its items' outside neighbours — where they were in
 * the previous pass (pulling items across the flow) and which way they lie along the flow
 * (pulling items to the start or end of the container, decided from structure alone).
 */
import type { Graph, Resource } from '../graph/types.js';
import type { Ghosts, Links, PackContext } from './items.js';
import { countSegmentCrossings } from './quality.js';
import { roleOf, type Role } from './roles.js';
import type { Positions } from './scene.js';
import type { TreeNode } from './tree.js';

/** Straight-line crossings between components (judging passes). */
export function leafCrossings(pos: Positions, edges: Graph['edges']): number {
  const segs = [];
  for (const e of edges) {
    const a = pos.leaf.get(e.from), b = pos.leaf.get(e.to);
    if (a && b) segs.push({ a: e.from, b: e.to, x1: a.x + a.w / 2, y1: a.y + a.h / 2, x2: b.x + b.w / 2, y2: b.y + b.h / 2 });
  }
  return countSegmentCrossings(segs);
}

/** Centre of every edge end: components, and container resources through their first drawing. */
export function endpointCenters(pos: Positions): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const [id, b] of pos.leaf) out.set(id, { x: b.x + b.w / 2, y: b.y + b.h / 2 });
  for (const [n, b] of pos.group) {
    if (n.resourceId && n.kind !== 'sg' && !out.has(n.resourceId)) out.set(n.resourceId, { x: b.x + b.w / 2, y: b.y + b.h / 2 });
  }
  return out;
}

/**
 * Where along the flow something sits, from structure alone: entry services, then the tiers of a
 * VPC (public, private, isolated), then messaging and data services. Decides which end of its
 * container an item with outside neighbours goes to, without looking at any position — so a
 * container's shape depends on its own contents only.
 */
const TIER_FLOW: Record<string, number> = { public: 10, private: 20, isolated: 30 };
const ROLE_FLOW: Record<Role, number> = { entry: 0, network: 5, compute: 20, messaging: 40, data: 50, other: 50 };

function resourceFlow(r: Resource | undefined, byId: ReadonlyMap<string, Resource>): number | undefined {
  if (!r) return undefined;
  const sub = r.in.subnets?.[0] ? byId.get(r.in.subnets[0]) : undefined;
  if (sub?.ccType === 'subnet') return TIER_FLOW[sub.tier ?? 'private'];
  if (r.in.vpc) return TIER_FLOW['private'];
  return ROLE_FLOW[roleOf(r.ccType)];
}

/** Flow position of every container inside a VPC (subnets by tier; what is inside them inherits). */
export function nodeFlows(tree: TreeNode): Map<TreeNode, number> {
  const out = new Map<TreeNode, number>();
  const visit = (n: TreeNode, inherited: number | undefined) => {
    const f = n.kind === 'subnet' ? TIER_FLOW[n.tier ?? 'private'] : n.kind === 'vpc' ? undefined : inherited;
    if (f !== undefined) out.set(n, f);
    for (const c of n.children) visit(c, f);
  };
  visit(tree, undefined);
  return out;
}

/**
 * Positions from the previous pass are read on a coarse grid: a neighbour that moved a few
 * cells elsewhere must not reorder this container (stability), while the side it is on still
 * counts (crossings).
 */
const COARSE = 6;
function coarse(v: number): number {
  return Math.round(v / COARSE) * COARSE;
}

/** Outside neighbours of a container's items: where they were in the previous pass, and their pull. */
export function ghostsOf(n: TreeNode, ctx: PackContext, keep?: ReadonlyMap<number, number>, size?: number): Ghosts {
  const out: Ghosts = { item: [], pos: [] };
  const list = ctx.outside.get(n);
  if (!list) return out;
  const own = ctx.flows.get(n);
  if (own !== undefined) {
    const pull = new Float64Array(size ?? n.leaves.length + n.children.length);
    for (let i = 0; i < list.item.length; i++) {
      const item = keep ? keep.get(list.item[i]!) : list.item[i]!;
      const f = resourceFlow(ctx.byId.get(list.other[i]!), ctx.byId);
      if (item !== undefined && f !== undefined) pull[item] = pull[item]! + Math.sign(f - own);
    }
    out.pull = pull;
  }
  const origin = ctx.origins?.get(n);
  if (!origin || !ctx.anchors) return out;
  for (let i = 0; i < list.item.length; i++) {
    const a = ctx.anchors.get(list.other[i]!);
    const item = keep ? keep.get(list.item[i]!) : list.item[i]!;
    if (!a || item === undefined) continue;
    out.item.push(item);
    out.pos.push(coarse(ctx.axis.cross(a.x - origin.x, a.y - origin.y)));
  }
  return out;
}

/**
 * The edges between a container's items (optionally only some items, renumbered), with the
 * positions of their real ends inside container items from the previous pass.
 */
export function linksOf(n: TreeNode, ctx: PackContext, keep?: ReadonlyMap<number, number>): Links {
  const out: Links = { from: [], to: [], weight: [] };
  const e = ctx.lifted.get(n);
  if (!e) return out;
  const centre = (item: number): { x: number; y: number } | undefined => {
    if (item < n.leaves.length) return ctx.anchors?.get(n.leaves[item]!);
    const b = ctx.prev?.group.get(n.children[item - n.leaves.length]!);
    return b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : undefined;
  };
  const port = (id: string, c: { x: number; y: number } | undefined): number => {
    const a = ctx.anchors?.get(id);
    return a && c ? coarse(ctx.axis.cross(a.x - c.x, a.y - c.y)) : 0;
  };
  if (ctx.anchors) { out.offFrom = []; out.offTo = []; }
  for (let k = 0; k < e.from.length; k++) {
    const a = keep ? keep.get(e.from[k]!) : e.from[k]!;
    const b = keep ? keep.get(e.to[k]!) : e.to[k]!;
    if (a === undefined || b === undefined) continue;
    out.from.push(a);
    out.to.push(b);
    out.weight.push(e.weight[k]!);
    if (out.offFrom && out.offTo) {
      const cf = centre(e.from[k]!), ct = centre(e.to[k]!);
      let sf = 0, st = 0;
      for (const ei of e.edges[k]!) {
        sf += port(ctx.edges[ei]!.from, cf);
        st += port(ctx.edges[ei]!.to, ct);
      }
      out.offFrom.push(sf / e.edges[k]!.length);
      out.offTo.push(st / e.edges[k]!.length);
    }
  }
  return out;
}

