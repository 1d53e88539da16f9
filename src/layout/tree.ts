/**
 * Turns graph containment into one tree of drawable containers: region → VPC → zone → subnet →
 * security group → ASG → components, plus emitted parents (AKS, Service Bus), layout-only
 * bundles (an ECS/EKS cluster kept next to its services) and, with `--group-by module|stack`,
 * areas for what sits outside any VPC. Each resource lands in exactly one place; a container
 * that does not accept a member (an S3 bucket "in" a subnet) is skipped, so nothing is drawn
 * where Cloudcraft cannot hold it. Security groups and multi-subnet ASGs are drawn once per
 * container they reach (see sg.ts), which keeps every box nested.
 */
import { canContain, componentSpec, hasField } from '../catalog/index.js';
import { derivedId } from '../ids.js';
import type { Graph, Resource } from '../graph/types.js';
import { nestSecurityGroups } from './sg.js';
import type { GroupBy } from './types.js';

/** Emitted types that are drawn as containers rather than as components. */
export const GROUP_TYPES = new Set(['vpc', 'subnet', 'sg', 'asg', 'region', 'zone', 'area', 'networkacl',
  'azureakscluster', 'azureaksworkload', 'azuresbnamespace']);

/** Containers that `--group-by none` does not draw (everything is laid out flat by role and edges). */
const NETWORK_TYPES = new Set(['vpc', 'subnet', 'sg', 'asg', 'networkacl', 'region', 'zone']);

export type TreeKind = 'root' | 'region' | 'area' | 'vpc' | 'zone' | 'subnet' | 'sg' | 'asg' | 'parent' | 'bundle';

export interface TreeNode {
  kind: TreeKind;
  /** Emitted object id (root: ''; bundle: a layout-only id). */
  id: string;
  /** Emitted type ('' for root and bundles, which are not emitted as groups). */
  ccType: string;
  name: string;
  resourceId?: string;
  region?: string;
  tier?: 'public' | 'private' | 'isolated';
  children: TreeNode[];
  /** Resource ids of components placed directly here (a bundle's first leaf is its owner). */
  leaves: string[];
}

function node(kind: TreeKind, id: string, ccType: string, name: string, extra: Partial<TreeNode> = {}): TreeNode {
  return { kind, id, ccType, name, children: [], leaves: [], ...extra };
}

/** A container accepts the member when Cloudcraft's lists allow it; `area` is purely visual. */
function accepts(container: Resource, member: Resource): boolean {
  if (!container.ccType || !member.ccType) return false;
  if (container.ccType === 'area') return true;
  return canContain(container.ccType, member.ccType);
}

/** Component types that list members in `nodes` but are drawn as components (ECS/EKS clusters). */
function isBundleType(type: string | undefined): boolean {
  return !!type && !GROUP_TYPES.has(type) && hasField(type, 'nodes') && componentSpec(type)?.hasMapSize !== true;
}

/** Splits a module path (`module.a["x.y"].module.b`) or a stack path (`parent/child`) into its prefixes. */
export function groupPath(group: string, by: GroupBy): string[] {
  const parts: string[] = [];
  if (by === 'stack') {
    const segs = group.split('/').filter((s) => s);
    segs.forEach((_, i) => parts.push(segs.slice(0, i + 1).join('/')));
    return parts;
  }
  // Module addresses carry instance keys in brackets that may contain dots; cut only outside them.
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < group.length; i++) {
    const c = group[i];
    if (c === '"' && group[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && c === '[') depth++;
    else if (!quoted && c === ']') depth--;
    else if (!quoted && depth === 0 && group.startsWith('.module.', i)) parts.push(group.slice(0, i));
  }
  parts.push(group);
  return parts;
}

export interface TreeOptions {
  groupBy?: GroupBy;
}

export function buildTree(graph: Graph, options: TreeOptions = {}): TreeNode {
  const groupBy = options.groupBy ?? 'vpc';
  const network = groupBy !== 'none';
  const byId = new Map(graph.resources.map((r) => [r.id, r]));
  const drawn = graph.resources.filter((r) => r.ccType !== undefined);
  const isGroup = (r: Resource | undefined) => !!r && GROUP_TYPES.has(r.ccType ?? '');
  const root = node('root', '', '', '');

  // Role of each container, from its type and from how members reference it.
  const vpcIds = new Set<string>();
  const subnetIds = new Set<string>();
  if (network) {
    for (const r of drawn) {
      if (r.ccType === 'vpc') vpcIds.add(r.id);
      if (r.ccType === 'subnet') subnetIds.add(r.id);
    }
    for (const r of drawn) {
      if (r.in.vpc && byId.get(r.in.vpc)?.ccType === 'vpc') vpcIds.add(r.in.vpc);
      for (const s of r.in.subnets ?? []) if (byId.get(s)?.ccType === 'subnet') subnetIds.add(s);
    }
  }

  const regions = [...new Set(drawn.map((r) => r.region ?? ''))].filter((r) => r);
  const multiRegion = network && regions.length > 1;
  const regionNodes = new Map<string, TreeNode>();
  const scopeOf = (region: string | undefined): TreeNode => {
    if (!multiRegion || !region) return root;
    let n = regionNodes.get(region);
    if (!n) {
      n = node('region', derivedId('region', region), 'region', region, { region });
      regionNodes.set(region, n);
      root.children.push(n);
    }
    return n;
  };

  const groupNodes = new Map<string, TreeNode>();
  const ownNode = (r: Resource, kind: TreeKind): TreeNode => {
    let n = groupNodes.get(r.id);
    if (!n) {
      n = node(kind, r.id, r.ccType!, r.name, { resourceId: r.id });
      if (r.region) n.region = r.region;
      if (r.tier) n.tier = r.tier;
      groupNodes.set(r.id, n);
    }
    return n;
  };

  // VPCs, zones and subnets.
  const zoneNodes = new Map<string, TreeNode>();
  for (const r of drawn) if (vpcIds.has(r.id)) scopeOf(r.region).children.push(ownNode(r, 'vpc'));
  for (const s of drawn) {
    if (!subnetIds.has(s.id)) continue;
    const sn = ownNode(s, 'subnet');
    const vpc = s.in.vpc && vpcIds.has(s.in.vpc) ? groupNodes.get(s.in.vpc) : undefined;
    if (!vpc) {
      scopeOf(s.region).children.push(sn);
    } else if (s.in.zone) {
      const key = `${vpc.id}\u0000${s.in.zone}`;
      let z = zoneNodes.get(key);
      if (!z) {
        z = node('zone', derivedId('zone', vpc.id, s.in.zone), 'zone', s.in.zone);
        if (s.region ?? vpc.region) z.region = (s.region ?? vpc.region)!;
        zoneNodes.set(key, z);
        vpc.children.push(z);
      }
      z.children.push(sn);
    } else {
      vpc.children.push(sn);
    }
  }

  // The network container (subnet or VPC) a component sits in, honouring what each accepts.
  const subnetsOf = (r: Resource): Resource[] =>
    (r.in.subnets ?? []).map((s) => byId.get(s)).filter((s): s is Resource => !!s && subnetIds.has(s.id) && accepts(s, r));
  const vpcOf = (r: Resource): Resource | undefined => {
    const sub = subnetsOf(r)[0];
    const vpcId = r.in.vpc ?? sub?.in.vpc;
    const v = vpcId ? byId.get(vpcId) : undefined;
    return v && vpcIds.has(v.id) && accepts(v, r) ? v : undefined;
  };
  const networkHome = (r: Resource): TreeNode | undefined => {
    if (!network) return undefined;
    const sub = subnetsOf(r)[0];
    if (sub) return groupNodes.get(sub.id);
    const vpc = vpcOf(r);
    return vpc ? groupNodes.get(vpc.id) : undefined;
  };

  // Areas (module/stack grouping) for what sits outside every VPC.
  const areaNodes = new Map<string, TreeNode>();
  const areaOf = (r: Resource): TreeNode => {
    const scope = scopeOf(r.region);
    if ((groupBy !== 'module' && groupBy !== 'stack') || !r.group) return scope;
    let parent = scope;
    for (const path of groupPath(r.group, groupBy)) {
      const key = `${scope.id}\u0000${path}`;
      let a = areaNodes.get(key);
      if (!a) {
        a = node('area', derivedId('area', scope.id, path), 'area', path);
        areaNodes.set(key, a);
        parent.children.push(a);
      }
      parent = a;
    }
    return parent;
  };

  // Components, ASGs, emitted parents and bundles.
  const placed = new Set<string>();
  const bundles = new Map<string, TreeNode>();
  const asgSplits = new Map<string, Map<TreeNode, TreeNode>>();
  /** Where a component goes when nothing but its network containment decides. */
  const homeOf = (r: Resource): TreeNode => networkHome(r) ?? areaOf(r);

  const asgNode = (asg: Resource, container: TreeNode, count: number): TreeNode => {
    let splits = asgSplits.get(asg.id);
    if (!splits) asgSplits.set(asg.id, (splits = new Map()));
    let n = splits.get(container);
    if (!n) {
      const id = count > 1 ? derivedId('asg-split', asg.id, container.id) : asg.id;
      n = node('asg', id, 'asg', asg.name, { resourceId: asg.id });
      if (asg.region) n.region = asg.region;
      splits.set(container, n);
      container.children.push(n);
    }
    return n;
  };

  const membersOf = new Map<string, Resource[]>();
  for (const m of drawn) {
    if (!m.in.parent) continue;
    const list = membersOf.get(m.in.parent);
    if (list) list.push(m);
    else membersOf.set(m.in.parent, [m]);
  }
  const ownerHomes = new Map<string, TreeNode>();
  const bundleOwnerHome = (p: Resource): TreeNode => {
    let home = ownerHomes.get(p.id);
    if (home) return home;
    home = networkHome(p);
    // A cluster has no subnet of its own: it joins the network place of its first member.
    for (const m of membersOf.get(p.id) ?? []) {
      if (home) break;
      if (accepts(p, m)) home = networkHome(m);
    }
    home ??= areaOf(p);
    ownerHomes.set(p.id, home);
    return home;
  };

  // Where the instances of each ASG sit: an ASG is drawn once in each of those places only.
  const asgHomes = new Map<string, TreeNode[]>();
  if (network) {
    for (const m of drawn) {
      const asg = m.in.asg ? byId.get(m.in.asg) : undefined;
      if (!asg || asg.ccType !== 'asg' || !accepts(asg, m) || m.in.parent) continue;
      const h = networkHome(m);
      const list = asgHomes.get(asg.id) ?? asgHomes.set(asg.id, []).get(asg.id)!;
      if (h && !list.includes(h)) list.push(h);
    }
  }
  /**
   * A container a resource names without a parent link: a non-AWS network (an Azure virtual
   * network or subnet is drawn as an area) referenced as its VPC or subnet.
   */
  const containerRef = (r: Resource): Resource | undefined => {
    for (const id of [...(r.in.subnets ?? []), r.in.vpc]) {
      const c = id ? byId.get(id) : undefined;
      if (c && c !== r && isGroup(c) && c.ccType !== 'vpc' && c.ccType !== 'subnet' && accepts(c, r)) return c;
    }
    return undefined;
  };

  const place = (r: Resource): void => {
    if (placed.has(r.id) || vpcIds.has(r.id) || subnetIds.has(r.id)) return;
    placed.add(r.id);
    if (r.ccType === 'sg' && !r.in.parent) return; // drawn through its members, once per container
    // Without network grouping nothing is drawn as a container.
    if (!network && isGroup(r)) return;
    const parent = r.in.parent ? byId.get(r.in.parent) : network ? containerRef(r) : undefined;
    const asg = network && r.in.asg ? byId.get(r.in.asg) : undefined;
    let target: TreeNode;
    if (parent && isGroup(parent) && accepts(parent, r)) {
      place(parent);
      target = groupNodes.get(parent.id) ?? homeOf(r);
    } else if (parent && isBundleType(parent.ccType) && accepts(parent, r) && sameHome(r, parent)) {
      place(parent);
      target = bundles.get(parent.id) ?? homeOf(r);
    } else if (asg && asg.ccType === 'asg' && accepts(asg, r)) {
      place(asg);
      const splits = asgSplits.get(asg.id);
      const home = networkHome(r);
      target = (home && splits?.get(home)) ?? splits?.values().next().value ?? homeOf(r);
    } else if (r.ccType === 'asg' && network) {
      // Drawn where its instances are; with none, once in its first subnet (a declared ASG shows).
      const subs = subnetsOf(r);
      const withInstances = asgHomes.get(r.id) ?? [];
      const homes = withInstances.length ? withInstances : [subs.length ? groupNodes.get(subs[0]!.id)! : homeOf(r)];
      for (const h of homes) asgNode(r, h, homes.length);
      return;
    } else {
      target = isBundleType(r.ccType) ? bundleOwnerHome(r) : homeOf(r);
    }
    if (isBundleType(r.ccType)) {
      const b = node('bundle', derivedId('bundle', r.id), '', r.name, { resourceId: r.id });
      b.leaves.push(r.id);
      bundles.set(r.id, b);
      target.children.push(b);
    } else if (isGroup(r)) {
      target.children.push(ownNode(r, 'parent'));
    } else {
      target.leaves.push(r.id);
    }
  };
  const sameHome = (r: Resource, p: Resource): boolean => {
    const h = networkHome(r);
    return !h || h === bundleOwnerHome(p);
  };
  for (const r of drawn) place(r);

  if (network) {
    const index = new Map(graph.resources.map((r, i) => [r.id, i]));
    const drawnSgs = nestSecurityGroups(root, byId, index);
    // A declared security group with no member drawn anywhere is still shown: once, empty, in its VPC.
    for (const r of drawn) {
      if (r.ccType !== 'sg' || r.in.parent || drawnSgs.has(r.id)) continue;
      const vpc = r.in.vpc && vpcIds.has(r.in.vpc) ? groupNodes.get(r.in.vpc) : undefined;
      if (!vpc) continue;
      const n = node('sg', r.id, 'sg', r.name, { resourceId: r.id });
      if (r.region) n.region = r.region;
      vpc.children.push(n);
    }
  }
  prune(root);
  return root;
}

/** Drops containers left empty, except the ones that draw a resource the user declared. */
function prune(n: TreeNode): boolean {
  n.children = n.children.filter((c) => prune(c));
  if (n.children.length > 0 || n.leaves.length > 0) return true;
  // (An empty SG node is only ever made for a declared SG without drawn members.)
  return n.kind === 'vpc' || n.kind === 'subnet' || n.kind === 'asg' || n.kind === 'parent' || n.kind === 'sg' || n.kind === 'root';
}

/** Walks the tree depth-first, parents before children. */
export function walkTree(n: TreeNode, visit: (n: TreeNode, parent: TreeNode | undefined) => void, parent?: TreeNode): void {
  visit(n, parent);
  for (const c of n.children) walkTree(c, visit, n);
}
