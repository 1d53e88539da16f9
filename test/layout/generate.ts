/**
 * Seeded generator of cloud topologies for layout tests and the benchmark: regions, VPCs with
 * 2–3 zones of public/private/isolated subnets, security groups spanning zones (resources in one
 * or two of them), ASGs across private subnets, VPC-level gateways, and regional/global services
 * outside VPCs, with about 1.5 edges per component (mostly local, mostly along the roles' flow).
 */
import { GraphBuilder } from '../../src/graph/builder.js';
import type { EdgeKind, Graph, Resource } from '../../src/graph/types.js';
import { roleRank } from '../../src/layout/roles.js';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  seed?: number;
  /** Approximate number of drawn components (containers not counted). */
  nodes: number;
  regions?: number;
  edgesPerNode?: number;
  /**
   * `cloud` (default): edges follow how traffic runs — load balancers to compute to data inside
   * a subnet, public to private to isolated tiers inside a VPC, entry services into the VPCs,
   * compute out to queues, topics, buckets and tables (each service belongs to one VPC's
   * application: 3 of 4 of a VPC's service links go to its own services), a few cross-VPC links.
   * `uniform`: the synthetic model of dependencies.md §8 — 60 % inside a subnet, 25 % inside the
   * VPC, 15 % between any two components, in random directions along roles.
   */
  edgeModel?: 'cloud' | 'uniform';
  /** Give resources Terraform-style module paths (`Resource.group`), some nested, some none. */
  modules?: boolean;
}

const MODULES = ['module.api', 'module.data', 'module.api.module.events', 'module.cdn["main"]', ''];

const OUTSIDE_TYPES = ['cloudfront', 'r53', 'apigateway', 'lambda', 'lambda', 's3', 'dynamodb', 'sqs', 'snstopic', 'eventbus', 'kinesisstream'];
const TIER_TYPES: Record<string, string[]> = {
  public: ['elb', 'natgateway', 'ec2'],
  private: ['ec2', 'ec2', 'lambda', 'efs', 'elb'],
  isolated: ['rds', 'rds', 'elasticache', 'docdb'],
};

export function generateTopology(o: GenerateOptions): Graph {
  const rnd = prng(o.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const b = new GraphBuilder(`generated-${o.nodes}`);
  const regions = Array.from({ length: o.regions ?? 1 }, (_, i) => ['us-east-1', 'eu-west-1', 'ap-southeast-2'][i % 3]!);
  let count = 0;
  const leaves: Resource[] = [];
  const local = new Map<string, Resource[]>(); // container key → components, for local edges
  const add = (init: Omit<Parameters<GraphBuilder['add']>[0], 'provider' | 'sourceType'>, key?: string): Resource => {
    const r = b.add({ provider: 'aws', sourceType: `gen:${init.ccType}`, ...init });
    if (!['vpc', 'subnet', 'sg', 'asg'].includes(r.ccType!)) {
      leaves.push(r);
      count++;
      if (key) (local.get(key) ?? local.set(key, []).get(key)!).push(r);
    }
    return r;
  };

  const outsideShare = 0.2;
  const vpcCount = Math.max(1, Math.round((o.nodes * (1 - outsideShare)) / 110));
  for (let v = 0; v < vpcCount; v++) {
    const region = regions[v % regions.length]!;
    const vpc = add({ address: `vpc${v}`, ccType: 'vpc', name: `vpc-${v}`, region });
    const zones = Array.from({ length: 2 + Math.floor(rnd() * 2) }, (_, z) => `${region}${'abc'[z]}`);
    const tiers = rnd() < 0.8 ? (['public', 'private', 'isolated'] as const) : (['public', 'private'] as const);
    const sgs = ['web', 'app', 'db', 'admin'].map((name) => add({ address: `vpc${v}/sg-${name}`, ccType: 'sg', name: `${name}-sg-${v}`, region, in: { vpc: vpc.id } }));
    add({ address: `vpc${v}/igw`, ccType: 'internetgateway', name: `igw-${v}`, region, in: { vpc: vpc.id } }, `vpc${v}`);
    const privateSubnets: Resource[] = [];
    const subnets: { s: Resource; tier: string }[] = [];
    for (const zone of zones) {
      for (const tier of tiers) {
        const s = add({ address: `vpc${v}/${tier}-${zone}`, ccType: 'subnet', name: `${tier}-${zone}`, region, tier, in: { vpc: vpc.id, zone } });
        subnets.push({ s, tier });
        if (tier === 'private') privateSubnets.push(s);
      }
    }
    const budget = Math.round((o.nodes * (1 - outsideShare)) / vpcCount);
    const asg = add({ address: `vpc${v}/asg`, ccType: 'asg', name: `asg-${v}`, region, in: { vpc: vpc.id, subnets: privateSubnets.map((s) => s.id), securityGroups: [sgs[1]!.id] } });
    for (let i = 0; i < budget - 1; i++) {
      const { s, tier } = pick(subnets);
      const ccType = pick(TIER_TYPES[tier]!);
      const sgIndex = tier === 'public' ? 0 : tier === 'private' ? 1 : 2;
      const sgList = [sgs[sgIndex]!.id];
      if (rnd() < 0.2) sgList.push(sgs[3]!.id);
      const inAsg = ccType === 'ec2' && tier === 'private' && rnd() < 0.3;
      const init: Parameters<typeof add>[0] = { address: `vpc${v}/${s.name}/${ccType}-${i}`, ccType, name: `${ccType}-${v}-${i}`, region, in: { vpc: vpc.id, subnets: [s.id], securityGroups: sgList } };
      if (inAsg) init.in!.asg = asg.id;
      add(init, s.id);
    }
  }
  while (count < o.nodes) {
    const ccType = pick(OUTSIDE_TYPES);
    const global = ccType === 'cloudfront' || ccType === 'r53';
    const init: Parameters<typeof add>[0] = { address: `svc/${ccType}-${count}`, ccType, name: `${ccType}-${count}` };
    if (!global) init.region = pick(regions);
    if (o.modules) { const m = pick(MODULES); if (m) init.group = m; }
    add(init, 'outside');
  }

  const total = Math.round(leaves.length * (o.edgesPerNode ?? 1.5));
  if (o.edgeModel === 'uniform') uniformEdges(b, leaves, local, total, rnd);
  else cloudEdges(b, leaves, local, total, rnd);
  return b.build();
}

function uniformEdges(b: GraphBuilder, leaves: Resource[], local: Map<string, Resource[]>, total: number, rnd: () => number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const kinds: EdgeKind[] = ['network', 'reference', 'dataflow', 'event'];
  const groups = [...local.values()].filter((l) => l.length > 1);
  for (let i = 0; i < total; i++) {
    const roll = rnd();
    let a: Resource, c: Resource;
    if (roll < 0.6 && groups.length) {
      const g = pick(groups);
      a = pick(g); c = pick(g);
    } else if (roll < 0.85) {
      a = pick(leaves);
      const vpc = leaves.filter((r) => r.in.vpc && r.in.vpc === a.in.vpc);
      c = pick(vpc.length > 1 ? vpc : leaves);
    } else {
      a = pick(leaves); c = pick(leaves);
    }
    if (a.id === c.id) continue;
    const forward = roleRank(a.ccType) <= roleRank(c.ccType);
    const [from, to] = forward || rnd() < 0.2 ? [a, c] : [c, a];
    b.edge(from.id, to.id, pick(kinds));
  }
}

const ROLE_OF_TIER: Record<string, number> = { public: 0, private: 1, isolated: 2 };

/** Edges along the way requests travel: entry → public → private → isolated, compute → messaging/data. */
function cloudEdges(b: GraphBuilder, leaves: Resource[], local: Map<string, Resource[]>, total: number, rnd: () => number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const byVpc = new Map<string, Resource[]>();
  const outside: Resource[] = [];
  for (const r of leaves) {
    if (r.in.vpc) (byVpc.get(r.in.vpc) ?? byVpc.set(r.in.vpc, []).get(r.in.vpc)!).push(r);
    else outside.push(r);
  }
  const vpcs = [...byVpc.values()];
  const ownerOf = new Map(outside.map((r) => [r.id, Math.floor(rnd() * Math.max(1, vpcs.length))]));
  const entry = outside.filter((r) => roleRank(r.ccType) === roleRank('cloudfront'));
  const later = outside.filter((r) => roleRank(r.ccType) > roleRank('ec2'));
  const computeOut = outside.filter((r) => roleRank(r.ccType) === roleRank('ec2'));
  const tierOf = (r: Resource, subnets: Map<string, Resource>) => ROLE_OF_TIER[subnets.get(r.in.subnets?.[0] ?? '')?.tier ?? ''] ?? -1;
  const subnets = new Map<string, Resource>();
  for (const r of b.all()) if (r.ccType === 'subnet') subnets.set(r.id, r);
  const groups = [...local.entries()].filter(([k, l]) => k !== 'outside' && l.length > 1).map(([, l]) => l);
  const directed = (a: Resource, c: Resource) => (roleRank(a.ccType) <= roleRank(c.ccType) ? [a, c] as const : [c, a] as const);
  for (let i = 0; i < total; i++) {
    const roll = rnd();
    let pair: readonly [Resource, Resource] | undefined;
    if (roll < 0.4 && groups.length) {
      const g = pick(groups);
      pair = directed(pick(g), pick(g));
    } else if (roll < 0.75 && vpcs.length) {
      // Across tiers of one VPC, usually inside one zone: public → private → isolated.
      const vpc = pick(vpcs);
      const a = pick(vpc);
      const ta = tierOf(a, subnets);
      const zone = subnets.get(a.in.subnets?.[0] ?? '')?.in.zone;
      const next = vpc.filter((r) => tierOf(r, subnets) === ta + 1 && (rnd() < 0.3 || subnets.get(r.in.subnets?.[0] ?? '')?.in.zone === zone));
      if (next.length) pair = [a, pick(next)];
    } else if (roll < 0.95 && vpcs.length && outside.length) {
      // A service belongs to one VPC's application most of the time; some are shared.
      const v = Math.floor(rnd() * vpcs.length);
      const vpc = vpcs[v]!;
      const own = (list: Resource[]) => {
        const mine = list.filter((r) => ownerOf.get(r.id) === v);
        return mine.length && rnd() < 0.75 ? mine : list;
      };
      if (rnd() < 0.4 && entry.length) {
        const front = vpc.filter((r) => r.ccType === 'elb' || tierOf(r, subnets) === 0);
        if (front.length) pair = [pick(own(entry)), pick(front)];
      } else if (later.length) {
        const compute = vpc.filter((r) => r.ccType === 'ec2' || r.ccType === 'lambda');
        if (compute.length) pair = [pick(compute), pick(own(later))];
      }
    } else if (roll < 0.985 && outside.length > 1) {
      const a = pick([...entry, ...computeOut]);
      const c = pick([...computeOut, ...later]);
      if (a && c) pair = directed(a, c);
    } else if (vpcs.length > 1) {
      pair = directed(pick(pick(vpcs)), pick(pick(vpcs)));
    }
    if (pair && pair[0].id !== pair[1].id) b.edge(pair[0].id, pair[1].id, pick(['network', 'reference', 'dataflow'] as EdgeKind[]));
  }
}

/** The same graph with one more resource: a component in a random container with one or two edges. */
export function addOneResource(graph: Graph, seed: number): { graph: Graph; added: string } {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const b = new GraphBuilder(graph.name);
  for (const r of graph.resources) b.add(r);
  for (const e of graph.edges) b.edge(e.from, e.to, e.kind, e.label !== undefined ? { label: e.label } : {});
  const components = graph.resources.filter((r) => r.ccType && !['vpc', 'subnet', 'sg', 'asg'].includes(r.ccType));
  const subnets = graph.resources.filter((r) => r.ccType === 'subnet');
  const inside = subnets.length > 0 && rnd() < 0.6;
  let added: Resource;
  if (inside) {
    const s = pick(subnets);
    const ccType = pick(TIER_TYPES[s.tier ?? 'private']!);
    const sgs = graph.resources.filter((r) => r.ccType === 'sg' && r.in.vpc === s.in.vpc);
    const init: Parameters<GraphBuilder['add']>[0] = { address: `added/${seed}`, provider: 'aws', sourceType: `gen:${ccType}`, ccType, name: `added-${ccType}-${seed}`, in: { vpc: s.in.vpc!, subnets: [s.id] } };
    if (s.region) init.region = s.region;
    if (sgs.length) init.in!.securityGroups = [pick(sgs).id];
    added = b.add(init);
  } else {
    const ccType = pick(OUTSIDE_TYPES);
    const init: Parameters<GraphBuilder['add']>[0] = { address: `added/${seed}`, provider: 'aws', sourceType: `gen:${ccType}`, ccType, name: `added-${ccType}-${seed}` };
    const region = components.find((r) => r.region)?.region;
    if (region && ccType !== 'cloudfront' && ccType !== 'r53') init.region = region;
    added = b.add(init);
  }
  const edges = 1 + Math.floor(rnd() * 2);
  for (let i = 0; i < edges && components.length; i++) {
    const other = pick(components);
    if (roleRank(other.ccType) <= roleRank(added.ccType)) b.edge(other.id, added.id, 'reference');
    else b.edge(added.id, other.id, 'reference');
  }
  return { graph: b.build(), added: added.id };
}
