/**
 * A VPC's content: the zone × tier matrix of its subnets (matrix.ts), a band of gateways and
 * other entry/network items before it along the flow and a band of everything else known only by
 * its VPC after it. Both bands count their cells from the matrix's anchor line, so the VPC's
 * fixed point — the anchor — keeps every band item in place when a subnet grows.
 */
import { aroundAnchor, planBand, placeBand } from './bands.js';
import type { Block, LayoutCtx } from './block.js';
import { Floorplan } from './cells.js';
import { labelWidth } from './footprint.js';
import { matrixCells, matrixGeometry, type MatrixSubnet } from './matrix.js';
import { measure, unitsOf, type Measured } from './pack.js';
import { roleRank } from './roles.js';
import type { TreeNode } from './tree.js';

const NETWORK = roleRank('internetgateway');

export function vpcBlock(n: TreeNode, ctx: LayoutCtx): Block | undefined {
  const { axis } = ctx;
  const gap = Math.max(1, ctx.spacing);
  // Zones and subnets form the matrix; everything else is a band item.
  const bandTree: TreeNode = { ...n, children: n.children.filter((c) => c.kind !== 'zone' && c.kind !== 'subnet') };
  const units = unitsOf(bandTree, ctx);
  const subnets: { node: TreeNode; size: Measured; zone: string | undefined }[] = [];
  const zones: TreeNode[] = [];
  for (const c of n.children) {
    if (c.kind === 'zone') {
      zones.push(c);
      for (const s of c.children) subnets.push({ node: s, size: measure(s, ctx), zone: c.name });
    } else if (c.kind === 'subnet') {
      subnets.push({ node: c, size: measure(c, ctx), zone: undefined });
    }
  }
  if (!subnets.length && !units.length) return undefined;
  const spec: MatrixSubnet[] = subnets.map((s) => ({ zone: s.zone, name: s.node.name, tier: s.node.tier }));
  const cells = matrixCells(spec, zones.map((z) => z.name));
  const sizes = subnets.map((s) => ({ f: axis.flow(s.size.w, s.size.h), c: axis.cross(s.size.w, s.size.h) }));
  const geo = matrixGeometry(cells, sizes, zones.length, zones.map((z) => labelWidth(z.name)), axis.dir === 'down', gap);

  // Bands share the matrix's cells across the flow, counted from the anchor line.
  let cell = 1;
  for (const u of units) if (u.leaf !== undefined) cell = Math.max(cell, Math.ceil(u.c + u.gc));
  const lo = Math.floor(geo.c0 / cell), hi = Math.max(lo + 1, Math.ceil(geo.c1 / cell));
  const front: number[] = [], back: number[] = [];
  units.map((u, i) => i).sort((a, b) => units[a]!.prio - units[b]!.prio).forEach((i) => (units[i]!.floor <= NETWORK ? front : back).push(i));
  const frontPlan = front.length ? planBand(units, front, lo, hi, cell) : undefined;
  const backPlan = back.length ? planBand(units, back, lo, hi, cell) : undefined;
  // Labels of the front band run towards the matrix: keep room for them.
  const bandGap = gap + 1;
  const frontF = frontPlan ? geo.f0 - bandGap - 2 - frontPlan.width : geo.f0;
  const backF = geo.f1 + bandGap;
  let f0 = Math.min(geo.f0, frontF), f1 = backPlan ? backF + backPlan.width + backPlan.reach : geo.f1;
  if (!subnets.length) { f0 = frontPlan ? frontF : backF; f1 = Math.max(f1, f0); }
  let c0 = geo.c0, c1 = geo.c1;
  for (const p of [frontPlan, backPlan]) {
    if (!p) continue;
    c0 = Math.min(c0, p.lo * p.cell);
    c1 = Math.max(c1, p.hi * p.cell);
  }
  return aroundAnchor(f0, f1, c0, c1, (af, ac) => {
    // Subnets row by row along the flow (public first), so later tiers line up with earlier ones.
    const order = subnets.map((_, i) => i).sort((a, b) => cells.rowOf[a]! - cells.rowOf[b]! || cells.columnOf[a]! - cells.columnOf[b]!);
    for (const i of order) {
      const at = geo.subnetAt[i]!;
      const p = axis.xy(af + at.f, ac + at.c);
      subnets[i]!.size.place(p.x, p.y, at.flip);
    }
    zones.forEach((z, k) => {
      const a = geo.zoneAt[k]!;
      const p = axis.xy(af + a.f, ac + a.c), s = axis.xy(a.fl, a.cl);
      const box = { x: p.x, y: p.y, w: s.x, h: s.y };
      ctx.pos.group.set(z, box);
      ctx.pos.groupLabel.set(z, { x: box.x + 0.5, y: box.y + 0.25 });
    });
    const floor = new Floorplan(ctx.iso);
    for (const s of subnets) {
      const b = ctx.pos.group.get(s.node);
      if (b) floor.addBox(b);
    }
    if (frontPlan) placeBand(frontPlan, units, af + frontF, ac, ctx, floor);
    if (backPlan) placeBand(backPlan, units, af + backF, ac, ctx, floor);
  });
}
