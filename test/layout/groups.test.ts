/**
 * Which groups are drawn: declared security groups without drawn members, no empty split copies
 * of SGs and ASGs, containment through non-AWS networks (Azure virtual networks and subnets are
 * areas), and `--group-by none` drawing no container at all.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { layout } from '../../src/layout/index.js';
import { boxContains } from '../../src/layout/geometry.js';
import { measureLayout } from '../../src/layout/quality.js';
import { runCli } from '../helpers/cli.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { TestGraph } from './build.js';

describe('security groups and ASGs', () => {
  it('draws a declared SG without drawn members once, empty, in its VPC, with its name as its member', () => {
    const t = new TestGraph();
    const vpc = t.vpc('vpc');
    const sub = t.subnet('sub', vpc, 'us-east-1a', 'private');
    const used = t.sg('used-sg', vpc);
    t.sg('node-sg', vpc);
    t.add('web', 'ec2', { in: { subnets: [sub.id], securityGroups: [used.id] } });
    const g = t.build();
    const s = layout(g, {});
    const drawn = s.groups.filter((x) => x.name === 'node-sg');
    expect(drawn).toHaveLength(1);
    const sg = drawn[0]!;
    expect(sg.id).toBe(t.id('node-sg'));
    expect(sg.parent).toBe(t.id('vpc'));
    const label = s.labels.find((l) => l.anchor === sg.id)!;
    expect(label.text).toBe('node-sg');
    expect(sg.members).toEqual([label.id]);
    expect(boxContains(sg.box, { x: label.x, y: label.y, w: label.w!, h: label.h! })).toBe(true);
    // Inside the VPC, outside every subnet; listed by the VPC like every SG.
    expect(s.groups.find((x) => x.id === t.id('vpc'))!.members).toContain(sg.id);
    expect(boxContains(s.groups.find((x) => x.id === t.id('sub'))!.box, sg.box)).toBe(false);
    expect(measureLayout(s, g.edges).groupViolationCount).toBe(0);
  });

  it('draws no copy of an SG or ASG in a subnet where it has no member', () => {
    // An ASG over two private subnets whose instances all sit in the first one.
    const t = new TestGraph();
    const vpc = t.vpc('vpc');
    const a = t.subnet('app-a', vpc, 'us-east-1a', 'private'), b = t.subnet('app-b', vpc, 'us-east-1b', 'private');
    const web = t.sg('web-sg', vpc);
    const asg = t.add('web-asg', 'asg', { in: { vpc: vpc.id, subnets: [a.id, b.id], securityGroups: [web.id] } });
    t.add('i-1', 'ec2', { in: { subnets: [a.id], asg: asg.id, securityGroups: [web.id] } });
    t.add('i-2', 'ec2', { in: { subnets: [a.id], asg: asg.id, securityGroups: [web.id] } });
    const g = t.build();
    const s = layout(g, {});
    const inB = (type: string) => s.groups.filter((x) => x.ccType === type && x.parent !== undefined && isInside(s, x.id, b.id));
    expect(inB('asg')).toEqual([]);
    expect(inB('sg')).toEqual([]);
    const asgs = s.groups.filter((x) => x.ccType === 'asg');
    expect(asgs).toHaveLength(1);
    expect(asgs[0]!.id).toBe(asg.id); // one drawing keeps the ASG's own id
    // Subnet b stays, empty, showing its name.
    expect(s.groups.find((x) => x.id === b.id)!.members).toHaveLength(1);
  });

  it('still draws a declared ASG without instances, once', () => {
    const t = new TestGraph();
    const vpc = t.vpc('vpc');
    const a = t.subnet('app-a', vpc, 'us-east-1a', 'private'), b = t.subnet('app-b', vpc, 'us-east-1b', 'private');
    const asg = t.add('idle-asg', 'asg', { in: { vpc: vpc.id, subnets: [a.id, b.id] } });
    const s = layout(t.build(), {});
    const asgs = s.groups.filter((x) => x.ccType === 'asg');
    expect(asgs.map((x) => x.id)).toEqual([asg.id]);
    expect(asgs[0]!.parent).toBe(a.id);
  });

  const eks = join(CORPUS_DIR, 'terraform', 'eks-loki-grafana_state-v4-nested-modules-foreach.tfstate');
  it.skipIf(!existsSync(eks))('shows the node-group security groups of the EKS corpus state, which have no drawn members', async () => {
    const r = await convert(eks);
    expect(r.ok).toBe(true);
    const declared = r.graph!.resources.filter((x) => x.ccType === 'sg').map((x) => x.id).sort();
    expect(declared.length).toBeGreaterThan(0);
    const drawn = new Set(r.scene!.groups.filter((x) => x.ccType === 'sg').map((x) => x.resourceId));
    for (const id of declared) expect(drawn.has(id)).toBe(true);
    expect(measureLayout(r.scene!, r.graph!.edges).groupViolationCount).toBe(0);
  });
});

function isInside(s: ReturnType<typeof layout>, id: string, ancestor: string): boolean {
  const byId = new Map(s.groups.map((g) => [g.id, g]));
  for (let p = byId.get(id)?.parent, hops = 0; p && hops < 32; p = byId.get(p)?.parent, hops++) if (p === ancestor) return true;
  return false;
}

describe('containment through other networks', () => {
  it('draws a component inside the area its subnet reference names (Azure virtual networks and subnets)', () => {
    const t = new TestGraph();
    const vnet = t.add('vnet', 'area');
    const subnet = t.add('subnet-app', 'area', { in: { vpc: vnet.id } });
    const vm = t.add('vm', 'azurevm', { in: { vpc: vnet.id, subnets: [subnet.id] } });
    t.add('db', 'azurecosmosdb');
    const g = t.build();
    const s = layout(g, {});
    const area = (name: string) => s.groups.find((x) => x.ccType === 'area' && x.name === name)!;
    expect(area('subnet-app').parent).toBe(area('vnet').id);
    expect(s.nodes.find((n) => n.id === vm.id)!.parent).toBe(area('subnet-app').id);
    expect(boxContains(area('subnet-app').box, s.nodes.find((n) => n.id === vm.id)!.box)).toBe(true);
    expect(measureLayout(s, g.edges).groupViolationCount).toBe(0);
  });

  it('--group-by none draws no container at all, areas included', () => {
    const t = new TestGraph();
    const vnet = t.add('vnet', 'area');
    t.add('vm', 'azurevm', { in: { vpc: vnet.id } });
    t.add('group', 'area');
    t.add('fn', 'azurefunctionapp', { in: { parent: t.id('group') } });
    const g = t.build();
    const s = layout(g, { groupBy: 'none' });
    expect(s.groups).toEqual([]);
    expect(s.nodes.map((n) => n.id).sort()).toEqual([t.id('vm'), t.id('fn')].sort());
  });

  it('describes --group-by as the containers it draws', async () => {
    const r = await runCli(['convert', '--help']);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/--group-by .*none \(no containers at all\)/);
    expect(text).toMatch(/module\/stack \(also an area per Terraform module or stack/);
  });
});
