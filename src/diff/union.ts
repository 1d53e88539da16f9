/**
 * The union of both sides as one graph, in before-side ids: what persists keeps its before id
 * (so the layout keeps its position) and takes its after state (where it sits now, its current
 * fields); what was removed stays where it was; what was added joins with its own id.
 * Connections are compared by their ends, whatever their kind (a blueprint knows no kinds).
 */
import { edgeId } from '../graph/builder.js';
import { pruneContainment } from '../graph/normalize.js';
import type { Containment, Edge, Graph, Resource } from '../graph/types.js';
import type { Pair } from './match.js';
import type { Side } from './side.js';
import type { EdgeChange, ResourceChange } from './types.js';

export interface Union {
  graph: Graph;
  edges: EdgeChange[];
  /** Change kind of every drawn union resource and changed edge, by id. */
  resourceKinds: Map<string, ResourceChange>;
  edgeKinds: Map<string, EdgeChange['kind']>;
}

function remap(c: Containment, map: (id: string) => string): Containment {
  const out: Containment = {};
  if (c.vpc !== undefined) out.vpc = map(c.vpc);
  if (c.zone !== undefined) out.zone = c.zone;
  if (c.subnets) out.subnets = c.subnets.map(map);
  if (c.securityGroups) out.securityGroups = c.securityGroups.map(map);
  if (c.asg !== undefined) out.asg = map(c.asg);
  if (c.parent !== undefined) out.parent = map(c.parent);
  return out;
}

/**
 * `pairs` and `changes` run in parallel (classifyPairs keeps the order). `label` gives the name
 * each drawn resource shows in the diff blueprint.
 */
export function buildUnion(before: Side, after: Side, pairs: readonly Pair[], changes: readonly ResourceChange[], label: (c: ResourceChange) => string, name: string): Union {
  const afterToUnion = new Map<string, string>();
  pairs.forEach((p, i) => { if (p.after) afterToUnion.set(p.after.id, changes[i]!.id); });
  const toUnion = (id: string) => afterToUnion.get(id) ?? id;

  const resources: Resource[] = [];
  const resourceKinds = new Map<string, ResourceChange>();
  pairs.forEach((p, i) => {
    const change = changes[i]!;
    // What persists is drawn as it is now; what was removed, as it was.
    const useAfter = p.after?.resource?.ccType !== undefined;
    const source = useAfter ? p.after!.resource! : p.before?.resource;
    if (!source?.ccType) return;
    const r: Resource = { ...source, id: change.id, name: label(change), in: useAfter ? remap(source.in, toUnion) : { ...source.in } };
    delete r.style;
    resources.push(r);
    resourceKinds.set(change.id, change);
  });

  const nameOf = new Map(changes.map((c) => [c.id, c.name]));
  const endKey = (from: string, to: string) => `${from}\u0000${to}`;
  const beforeEdges = new Map<string, Edge>();
  for (const e of before.graph.edges) if (!beforeEdges.has(endKey(e.from, e.to))) beforeEdges.set(endKey(e.from, e.to), e);
  const afterEdges = new Map<string, Edge>();
  for (const e of after.graph.edges) {
    const from = toUnion(e.from);
    const to = toUnion(e.to);
    if (!afterEdges.has(endKey(from, to))) afterEdges.set(endKey(from, to), { ...e, from, to });
  }

  const edges: Edge[] = [];
  const edgeChanges: EdgeChange[] = [];
  const edgeKinds = new Map<string, EdgeChange['kind']>();
  const record = (e: Edge, kind: EdgeChange['kind']) => {
    edgeKinds.set(e.id, kind);
    edgeChanges.push({ kind, id: e.id, from: e.from, to: e.to, fromName: nameOf.get(e.from) ?? e.from, toName: nameOf.get(e.to) ?? e.to, edgeKind: e.kind });
  };
  for (const [key, e] of beforeEdges) {
    const kept = { ...e };
    delete kept.style;
    if (e.kind === 'dependency') kept.style = { dashed: true };
    edges.push(kept);
    if (!afterEdges.has(key)) record(kept, 'removed');
  }
  for (const [key, e] of afterEdges) {
    if (beforeEdges.has(key)) continue;
    const added: Edge = { id: edgeId(e.from, e.to, e.kind), from: e.from, to: e.to, kind: e.kind };
    if (e.kind === 'dependency') added.style = { dashed: true };
    edges.push(added);
    record(added, 'added');
  }

  const graph = pruneContainment({ resources, edges, omitted: [], name });
  return { graph, edges: edgeChanges, resourceKinds, edgeKinds };
}
