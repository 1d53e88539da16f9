/**
 * Graph edges seen from each container: an edge between two components is lifted to their
 * lowest common container, where it connects the two items (components or child containers)
 * that hold its ends. Items are numbered leaves first, then children, as pack.ts builds them.
 * Parallel lifted edges merge into one with a weight.
 */
import type { Graph } from '../graph/types.js';
import type { Links } from './block.js';
import type { TreeNode } from './tree.js';

export interface Lifted {
  from: number[];
  to: number[];
  weight: number[];
  /** Indices (into graph.edges) of the edges each lifted edge stands for. */
  edges: number[][];
}

export type LiftedEdges = Map<TreeNode, Lifted>;


interface Place {
  node: TreeNode;
  item: number;
}

export function liftEdges(graph: Graph, tree: TreeNode): LiftedEdges {
  const parent = new Map<TreeNode, Place>();
  const depth = new Map<TreeNode, number>();
  const endpoint = new Map<string, Place>();
  const visit = (n: TreeNode, d: number) => {
    depth.set(n, d);
    n.leaves.forEach((id, i) => endpoint.set(id, { node: n, item: i }));
    n.children.forEach((c, k) => {
      const at = { node: n, item: n.leaves.length + k };
      parent.set(c, at);
      // A container resource (ASG, AKS…) is an endpoint through its first drawing.
      if (c.resourceId && !endpoint.has(c.resourceId) && c.kind !== 'sg' && c.kind !== 'bundle') endpoint.set(c.resourceId, at);
      visit(c, d + 1);
    });
  };
  visit(tree, 0);

  const out: LiftedEdges = new Map();
  const seen = new Map<TreeNode, Map<number, number>>();
  graph.edges.forEach((e, ei) => {
    let a = endpoint.get(e.from);
    let b = endpoint.get(e.to);
    if (!a || !b) return;
    while (a.node !== b.node) {
      const da = depth.get(a.node)!, db = depth.get(b.node)!;
      if (da >= db) { const up = parent.get(a.node); if (!up) break; a = up; }
      if (db >= da) { const up = parent.get(b.node); if (!up) break; b = up; }
    }
    if (a.node !== b.node || a.item === b.item) return;
    let list = out.get(a.node);
    let index = seen.get(a.node);
    if (!list || !index) {
      list = { from: [], to: [], weight: [], edges: [] };
      index = new Map();
      out.set(a.node, list);
      seen.set(a.node, index);
    }
    const key = a.item * 1_000_003 + b.item;
    const at = index.get(key);
    if (at !== undefined) {
      list.weight[at]!++;
      list.edges[at]!.push(ei);
    } else {
      index.set(key, list.from.length);
      list.from.push(a.item);
      list.to.push(b.item);
      list.weight.push(1);
      list.edges.push([ei]);
    }
  });
  return out;
}

/** The edges between a container's items (item indices, as liftEdges numbers them). */
export function linksOf(n: TreeNode, lifted: LiftedEdges): Links {
  const e = lifted.get(n);
  return e ? { from: [...e.from], to: [...e.to], weight: [...e.weight] } : { from: [], to: [], weight: [] };
}
