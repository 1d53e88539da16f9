/**
 * Regional and global services around network containers. A network container among services
 * (the VPC) is the anchor: services stand in role bands along the flow (entry and network before
 * it, compute, messaging, data after), each band growing outwards from the anchor, so a band that
 * grows or appears moves no band between it and the anchor. Without a network container the
 * first band holding compute or later roles is the anchor.
 *
 * With several network containers, each is laid out with the services it talks to most
 * (directly, or through services it talks to) as one cluster, and clusters stand on a grid in
 * name order, pinned by their anchors: a cluster that grows moves no other cluster unless it
 * outgrows the coarse room of its row or column.
 */
import { aroundAnchor, type BandPlan, placeBand, planBand } from './bands.js';
import { type Block, type LayoutCtx, type Links, NO_FLIP, type Unit } from './block.js';
import { Floorplan } from './cells.js';
import { roleRank } from './roles.js';

const COMPUTE = roleRank('ec2');

/** Anchor point of a unit's box (offset from its top-left, flow/cross), when it has one. */
export type AnchorOf = (unit: number) => { f: number; c: number } | undefined;

export function servicesBlock(units: Unit[], links: Links, ctx: LayoutCtx, anchorOf: AnchorOf, top = false): Block {
  const pinned = units.map((u, i) => (u.pinned ? i : -1)).filter((i) => i >= 0);
  if (pinned.length < 2) return anchoredBlock(units, pinned[0] ?? -1, ctx, anchorOf, top);
  const groups = clusterItems(units.length, (i) => units[i]!.pinned, links);
  const keyed = groups.map((g) => {
    const head = g.find((v) => units[v]!.pinned);
    return { g, head, key: units[head ?? g[0]!]!.key };
  }).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const cols = gridColumnsFor(keyed.length);
  const clusters = keyed.map(({ g, head, key }) => {
    const block = anchoredBlock(g.map((v) => units[v]!), head === undefined ? -1 : g.indexOf(head), ctx, (i) => anchorOf(g[i]!));
    return { block, key };
  });
  return clusterGrid(clusters, cols, ctx);
}

/** Two clusters stand one above the other (each grows outwards); more go on a grid. */
function gridColumnsFor(count: number): number {
  return count <= 2 ? 1 : Math.max(1, Math.round(Math.sqrt(count * 2)));
}

/** Blocks with an anchor point (offset from their top-left, flow/cross). */
type Anchored = Block & { anchor: { f: number; c: number } };

/**
 * `open`: the whole drawing's top level, whose extent nothing depends on: bands may use any cell
 * across the flow, so a network that grows never changes which cells its services may take.
 */
function anchoredBlock(units: Unit[], anchor: number, ctx: LayoutCtx, anchorOf: AnchorOf, open = false): Anchored {
  const byPrio = units.map((_, i) => i).sort((a, b) => units[a]!.prio - units[b]!.prio || (units[a]!.key < units[b]!.key ? -1 : 1));
  // One band per role; the anchor's own role band comes right after it.
  const a = anchor >= 0 ? units[anchor]! : undefined;
  const split = a ? a.floor : COMPUTE;
  const byRole = new Map<number, number[]>();
  for (const v of byPrio) if (v !== anchor) (byRole.get(units[v]!.floor) ?? byRole.set(units[v]!.floor, []).get(units[v]!.floor)!).push(v);
  const roles = [...byRole.keys()].sort((p, q) => p - q);
  // A role without services keeps a place between roles that have some, so that its first
  // service does not push the bands beyond it.
  const range = (lo: number, hi: number) => Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
  const beforeRoles = roles.length && roles[0]! < split ? range(roles[0]!, split - 1).reverse() : [];
  const afterRoles = roles.length && roles[roles.length - 1]! >= split ? range(split, roles[roles.length - 1]!) : [];

  // The anchor's span across the flow, relative to its anchor line; bands use the same cells.
  const aOff = anchor >= 0 ? anchorOf(anchor) ?? { f: 0, c: 0 } : { f: 0, c: 0 };
  let cell = 1;
  for (const u of units) if (u.leaf !== undefined) cell = Math.max(cell, Math.ceil(u.c + u.gc));
  // Without an anchor, bands hold a slowly growing number of cells before they wrap.
  const lo = a ? -Math.floor(aOff.c / cell) : 0;
  const hi = a ? Math.max(lo + 1, Math.floor((a.c - aOff.c) / cell)) : Math.max(4, Math.ceil(2 * Math.sqrt(units.length)));
  const bandGap = Math.max(2, ctx.spacing);
  const band = (list: number[], extra: number): BandPlan => {
    const plan = planBand(units, list, lo, hi, cell, extra);
    return open ? { ...plan, lanes: 1, width: Math.ceil(Math.max(...list.map((v) => units[v]!.f))), lo: -Infinity, hi: Infinity } : plan;
  };
  // A role without services keeps the place of a one-lane band.
  let empty = 1;
  for (const u of units) if (u.leaf !== undefined) empty = Math.max(empty, Math.ceil(u.f));

  // Flow positions relative to the anchor's start (its anchor point when it has one). Bands
  // before the anchor keep extra room before it for labels, which run along x towards it.
  const plans: { plan: BandPlan; f: number }[] = [];
  let end = -aOff.f - bandGap - (a ? 2 : 0);
  beforeRoles.forEach((role, i) => {
    const list = byRole.get(role);
    const outer = beforeRoles[i + 1] !== undefined ? byRole.get(beforeRoles[i + 1]!) : undefined;
    const extra = outer ? band(outer, 0).blocks : 0;
    const plan = list ? band(list, extra) : undefined;
    const f = end - (plan?.width ?? empty);
    if (plan) plans.push({ plan, f });
    end = f - bandGap;
  });
  let start = a ? a.f - aOff.f + bandGap : 0;
  let carried = 0;
  for (const role of afterRoles) {
    const list = byRole.get(role);
    const plan = list ? band(list, carried) : undefined;
    if (plan) plans.push({ plan, f: start });
    start += (plan?.width ?? empty) + bandGap;
    carried = plan?.blocks ?? carried;
  }
  let f0 = a ? -aOff.f : 0, f1 = a ? a.f - aOff.f : 0, c0 = a ? -aOff.c : 0, c1 = a ? a.c - aOff.c : 0;
  for (const { plan, f } of plans) {
    f0 = Math.min(f0, f); f1 = Math.max(f1, f + plan.width + plan.reach);
    if (Number.isFinite(plan.lo)) c0 = Math.min(c0, plan.lo * plan.cell);
    if (Number.isFinite(plan.hi)) c1 = Math.max(c1, plan.hi * plan.cell);
  }
  return aroundAnchor(f0, f1, c0, c1, (af, ac) => {
    const floor = new Floorplan(ctx.iso);
    if (a) {
      const p = ctx.axis.xy(af - aOff.f, ac - aOff.c);
      a.box!.place(p.x, p.y, NO_FLIP);
      floor.addBox({ x: p.x, y: p.y, w: a.box!.w, h: a.box!.h });
    }
    for (const { plan, f } of plans) placeBand(plan, units, af + f, ac, ctx, floor);
  });
}

/**
 * Groups item indices into clusters: one per container item, plus one for the services tied to
 * none. A service joins the container it has most edges to; services reached only through
 * other services follow them (breadth first). Ties go to the container with the lower index.
 */
export function clusterItems(n: number, isContainer: (i: number) => boolean, links: Links): number[][] {
  const containers: number[] = [];
  for (let i = 0; i < n; i++) if (isContainer(i)) containers.push(i);
  const home = new Int32Array(n).fill(-1);
  for (const c of containers) home[c] = c;
  const weightTo = new Map<number, Map<number, number>>();
  const nbrs: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < links.from.length; k++) {
    const a = links.from[k]!, b = links.to[k]!, w = links.weight[k]!;
    nbrs[a]!.push(b);
    nbrs[b]!.push(a);
    for (const [s, c] of [[a, b], [b, a]] as const) {
      if (isContainer(s) || !isContainer(c)) continue;
      let m = weightTo.get(s);
      if (!m) weightTo.set(s, (m = new Map()));
      m.set(c, (m.get(c) ?? 0) + w);
    }
  }
  const frontier: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = weightTo.get(i);
    if (!m) continue;
    let best = -1, bestW = -1;
    for (const c of containers) {
      const w = m.get(c) ?? 0;
      if (w > bestW) { best = c; bestW = w; }
    }
    home[i] = best;
    frontier.push(i);
  }
  for (let qi = 0; qi < frontier.length; qi++) {
    const v = frontier[qi]!;
    for (const u of [...nbrs[v]!].sort((p, q) => p - q)) {
      if (home[u] !== -1) continue;
      home[u] = home[v]!;
      frontier.push(u);
    }
  }
  const groups = new Map<number, number[]>(containers.map((c) => [c, [] as number[]]));
  const loose: number[] = [];
  for (let i = 0; i < n; i++) {
    if (home[i] === -1) loose.push(i);
    else groups.get(home[i]!)!.push(i);
  }
  const out = [...groups.values()];
  if (loose.length) out.push(loose);
  return out;
}

/**
 * Room on a coarse ladder (2, 3, 4, 6, 8, 12, 16, 24, 32, 48, …): a cluster's room changes only when the
 * largest cluster outgrows a step, which takes a lot more than one resource.
 */
export function roomLadder(v: number): number {
  let r = 2;
  while (r < v) r = r % 3 === 0 ? (r / 3) * 4 : (r / 2) * 3;
  return r;
}

/**
 * Clusters on a grid of equal cells in name order, each pinned by its anchor point at the same
 * place in its cell. Cells take the room of the largest cluster on a coarse ladder, so that a
 * cluster that grows moves no other one unless the largest outgrows a step.
 */
function clusterGrid(clusters: { block: Anchored; key: string }[], cols: number, ctx: LayoutCtx): Anchored {
  const rows = Math.ceil(clusters.length / cols);
  const gap = Math.max(2, ctx.spacing) + 2;
  let left = 0, right = 0, up = 0, down = 0;
  for (const { block: b } of clusters) {
    left = Math.max(left, b.anchor.f);
    right = Math.max(right, b.f - b.anchor.f);
    up = Math.max(up, b.anchor.c);
    down = Math.max(down, b.c - b.anchor.c);
  }
  const L = roomLadder(left), R = roomLadder(right + gap), U = roomLadder(up), D = roomLadder(down + gap);
  const pitchF = L + R, pitchC = U + D;
  return {
    f: cols * pitchF,
    c: rows * pitchC,
    anchor: { f: L, c: U },
    place(of, oc) {
      clusters.forEach(({ block: b }, k) => {
        const af = of + L + (k % cols) * pitchF, ac = oc + U + Math.floor(k / cols) * pitchC;
        b.place(af - b.anchor.f, ac - b.anchor.c, NO_FLIP);
      });
    },
  };
}
