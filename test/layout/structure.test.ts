/** What the layout draws, on hand-built graphs: the containment frame, roles, options. */
import { describe, expect, it } from 'vitest';
import { derivedId } from '../../src/ids.js';
import { layout } from '../../src/layout/index.js';
import { measureLayout } from '../../src/layout/quality.js';
import type { Scene } from '../../src/layout/types.js';
import { boxContains } from '../../src/layout/geometry.js';
import { TestGraph, boxOf, centre } from './build.js';

/** VPC with zones a/b, public/private/isolated subnets, an ALB, web servers and a database. */
function threeTier(): TestGraph {
  const t = new TestGraph();
  const vpc = t.vpc('vpc');
  for (const z of ['a', 'b']) {
    for (const tier of ['public', 'private', 'isolated'] as const) t.subnet(`${tier}-${z}`, vpc, `us-east-1${z}`, tier);
  }
  const web = t.sg('web-sg', vpc);
  t.add('igw', 'internetgateway', { in: { vpc: vpc.id } });
  t.add('alb', 'elb', { in: { vpc: vpc.id, subnets: [t.id('public-a'), t.id('public-b')] } });
  t.add('web-a', 'ec2', { in: { subnets: [t.id('private-a')], securityGroups: [web.id] } });
  t.add('web-b', 'ec2', { in: { subnets: [t.id('private-b')], securityGroups: [web.id] } });
  t.add('db', 'rds', { in: { subnets: [t.id('isolated-a')] } });
  t.add('dns', 'r53');
  t.add('cdn', 'cloudfront');
  t.add('assets', 's3');
  t.add('queue', 'sqs');
  t.edge('dns', 'cdn').edge('cdn', 'alb').edge('cdn', 'assets').edge('alb', 'web-a').edge('alb', 'web-b')
    .edge('web-a', 'db').edge('web-b', 'db').edge('web-a', 'queue');
  return t;
}

const groupNamed = (s: Scene, type: string, name: string) => s.groups.filter((g) => g.ccType === type && g.name === name);

describe('containment frame', () => {
  for (const direction of ['right', 'down'] as const) {
    const flow = direction === 'right' ? 'x' : 'y';
    const cross = direction === 'right' ? 'y' : 'x';
    it(`${direction}: zones side by side across the flow, tiers in order along it, aligned across zones`, () => {
      const t = threeTier();
      const g = t.build();
      const s = layout(g, { direction });
      const za = groupNamed(s, 'zone', 'us-east-1a')[0]!.box, zb = groupNamed(s, 'zone', 'us-east-1b')[0]!.box;
      expect(za[cross] + (cross === 'x' ? za.w : za.h)).toBeLessThanOrEqual(zb[cross]);
      for (const z of ['a', 'b']) {
        const pub = boxOf(s, g, `public-${z}`), pri = boxOf(s, g, `private-${z}`), iso = boxOf(s, g, `isolated-${z}`);
        expect(pub[flow]).toBeLessThan(pri[flow]);
        expect(pri[flow]).toBeLessThan(iso[flow]);
        // Each subnet sits in its zone's surface.
        expect(boxContains(z === 'a' ? za : zb, pub)).toBe(true);
      }
      // The same tier lines up across zones: public subnets end where the next tier begins (they
      // grow against the flow), later tiers start at the same place.
      const pad = (name: string) => s.groups.find((x) => x.name === name)!.padding ?? 0;
      const cellStart = (name: string) => boxOf(s, g, name)[flow] - pad(name);
      const cellEnd = (name: string) => { const b = boxOf(s, g, name); return b[flow] + (flow === 'x' ? b.w : b.h) + pad(name); };
      // (A component's cell keeps room for its label after it, so a drawn box may end short of its cell.)
      expect(Math.abs(cellEnd('public-a') - cellEnd('public-b'))).toBeLessThanOrEqual(3);
      const end = (name: string) => { const b = boxOf(s, g, name); return b[flow] + (flow === 'x' ? b.w : b.h); };
      expect(Math.max(end('public-a'), end('public-b'))).toBeLessThan(Math.min(boxOf(s, g, 'private-a')[flow], boxOf(s, g, 'private-b')[flow]));
      for (const tier of ['private', 'isolated']) {
        expect(Math.abs(cellStart(`${tier}-a`) - cellStart(`${tier}-b`))).toBeLessThanOrEqual(1);
      }
      // Zones span the same flow range.
      expect([za[flow], flow === 'x' ? za.w : za.h]).toEqual([zb[flow], flow === 'x' ? zb.w : zb.h]);
    });

    it(`${direction}: services outside the VPC follow their roles along the flow`, () => {
      const g = threeTier().build();
      const s = layout(g, { direction });
      const at = (n: string) => centre(boxOf(s, g, n))[flow];
      const vpc = boxOf(s, g, 'vpc');
      expect(at('dns')).toBeLessThan(vpc[flow]);
      expect(at('cdn')).toBeLessThan(vpc[flow]);
      expect(at('queue')).toBeGreaterThan(vpc[flow] + (flow === 'x' ? vpc.w : vpc.h));
      expect(at('queue')).toBeLessThan(at('assets'));
      const q = measureLayout(s, g.edges, { direction });
      expect(q.backwardEdges).toBe(0);
      expect(q.crossings).toBe(0);
    });
  }

  it('lines up subnets of one tier across zones even when their names do not match', () => {
    const t = new TestGraph();
    const vpc = t.vpc('vpc');
    t.subnet('PublicSubnetOne', vpc, 'us-east-1a', 'public');
    t.subnet('PublicSubnetTwo', vpc, 'us-east-1b', 'public');
    t.subnet('PrivateSubnetOne', vpc, 'us-east-1a', 'private');
    t.subnet('PrivateSubnetTwo', vpc, 'us-east-1b', 'private');
    t.add('nat', 'natgateway', { in: { subnets: [t.id('PublicSubnetOne')] } });
    const g = t.build();
    const s = layout(g, { direction: 'down' });
    const top = (n: string) => boxOf(s, g, n).y;
    const bottom = (n: string) => boxOf(s, g, n).y + boxOf(s, g, n).h;
    // Same row per tier (one, two): public subnets end together, private ones start together,
    // and public comes before private along the flow.
    expect(Math.abs(bottom('PublicSubnetOne') - bottom('PublicSubnetTwo'))).toBeLessThanOrEqual(3);
    expect(Math.abs(top('PrivateSubnetOne') - top('PrivateSubnetTwo'))).toBeLessThanOrEqual(1);
    expect(bottom('PublicSubnetOne')).toBeLessThan(top('PrivateSubnetOne'));
  });

  it('draws a security group once per subnet, inside it, and lists members as Cloudcraft expects', () => {
    const t = threeTier();
    const g = t.build();
    const s = layout(g, {});
    const sgs = groupNamed(s, 'sg', 'web-sg');
    expect(sgs.map((x) => x.id).sort()).toEqual([derivedId('sg-split', t.id('web-sg'), t.id('private-a')), derivedId('sg-split', t.id('web-sg'), t.id('private-b'))].sort());
    const sgA = sgs.find((x) => x.id === derivedId('sg-split', t.id('web-sg'), t.id('private-a')))!;
    expect(sgA.parent).toBe(t.id('private-a'));
    expect(sgA.members).toContain(t.id('web-a'));
    // The subnet lists the instance too (subnets do not take SGs); the VPC lists the SG.
    const subA = s.groups.find((x) => x.id === t.id('private-a'))!;
    expect(subA.members).toContain(t.id('web-a'));
    expect(subA.members).not.toContain(sgA.id);
    expect(s.groups.find((x) => x.id === t.id('vpc'))!.members).toContain(sgA.id);
    // The SG box is inside the subnet box, with room to spare.
    expect(boxContains(subA.box, sgA.box)).toBe(true);
    expect(subA.padding!).toBeGreaterThan(sgA.padding!);
  });

  it('nests security groups whose members nest, and gives a membership that would cross a box of its own', () => {
    const t = new TestGraph();
    const vpc = t.vpc('vpc');
    const sub = t.subnet('sub', vpc, 'z1', 'private');
    const [outer, inner, odd] = [t.sg('outer', vpc), t.sg('inner', vpc), t.sg('odd', vpc)];
    t.add('a', 'ec2', { in: { subnets: [sub.id], securityGroups: [outer.id, inner.id] } });
    t.add('b', 'ec2', { in: { subnets: [sub.id], securityGroups: [outer.id, inner.id] } });
    t.add('c', 'ec2', { in: { subnets: [sub.id], securityGroups: [outer.id, odd.id] } });
    t.add('d', 'ec2', { in: { subnets: [sub.id], securityGroups: [odd.id] } });
    const g = t.build();
    const s = layout(g, {});
    const o = groupNamed(s, 'sg', 'outer')[0]!, i = groupNamed(s, 'sg', 'inner')[0]!;
    expect(i.parent).toBe(o.id);
    expect(boxContains(o.box, i.box)).toBe(true);
    expect(o.padding!).toBeGreaterThan(i.padding!);
    expect(o.members).toEqual(expect.arrayContaining([t.id('a'), t.id('b'), t.id('c')]));
    // 'odd' holds c and d, but c is in 'outer' and d is not: one box of 'odd' would cross
    // 'outer'. So 'odd' is drawn twice: around c inside 'outer', and around d outside it.
    const oddBoxes = groupNamed(s, 'sg', 'odd');
    expect(oddBoxes).toHaveLength(2);
    const oddIn = oddBoxes.find((x) => x.parent === o.id)!, oddOut = oddBoxes.find((x) => x.parent !== o.id)!;
    expect(oddIn.members).toContain(t.id('c'));
    expect(oddOut.members).toContain(t.id('d'));
    expect(oddOut.members).not.toContain(t.id('c'));
    expect(oddIn.id).toBe(derivedId('sg-split', t.id('odd'), t.id('sub')));
    const q = measureLayout(s, g.edges);
    expect(q.groupViolationCount).toBe(0);
    expect(s.groups.find((x) => x.id === t.id('sub'))!.padding).toBe(3);
  });

  it('splits an ASG that spans subnets into one group per subnet, each holding its instances', () => {
    const t = threeTier();
    const asg = t.add('web-asg', 'asg', { in: { subnets: [t.id('private-a'), t.id('private-b')] } });
    t.add('i-a', 'ec2', { in: { subnets: [t.id('private-a')], asg: asg.id } });
    t.add('i-b', 'ec2', { in: { subnets: [t.id('private-b')], asg: asg.id } });
    const g = t.build();
    const s = layout(g, {});
    const asgs = s.groups.filter((x) => x.ccType === 'asg');
    expect(asgs.map((x) => x.parent).sort()).toEqual([t.id('private-a'), t.id('private-b')].sort());
    expect(asgs.map((x) => x.id)).not.toContain(asg.id);
    for (const x of asgs) expect(x.members).toEqual([x.parent === t.id('private-a') ? t.id('i-a') : t.id('i-b')]);
    // ASGs have no name field: their name is a label inside the box, listed by the subnet.
    for (const x of asgs) {
      const label = s.labels.find((l) => l.anchor === x.id)!;
      expect(label.text).toBe('web-asg');
      expect(boxContains(x.box, { x: label.x, y: label.y, w: label.w!, h: label.h! })).toBe(true);
      expect(s.groups.find((grp) => grp.id === x.parent)!.members).toContain(label.id);
    }
    expect(measureLayout(s, g.edges).groupViolationCount).toBe(0);
  });

  it('keeps an ECS cluster beside its services, in their subnet', () => {
    const t = threeTier();
    const cluster = t.add('cluster', 'ecscluster');
    t.add('svc-1', 'ecsservice', { in: { subnets: [t.id('private-a')], parent: cluster.id } });
    t.add('svc-2', 'ecsservice', { in: { subnets: [t.id('private-a')], parent: cluster.id } });
    const g = t.build();
    const s = layout(g, {});
    const sub = s.groups.find((x) => x.id === t.id('private-a'))!;
    expect(sub.members).toEqual(expect.arrayContaining([cluster.id, t.id('svc-1'), t.id('svc-2')]));
    const c = boxOf(s, g, 'cluster'), s1 = boxOf(s, g, 'svc-1');
    expect(Math.abs(c.x - s1.x) + Math.abs(c.y - s1.y)).toBeLessThanOrEqual(12);
  });

  it('gives empty containers an extent through their name label', () => {
    const t = new TestGraph();
    const vpc = t.vpc('empty-vpc');
    t.subnet('lonely', vpc, undefined, 'private');
    const g = t.build();
    const s = layout(g, {});
    const sub = s.groups.find((x) => x.id === t.id('lonely'))!;
    const label = s.labels.find((l) => l.anchor === sub.id)!;
    expect(sub.members).toEqual([label.id]);
    expect(sub.box.w).toBeGreaterThan(label.w!);
  });
});

describe('options', () => {
  it('--group-by module draws nested areas with name labels for services outside VPCs', () => {
    const t = threeTier();
    t.add('orders', 'dynamodb', { group: 'module.app' });
    t.add('events', 'sqs', { group: 'module.app.module.events' });
    t.add('other', 'sns', { group: 'module.other["x.y"]' });
    const g = t.build();
    const s = layout(g, { groupBy: 'module' });
    const areas = s.groups.filter((x) => x.ccType === 'area');
    expect(areas.map((a) => a.name).sort()).toEqual(['module.app', 'module.app.module.events', 'module.other["x.y"]']);
    const app = areas.find((a) => a.name === 'module.app')!, ev = areas.find((a) => a.name === 'module.app.module.events')!;
    expect(ev.parent).toBe(app.id);
    expect(boxContains(app.box, ev.box)).toBe(true);
    expect(boxContains(ev.box, boxOf(s, g, 'events'))).toBe(true);
    for (const a of areas) expect(s.labels.find((l) => l.anchor === a.id)?.text).toBe(a.name);
    // VPC contents stay in their network containers.
    expect(areas.some((a) => boxContains(a.box, boxOf(s, g, 'vpc')))).toBe(false);
    expect(measureLayout(s, g.edges).groupViolationCount).toBe(0);
  });

  it('--group-by stack splits stack paths on "/"', () => {
    const t = new TestGraph();
    t.add('fn', 'lambda', { group: 'app/api' });
    t.add('table', 'dynamodb', { group: 'app' });
    const s = layout(t.build(), { groupBy: 'stack' });
    const areas = s.groups.filter((x) => x.ccType === 'area');
    expect(areas.map((a) => a.name).sort()).toEqual(['app', 'app/api']);
    expect(areas.find((a) => a.name === 'app/api')!.parent).toBe(areas.find((a) => a.name === 'app')!.id);
  });

  it('--group-by none draws no containers at all', () => {
    const g = threeTier().build();
    const s = layout(g, { groupBy: 'none' });
    expect(s.groups).toEqual([]);
    expect(s.nodes.length).toBe(9);
  });

  it('draws one region group per region when resources span regions', () => {
    const t = new TestGraph();
    t.add('eu-fn', 'lambda', { region: 'eu-west-1' });
    t.add('us-fn', 'lambda', { region: 'us-east-1' });
    t.add('cdn', 'cloudfront', { region: undefined as unknown as string });
    const g = t.build();
    const s = layout(g, {});
    const regions = s.groups.filter((x) => x.ccType === 'region');
    expect(regions.map((r) => r.name).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(regions.find((r) => r.name === 'eu-west-1')!.members).toContain(t.id('eu-fn'));
    expect(measureLayout(s, g.edges).groupViolationCount).toBe(0);
  });

  it('--spacing widens the gaps between components', () => {
    const t = new TestGraph();
    for (let i = 0; i < 6; i++) t.add(`fn-${i}`, 'lambda');
    const g = t.build();
    const area = (spacing: number) => measureLayout(layout(g, { spacing }), g.edges).boundingArea;
    // (Below 2 cells the isometric shadow rule decides the gap across the flow.)
    expect(area(0)).toBeLessThan(area(4));
    expect(area(4)).toBeLessThan(area(8));
  });

  it('isometric view keeps the depth of a neighbour in front of each label free; 2d does not need it', () => {
    const t = new TestGraph();
    for (let i = 0; i < 8; i++) t.add(`db-${i}`, 'dynamodb');
    t.add('tall', 'block', { props: { width: 1, depth: 1, height: 3 } });
    const g = t.build();
    const heights = new Map([[t.id('tall'), 3]]);
    for (const projection of ['isometric', '2d'] as const) {
      const s = layout(g, { projection, spacing: 0 });
      expect(measureLayout(s, g.edges, { projection, heights }).labelsHidden).toEqual([]);
    }
    const iso = measureLayout(layout(g, { spacing: 0 }), g.edges).boundingArea;
    const flat = measureLayout(layout(g, { projection: '2d', spacing: 0 }), g.edges).boundingArea;
    expect(flat).toBeLessThan(iso);
  });

  it('uses the catalogue footprint of blocks', () => {
    const t = new TestGraph();
    t.add('big', 'block', { props: { width: 4, depth: 3 } });
    for (let i = 0; i < 5; i++) t.add(`b-${i}`, 'block');
    const g = t.build();
    const s = layout(g, {});
    expect(boxOf(s, g, 'big')).toMatchObject({ w: 4, h: 3 });
    expect(boxOf(s, g, 'b-0')).toMatchObject({ w: 2, h: 2 });
    expect(measureLayout(s, g.edges).overlaps).toEqual([]);
  });

  it('puts each label under its component, listed by the container that accepts text', () => {
    const t = threeTier();
    const g = t.build();
    const s = layout(g, {});
    for (const n of s.nodes) {
      const l = s.labels.find((x) => x.anchor === n.id)!;
      expect(l.text).toBe(g.resources.find((r) => r.id === n.id)!.name);
      expect(l.x).toBe(n.box.x);
      expect(l.y).toBeGreaterThan(n.box.y + n.box.h);
    }
    const label = s.labels.find((x) => x.anchor === t.id('db'))!;
    expect(s.groups.find((x) => x.id === t.id('isolated-a'))!.members).toContain(label.id);
    // Zone names are labels inside the surfaces, listed by the VPC.
    const zone = groupNamed(s, 'zone', 'us-east-1a')[0]!;
    const zl = s.labels.find((l) => l.anchor === zone.id)!;
    expect(zl.text).toBe('us-east-1a');
    expect(boxContains(zone.box, { x: zl.x, y: zl.y, w: zl.w!, h: zl.h! })).toBe(true);
    expect(s.groups.find((x) => x.id === t.id('vpc'))!.members).toContain(zl.id);
  });
});
