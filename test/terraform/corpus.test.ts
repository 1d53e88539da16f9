/**
 * The real-world corpus (../shared/corpus/terraform, read in place, never copied): every state
 * and plan converts to a schema-valid blueprint without overlaps and accounts for every resource;
 * the `terraform plan -json` log is refused with what to run instead; the EKS state is nested.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, type ConvertResult } from '../../src/convert.js';
import { boxContains } from '../../src/layout/index.js';
import { decodeText } from '../../src/input.js';
import { validateBlueprint } from '../../src/validate/index.js';
import { corpusFiles } from '../helpers/corpus.js';
import { checkSceneGeometry } from '../helpers/quality.js';

const files = corpusFiles('terraform');
const isLog = (f: string) => basename(f).includes('jsonlines');

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (typeof x === 'object' && x !== null && !Array.isArray(x) ? x as Json : {});
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** How many report entries a file should produce, counted independently of the converter. */
function expectedEntries(doc: Json): number {
  if (doc['version'] === 4) {
    return arr(doc['resources']).reduce<number>((n, r) => n + Math.max(1, arr(obj(r)['instances']).filter((i) => obj(i)['deposed'] === undefined).length), 0);
  }
  if (doc['version'] === 3) return arr(doc['modules']).reduce<number>((n, m) => n + Object.keys(obj(obj(m)['resources'])).length, 0);
  const count = (m: unknown): number => arr(obj(m)['resources']).length + arr(obj(m)['child_modules']).reduce<number>((s, c) => s + count(c), 0);
  const planned = new Set<string>();
  const collect = (m: unknown): void => {
    for (const r of arr(obj(m)['resources'])) planned.add(String(obj(r)['address']));
    arr(obj(m)['child_modules']).forEach(collect);
  };
  collect(obj(doc['planned_values'])['root_module']);
  const gone = arr(doc['resource_changes']).filter((c) => !planned.has(String(obj(c)['address'])) && obj(c)['deposed'] === undefined).length;
  return count(obj(doc['planned_values'])['root_module']) + gone;
}

describe.skipIf(files.length === 0)('terraform corpus', () => {
  for (const file of files.filter((f) => !isLog(f))) {
    it(`converts ${basename(file)}`, async () => {
      const r = await convert(file);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.ok).toBe(true);
      expect(validateBlueprint(r.blueprint!).ok).toBe(true);
      expect(checkSceneGeometry(r.scene!)).toEqual({ overlaps: [], membersOutside: [], intruders: [] });
      const doc = JSON.parse(decodeText(readFileSync(file))) as Json;
      const addresses = r.report!.entries.map((e) => e.address);
      expect(new Set(addresses).size).toBe(addresses.length);
      expect(r.report!.summary.total).toBe(expectedEntries(doc));
      for (const e of r.report!.entries) expect(e.file).toBe(file);
    });
  }

  for (const file of files.filter(isLog)) {
    it(`refuses the plan log ${basename(file)} and says what to run`, async () => {
      const r = await convert(file);
      expect(r.ok).toBe(false);
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]).toMatchObject({ ruleId: 'terraform-plan-log', severity: 'error', line: 1, column: 1 });
      expect(r.diagnostics[0]!.reason).toContain('terraform show -json plan.out > plan.json');
    });
  }
});

const eks = files.find((f) => basename(f).startsWith('eks-loki-grafana_'));

describe.skipIf(!eks)('the real EKS state', () => {
  let result: ConvertResult;
  const get = async () => (result ??= await convert(eks!));

  it('draws the VPC with its six subnets in three zones, the NAT gateway in a public subnet', async () => {
    const r = await get();
    const g = r.graph!;
    const scene = r.scene!;
    const groupOf = (id: string) => scene.groups.find((x) => x.id === id)!;
    const vpc = scene.groups.find((x) => x.ccType === 'vpc')!;
    expect(vpc.name).toBe('vpc.this[0]');
    const inside = (id: string): string[] => (groupOf(id)?.members ?? []).flatMap((m) => [m, ...inside(m)]);
    const inVpc = new Set(inside(vpc.id));
    const subnets = g.resources.filter((x) => x.ccType === 'subnet');
    expect(subnets).toHaveLength(6);
    for (const s of subnets) expect(inVpc.has(s.id)).toBe(true);
    // Zones are floor surfaces (no member list in Cloudcraft): each one covers its subnets.
    const zones = scene.groups.filter((x) => x.ccType === 'zone');
    expect(zones.map((z) => z.name).sort()).toEqual(['us-east-2a', 'us-east-2b', 'us-east-2c']);
    for (const s of subnets) {
      const zone = zones.find((z) => z.name === s.in.zone)!;
      expect(boxContains(zone.box, groupOf(s.id).box)).toBe(true);
    }
    const tiers = subnets.map((x) => `${x.name}:${x.tier}`).sort();
    expect(tiers).toEqual(['vpc.private[0]:private', 'vpc.private[1]:private', 'vpc.private[2]:private', 'vpc.public[0]:public', 'vpc.public[1]:public', 'vpc.public[2]:public']);
    const nat = g.resources.find((x) => x.ccType === 'natgateway')!;
    const publicA = g.resources.find((x) => x.name === 'vpc.public[0]')!;
    expect(groupOf(publicA.id).members).toContain(nat.id);
    const igw = g.resources.find((x) => x.ccType === 'internetgateway')!;
    expect(inVpc.has(igw.id)).toBe(true);
  });

  it('places the cluster and node group security groups in the VPC, with their rules', async () => {
    const g = (await get()).graph!;
    const vpc = g.resources.find((x) => x.ccType === 'vpc')!;
    const sgs = g.resources.filter((x) => x.ccType === 'sg');
    expect(sgs.map((x) => x.address)).toEqual([
      'module.eks.aws_security_group.cluster[0]',
      'module.eks.aws_security_group.node[0]',
      'module.eks.module.eks_managed_node_group["management"].aws_security_group.this[0]',
    ]);
    for (const sg of sgs) expect(sg.in.vpc).toBe(vpc.id);
    expect(sgs[2]!.group).toBe('module.eks.module.eks_managed_node_group["management"]');
    const node = sgs[1]!;
    const rules = node.props['inboundRules'] as { target: string; targetType: string }[];
    expect(rules.some((x) => x.targetType === 'sg' && x.target === sgs[0]!.id)).toBe(true);
    // The control plane and node groups that failed to apply are reported, not lost.
    const report = (await get()).report!;
    expect(report.entries.find((e) => e.address === 'module.eks.aws_eks_cluster.this')).toMatchObject({ status: 'omitted', reason: 'no-instances' });
  });
});
