/**
 * Turns graph containment into one tree of drawable containers: region → VPC → zone → subnet →
 * security group → ASG → components, plus generic parents (AKS, Service Bus, Azure networks).
 * Each resource lands in exactly one place; a container type that does not accept a member
 * (an S3 bucket "in" a subnet) is skipped, so nothing is drawn where Cloudcraft cannot hold it.
 */
import { canContain } from '../catalog/index.js';
import { derivedId } from '../ids.js';
import type { Graph, Resource } from '../graph/types.js';
import { roleRank } from './roles.js';

/** Emitted types that are drawn as containers rather than as components. */
export const GROUP_TYPES = new Set(['vpc', 'subnet', 'sg', 'asg', 'region', 'zone', 'area', 'networkacl',
  'azureakscluster', 'azureaksworkload', 'azuresbnamespace']);

export type TreeKind = 'root' | 'region' | 'vpc' | 'zone' | 'subnet' | 'sg' | 'asg' | 'parent' | 'outside';

export interface TreeNode {
  kind: TreeKind;
  /** Emitted id of the group (absent for root/outside). */
  id?: string;
  ccType?: string;
  name?: string;
  resourceId?: string;
  region?: string;
  children: TreeNode[];
  /** Resource ids of components placed directly here. */
  leaves: string[];
}

function node(kind: TreeKind, extra: Partial<TreeNode> = {}): TreeNode {
  return { kind, children: [], leaves: [], ...extra };
}

/** A container accepts the member when Cloudcraft's lists allow it; `area` is purely visual. */
function accepts(container: Resource, member: Resource): boolean {
  if (!container.ccType || !member.ccType) return false;
  if (container.ccType === 'area') return true;
  return canContain(container.ccType, member.ccType);
}

const TIER_RANK = { public: 0, private: 1, isolated: 2 } as const;

export function buildTree(graph: Graph): TreeNode {
  const byId = new Map(graph.resources.map((r) => [r.id, r]));
  const drawn = graph.resources.filter((r) => r.ccType !== undefined);
  const isGroup = (r: Resource | undefined) => !!r && GROUP_TYPES.has(r.ccType ?? '');

  // Role of each container, from how members reference it.
  const vpcIds = new Set<string>();
  const subnetIds = new Set<string>();
  for (const r of drawn) {
    if (r.ccType === 'vpc') vpcIds.add(r.id);
    if (r.ccType === 'subnet') subnetIds.add(r.id);
    if (r.in.vpc && isGroup(byId.get(r.in.vpc))) vpcIds.add(r.in.vpc);
    for (const s of r.in.subnets ?? []) if (isGroup(byId.get(s))) subnetIds.add(s);
  }

  const regions = [...new Set(drawn.map((r) => r.region ?? ''))];
  const multiRegion = regions.filter((r) => r).length > 1;
  const root = node('root');
  const regionNodes = new Map<string, TreeNode>();
  const regionNode = (region: string): TreeNode => {
    let n = regionNodes.get(region);
    if (!n) {
      n = multiRegion && region
        ? node('region', { id: derivedId('region', region), ccType: 'region', name: region, region })
        : node('outside');
      if (n.kind === 'region') n.children.push(node('outside'));
      regionNodes.set(region, n);
      root.children.push(n);
    }
    return n;
  };
  const outsideOf = (region: string) => {
    const rn = regionNode(region);
    return rn.kind === 'outside' ? rn : rn.children[0]!;
  };

  const groupNodes = new Map<string, TreeNode>();
  const groupNode = (r: Resource, kind: TreeKind): TreeNode => {
    let n = groupNodes.get(r.id);
    if (!n) {
      n = node(kind, { id: r.id, ccType: r.ccType!, name: r.name, resourceId: r.id });
      if (r.region) n.region = r.region;
      groupNodes.set(r.id, n);
    }
    return n;
  };

  // Primary subnet / VPC / SG / ASG of a component, honouring what each container accepts.
  const subnetOf = (r: Resource) => (r.in.subnets ?? []).map((s) => byId.get(s)).find((s) => s && subnetIds.has(s.id) && accepts(s, r));
  const vpcOf = (r: Resource): Resource | undefined => {
    const sub = subnetOf(r);
    const vpcId = r.in.vpc ?? (sub ? sub.in.vpc : undefined);
    const v = vpcId ? byId.get(vpcId) : undefined;
    return v && vpcIds.has(v.id) && (accepts(v, r) || r.ccType === 'subnet' || r.ccType === 'sg') ? v : undefined;
  };

  // Zones inside each VPC.
  const zoneNodes = new Map<string, TreeNode>();
  const zoneNode = (vpc: TreeNode, zone: string, region: string | undefined): TreeNode => {
    const key = `${vpc.id}/${zone}`;
    let z = zoneNodes.get(key);
    if (!z) {
      z = node('zone', { id: derivedId('zone', vpc.id!, zone), ccType: 'zone', name: zone });
      if (region) z.region = region;
      zoneNodes.set(key, z);
      vpc.children.push(z);
    }
    return z;
  };

  // SG clusters per container (one drawn sg per security group and container).
  const sgNodes = new Map<string, TreeNode>();
  const sgNode = (container: TreeNode, sg: Resource): TreeNode => {
    const key = `${container.id ?? container.kind}/${sg.id}`;
    let n = sgNodes.get(key);
    if (!n) {
      n = node('sg', { id: derivedId('sg-split', sg.id, container.id ?? container.kind), ccType: 'sg', name: sg.name, resourceId: sg.id });
      if (sg.region) n.region = sg.region;
      sgNodes.set(key, n);
      container.children.push(n);
    }
    return n;
  };

  const ordered = [...drawn].sort((a, b) => roleRank(a.ccType) - roleRank(b.ccType));

  // Pass 1: VPCs, subnets (with zones), generic parents become tree nodes.
  for (const r of ordered) {
    if (vpcIds.has(r.id)) regionNode(r.region ?? '').children.push(groupNode(r, 'vpc'));
  }
  const subnetsSorted = ordered.filter((r) => subnetIds.has(r.id))
    .sort((a, b) => (TIER_RANK[a.tier ?? 'private'] - TIER_RANK[b.tier ?? 'private']));
  for (const s of subnetsSorted) {
    const v = s.in.vpc ? groupNodes.get(s.in.vpc) : undefined;
    const sn = groupNode(s, 'subnet');
    if (!v) outsideOf(s.region ?? '').children.push(sn);
    else if (s.in.zone) zoneNode(v, s.in.zone, s.region).children.push(sn);
    else v.children.push(sn);
  }

  // Pass 2: components and the remaining containers (ASGs, generic parents).
  const placed = new Set<string>();
  const place = (r: Resource): void => {
    if (placed.has(r.id) || vpcIds.has(r.id) || subnetIds.has(r.id)) return;
    placed.add(r.id);
    if (r.ccType === 'sg' && !r.in.parent) return; // drawn through its members (split per container)
    let target: TreeNode;
    const parent = r.in.parent ? byId.get(r.in.parent) : undefined;
    const asg = r.in.asg ? byId.get(r.in.asg) : undefined;
    if (parent && isGroup(parent) && accepts(parent, r)) {
      place(parent);
      target = groupNode(parent, 'parent');
    } else if (asg && asg.ccType === 'asg' && accepts(asg, r)) {
      place(asg);
      target = groupNode(asg, 'asg');
    } else {
      const sub = subnetOf(r);
      const vpc = vpcOf(r);
      let container: TreeNode = sub ? groupNodes.get(sub.id)! : vpc ? groupNodes.get(vpc.id)! : outsideOf(r.region ?? '');
      const sg = (r.in.securityGroups ?? []).map((id) => byId.get(id)).find((g) => g && g.ccType === 'sg' && accepts(g, r));
      if (sg && container.kind !== 'outside' && container.kind !== 'region') container = sgNode(container, sg);
      target = container;
    }
    if (isGroup(r)) {
      const kind: TreeKind = r.ccType === 'asg' ? 'asg' : 'parent';
      target.children.push(groupNode(r, kind));
    } else {
      target.leaves.push(r.id);
    }
  };
  for (const r of ordered) place(r);

  // Drop containers that ended up empty of anything drawable, except VPCs and subnets (they are
  // resources the user declared and expects to see).
  prune(root);
  return root;
}

function prune(n: TreeNode): boolean {
  n.children = n.children.filter((c) => prune(c));
  const empty = n.children.length === 0 && n.leaves.length === 0;
  if (!empty) return true;
  return n.kind === 'vpc' || n.kind === 'subnet' || n.kind === 'asg' || n.kind === 'parent' || n.kind === 'region';
}
