/**
 * How security groups are drawn. A resource may be in several security groups, and one group
 * may reach many subnets, so an SG cannot simply be one box. Rule:
 *
 * - An SG is drawn once per network container it reaches (a subnet, or the VPC for members that
 *   have no subnet), with a derived id `derivedId('sg-split', sgId, containerId)`.
 * - Inside one container, the member sets of its SGs are made laminar: SGs are taken largest
 *   first (then by name and id) and kept when their members are a subset of, or disjoint from,
 *   every SG kept before; a kept SG nests inside the smallest kept SG that holds all its members
 *   (equal sets nest in that order). A membership that would make two SG boxes cross is not
 *   drawn; it still exists in the graph and as network edges. So every SG box contains exactly
 *   its members and boxes only ever nest.
 */
import { canContain } from '../catalog/index.js';
import { derivedId } from '../ids.js';
import type { Resource } from '../graph/types.js';
import type { TreeNode } from './tree.js';

interface Item {
  /** A leaf resource id, or a child tree node (ASG, bundle). */
  leaf?: string;
  child?: TreeNode;
  sgs: string[];
}

export function nestSecurityGroups(root: TreeNode, byId: ReadonlyMap<string, Resource>): void {
  const visit = (n: TreeNode): void => {
    for (const c of n.children) visit(c);
    if (n.kind === 'subnet' || n.kind === 'vpc') nestIn(n, byId);
  };
  visit(root);
}

function sgsOf(r: Resource | undefined, byId: ReadonlyMap<string, Resource>): string[] {
  if (!r?.ccType) return [];
  const out: string[] = [];
  for (const id of r.in.securityGroups ?? []) {
    const sg = byId.get(id);
    if (sg?.ccType === 'sg' && canContain('sg', r.ccType) && !out.includes(id)) out.push(id);
  }
  return out;
}

function nestIn(container: TreeNode, byId: ReadonlyMap<string, Resource>): void {
  const items: Item[] = [];
  for (const leaf of container.leaves) items.push({ leaf, sgs: sgsOf(byId.get(leaf), byId) });
  for (const child of container.children) {
    if (child.kind === 'asg' || child.kind === 'bundle') items.push({ child, sgs: sgsOf(byId.get(child.resourceId ?? ''), byId) });
  }
  const members = new Map<string, Set<number>>();
  items.forEach((it, i) => {
    for (const sg of it.sgs) {
      let s = members.get(sg);
      if (!s) members.set(sg, (s = new Set()));
      s.add(i);
    }
  });
  if (members.size === 0) return;

  const name = (id: string) => byId.get(id)?.name ?? '';
  const order = [...members.keys()].sort((a, b) =>
    members.get(b)!.size - members.get(a)!.size || name(a).localeCompare(name(b)) || (a < b ? -1 : a > b ? 1 : 0));
  const kept: { sg: string; set: Set<number>; node: TreeNode; parent?: TreeNode }[] = [];
  for (const sg of order) {
    const set = members.get(sg)!;
    let parent: (typeof kept)[number] | undefined;
    let ok = true;
    for (const k of kept) {
      let inside = 0;
      for (const i of set) if (k.set.has(i)) inside++;
      if (inside === set.size) parent = k; // later kept ones are smaller: the last match is the tightest
      else if (inside > 0) { ok = false; break; }
    }
    if (!ok) continue;
    const r = byId.get(sg)!;
    const node: TreeNode = { kind: 'sg', id: derivedId('sg-split', sg, container.id), ccType: 'sg', name: r.name, resourceId: sg, children: [], leaves: [] };
    if (r.region) node.region = r.region;
    kept.push(parent ? { sg, set, node, parent: parent.node } : { sg, set, node });
  }

  // Each item goes into the tightest kept SG that holds it; SGs nest likewise.
  const tightest = (i: number): TreeNode | undefined => {
    let best: TreeNode | undefined;
    for (const k of kept) if (k.set.has(i)) best = k.node;
    return best;
  };
  const moved = new Set<number>();
  items.forEach((it, i) => {
    const home = tightest(i);
    if (!home) return;
    moved.add(i);
    if (it.leaf) home.leaves.push(it.leaf);
    else home.children.push(it.child!);
  });
  container.leaves = container.leaves.filter((_, i) => !moved.has(i));
  const movedChildren = new Set(items.filter((it, i) => it.child && moved.has(i)).map((it) => it.child!));
  container.children = container.children.filter((c) => !movedChildren.has(c));
  for (const k of kept) (k.parent ?? container).children.push(k.node);
}
