/**
 * How security groups are drawn. A resource may be in several security groups, and one group
 * may reach many subnets, so an SG cannot simply be one box. Rule:
 *
 * - An SG is drawn once per network container where it has members (a subnet, or the VPC for
 *   members that have no subnet), with a derived id `derivedId('sg-split', sgId, containerId)`.
 * - Inside one container the SG boxes form a nesting (boxes never cross). It is built member by
 *   member, in input order: a member takes its SGs largest first (most members in the container,
 *   then input order) and joins, for each, the box of that SG that sits exactly inside the boxes
 *   it joined so far; when the SG has no box there, it gets one more (a second box of the same
 *   SG, so that no membership is lost and no boxes cross). Because members are taken in input
 *   order, a resource added at the end of an input never reshapes the boxes drawn for the others.
 * - An SG with no member drawn anywhere is drawn once, empty, in its VPC (see tree.ts).
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
  order: number;
}

/** Nests the SGs of every subnet and VPC; returns the ids of the SGs that were drawn somewhere. */
export function nestSecurityGroups(root: TreeNode, byId: ReadonlyMap<string, Resource>, index: ReadonlyMap<string, number>): Set<string> {
  const drawn = new Set<string>();
  const visit = (n: TreeNode): void => {
    for (const c of n.children) visit(c);
    if (n.kind === 'subnet' || n.kind === 'vpc') nestIn(n, byId, index, drawn);
  };
  visit(root);
  return drawn;
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

export function firstIndex(n: TreeNode, index: ReadonlyMap<string, number>): number {
  let best = Infinity;
  for (const id of n.leaves) best = Math.min(best, index.get(id) ?? Infinity);
  for (const c of n.children) best = Math.min(best, firstIndex(c, index));
  return best === Infinity ? index.get(n.resourceId ?? '') ?? Number.MAX_SAFE_INTEGER : best;
}

function nestIn(container: TreeNode, byId: ReadonlyMap<string, Resource>, index: ReadonlyMap<string, number>, drawn: Set<string>): void {
  const items: Item[] = [];
  for (const leaf of container.leaves) items.push({ leaf, sgs: sgsOf(byId.get(leaf), byId), order: index.get(leaf) ?? 0 });
  for (const child of container.children) {
    if (child.kind === 'asg' || child.kind === 'bundle') items.push({ child, sgs: sgsOf(byId.get(child.resourceId ?? ''), byId), order: firstIndex(child, index) });
  }
  const count = new Map<string, number>();
  for (const it of items) for (const sg of it.sgs) count.set(sg, (count.get(sg) ?? 0) + 1);
  if (count.size === 0) return;
  const sgIndex = (id: string) => index.get(id) ?? 0;
  const bigFirst = (a: string, b: string) => count.get(b)! - count.get(a)! || sgIndex(a) - sgIndex(b) || (a < b ? -1 : a > b ? 1 : 0);

  // Built member by member in input order: each SG box gets its place in the nesting from its
  // first member. A member joins a box of its SG whose surrounding boxes are exactly the ones it
  // joined so far; when there is none, the SG gets another box there (so no membership is lost).
  interface Box { sg: string; parent: Box | undefined; node: TreeNode; first: number }
  const boxes: Box[] = [];
  const bySg = new Map<string, Box[]>();
  const home = new Map<Item, Box>();
  const byOrder = [...items].sort((a, b) => a.order - b.order);
  for (const it of byOrder) {
    let inner: Box | undefined;
    for (const sg of [...it.sgs].sort(bigFirst)) {
      const list = bySg.get(sg) ?? bySg.set(sg, []).get(sg)!;
      let box = list.find((b) => b.parent === inner);
      if (!box) {
        const r = byId.get(sg)!;
        // The first box of an SG keeps the plain split id; another one is told apart by where it sits.
        const id = list.length === 0 ? derivedId('sg-split', sg, container.id) : derivedId('sg-split', sg, container.id, inner?.node.id ?? '');
        const node: TreeNode = { kind: 'sg', id, ccType: 'sg', name: r.name, resourceId: sg, children: [], leaves: [] };
        if (r.region) node.region = r.region;
        box = { sg, parent: inner, node, first: it.order };
        list.push(box);
        boxes.push(box);
        drawn.add(sg);
      }
      inner = box;
    }
    if (inner) home.set(it, inner);
  }
  const moved = new Set<Item>();
  for (const it of items) {
    const h = home.get(it);
    if (h === undefined) continue;
    moved.add(it);
    if (it.leaf) h.node.leaves.push(it.leaf);
    else h.node.children.push(it.child!);
  }
  const movedLeaves = new Set(items.filter((it) => it.leaf && moved.has(it)).map((it) => it.leaf!));
  container.leaves = container.leaves.filter((l) => !movedLeaves.has(l));
  const movedChildren = new Set(items.filter((it) => it.child && moved.has(it)).map((it) => it.child!));
  container.children = container.children.filter((c) => !movedChildren.has(c));
  // SG boxes in the order of their first member.
  for (const b of [...boxes].sort((p, q) => p.first - q.first)) (b.parent ? b.parent.node.children : container.children).push(b.node);
}
