/**
 * `--collapse-instances`: one node per configuration resource instead of one per count/for_each
 * instance (module instances included), named with the instance count: `vpc.private ×3`.
 * Containment and edges are remapped onto the collapsed nodes and de-duplicated.
 */
import { edgeId } from '../../src/graph/builder.js';
import type { Edge, Graph, PlanAction, Resource } from '../../src/graph/types.js';
import { resourceId } from '../../src/ids.js';

function mergedAction(list: readonly Resource[]): PlanAction | undefined {
  const actions = new Set(list.map((r) => r.action).filter((a): a is PlanAction => a !== undefined));
  if (actions.size === 0) return undefined;
  return actions.size === 1 ? [...actions][0] : 'update';
}

export function collapseInstances(graph: Graph): Graph {
  const groups = new Map<string, Resource[]>();
  for (const r of graph.resources) {
    const key = typeof r.meta?.['configAddress'] === 'string' ? r.meta['configAddress'] : r.address;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(r);
  }
  const idMap = new Map<string, string>();
  const merged: Resource[] = [];
  for (const [address, list] of groups) {
    const first = list[0]!;
    const id = resourceId(address);
    for (const r of list) idMap.set(r.id, id);
    const base = typeof first.meta?.['collapsedName'] === 'string' ? first.meta['collapsedName'] : first.name;
    const r: Resource = {
      ...first,
      id,
      address,
      name: list.length > 1 ? `${base} ×${list.length}` : base,
      in: { ...first.in },
      meta: { ...first.meta, instances: list.length },
    };
    const action = mergedAction(list);
    if (action) r.action = action;
    // A collapsed node sits in every subnet and group any of its instances sat in.
    const subnets = [...new Set(list.flatMap((m) => m.in.subnets ?? []))];
    const sgs = [...new Set(list.flatMap((m) => m.in.securityGroups ?? []))];
    if (subnets.length) r.in.subnets = subnets;
    if (sgs.length) r.in.securityGroups = sgs;
    merged.push(r);
  }
  const remap = (id: string | undefined) => (id === undefined ? undefined : idMap.get(id) ?? id);
  for (const r of merged) {
    const c = r.in;
    const list = (ids: string[] | undefined) => {
      const out = [...new Set((ids ?? []).map((i) => remap(i)!))].filter((i) => i !== r.id);
      return out.length ? out : undefined;
    };
    const next: Resource['in'] = {};
    for (const slot of ['vpc', 'asg', 'parent'] as const) {
      const v = remap(c[slot]);
      if (v && v !== r.id) next[slot] = v;
    }
    if (c.zone !== undefined) next.zone = c.zone;
    const subnets = list(c.subnets);
    if (subnets) next.subnets = subnets;
    const sgs = list(c.securityGroups);
    if (sgs) next.securityGroups = sgs;
    r.in = next;
  }
  const edges = new Map<string, Edge>();
  for (const e of graph.edges) {
    const from = remap(e.from)!;
    const to = remap(e.to)!;
    if (from === to) continue;
    const id = edgeId(from, to, e.kind);
    if (!edges.has(id)) edges.set(id, { ...e, id, from, to });
  }
  return { ...graph, resources: merged, edges: [...edges.values()] };
}
