/**
 * Graph passes that run after the converters and before layout: merging several converter
 * graphs, type filters, folding edges through undrawn resources, and dropping references to
 * things that are not in the graph. Each pass is pure: graph in, graph out.
 */
import { DiagnosticBag } from '../diagnostics.js';
import { edgeId } from './builder.js';
import type { Edge, EdgeKind, Graph, OmittedResource, Resource } from './types.js';

export function mergeGraphs(graphs: readonly Graph[], name?: string): Graph {
  if (graphs.length === 1 && name === undefined) return graphs[0]!;
  const resources = new Map<string, Resource>();
  const edges = new Map<string, Edge>();
  const omitted = new Map<string, OmittedResource>();
  for (const g of graphs) {
    for (const r of g.resources) resources.set(r.id, r);
    for (const e of g.edges) edges.set(e.id, e);
    for (const o of g.omitted) omitted.set(o.id, o);
  }
  const merged: Graph = { resources: [...resources.values()], edges: [...edges.values()], omitted: [...omitted.values()] };
  const n = name ?? graphs.find((g) => g.name)?.name;
  if (n !== undefined) merged.name = n;
  return merged;
}

/** `lambda`, `AWS::Lambda::*`, `aws_iam_*`: a pattern matches the Cloudcraft type or the source type. */
export function typeMatcher(patterns: readonly string[]): (r: { ccType?: string | undefined; sourceType: string }) => boolean {
  const regexes = patterns.map((p) => new RegExp(`^${p.split('*').map(escapeRegex).join('.*')}$`, 'i'));
  return (r) => regexes.some((re) => re.test(r.sourceType) || (r.ccType !== undefined && re.test(r.ccType)));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface FilterOptions {
  includeTypes?: readonly string[] | undefined;
  excludeTypes?: readonly string[] | undefined;
}

/** Applies --include-types / --exclude-types; removed resources are reported as `filtered`. */
export function filterTypes(graph: Graph, options: FilterOptions): Graph {
  const include = options.includeTypes?.length ? typeMatcher(options.includeTypes) : undefined;
  const exclude = options.excludeTypes?.length ? typeMatcher(options.excludeTypes) : undefined;
  if (!include && !exclude) return graph;
  const keep: Resource[] = [];
  const omitted = [...graph.omitted];
  for (const r of graph.resources) {
    const wanted = (!include || include(r) || isContainer(r)) && !(exclude && exclude(r));
    if (wanted) keep.push(r);
    else {
      const o: OmittedResource = { id: r.id, address: r.address, sourceType: r.sourceType, provider: r.provider, reason: 'filtered' };
      if (r.location) o.location = r.location;
      omitted.push(o);
    }
  }
  return { ...graph, resources: keep, omitted };
}

/** Network containers stay when only some types are included, so what is kept still sits in its VPC. */
function isContainer(r: Resource): boolean {
  return r.ccType === 'vpc' || r.ccType === 'subnet' || r.ccType === 'sg' || r.ccType === 'asg';
}

const KIND_RANK: Record<EdgeKind, number> = { event: 4, dataflow: 3, network: 2, reference: 1, dependency: 0 };

/** The most telling kind along a folded path (an event beats a plain reference). */
function strongestKind(kinds: readonly EdgeKind[]): EdgeKind {
  return kinds.reduce((a, b) => (KIND_RANK[b] > KIND_RANK[a] ? b : a));
}

/** Most edges one undrawn resource may fold into; beyond this the picture is noise. */
export const FOLD_FAN_LIMIT = 64;
const FOLD_DEPTH = 3;

/**
 * Replaces paths A → X → … → B, where the X are resources omitted as `folded` (IAM roles,
 * policies, permissions), by direct edges A → B that remember the path in `via`. Then drops
 * every edge whose ends are not drawn.
 */
export function foldEdges(graph: Graph, bag?: DiagnosticBag): Graph {
  const drawn = new Set(graph.resources.map((r) => r.id));
  const folded = new Map(graph.omitted.filter((o) => o.reason === 'folded').map((o) => [o.id, o]));
  const out = new Map<string, Edge[]>();
  for (const e of graph.edges) {
    let list = out.get(e.from);
    if (!list) out.set(e.from, (list = []));
    list.push(e);
  }
  const result = new Map<string, Edge>();
  for (const e of graph.edges) if (drawn.has(e.from) && drawn.has(e.to)) result.set(e.id, e);

  const fanOut = new Map<string, number>();
  for (const start of graph.edges) {
    if (!drawn.has(start.from) || !folded.has(start.to)) continue;
    // Depth-limited walk through folded resources only.
    const stack: { at: string; kinds: EdgeKind[]; via: string[] }[] = [{ at: start.to, kinds: [start.kind], via: [start.to] }];
    while (stack.length) {
      const { at, kinds, via } = stack.pop()!;
      for (const next of out.get(at) ?? []) {
        if (via.includes(next.to) || next.to === start.from) continue;
        const nextKinds = [...kinds, next.kind];
        if (drawn.has(next.to)) {
          const count = (fanOut.get(via[0]!) ?? 0) + 1;
          fanOut.set(via[0]!, count);
          if (count > FOLD_FAN_LIMIT) continue;
          // A path made only of dependencies stays a dependency; otherwise the telling kind wins.
          const kind = strongestKind(nextKinds);
          const id = edgeId(start.from, next.to, kind);
          if (!result.has(id)) {
            result.set(id, { id, from: start.from, to: next.to, kind, via: via.map((v) => folded.get(v)?.address ?? v) });
          }
        } else if (folded.has(next.to) && via.length < FOLD_DEPTH) {
          stack.push({ at: next.to, kinds: nextKinds, via: [...via, next.to] });
        }
      }
    }
  }
  for (const [id, count] of fanOut) {
    if (count > FOLD_FAN_LIMIT && bag) {
      const o = folded.get(id);
      bag.info('fold-limit', `${o?.address ?? id} links ${count} resource pairs; only the first ${FOLD_FAN_LIMIT} folded edges are drawn`);
    }
  }
  return { ...graph, edges: [...result.values()] };
}

/**
 * Drops containment references to resources that are not drawn (a filtered subnet, a VPC from
 * another stack) so layout and emit never see a dangling id.
 */
export function pruneContainment(graph: Graph): Graph {
  const ids = new Set(graph.resources.map((r) => r.id));
  const keep = (id: string | undefined) => (id !== undefined && ids.has(id) ? id : undefined);
  const resources = graph.resources.map((r) => {
    const c = r.in;
    const subnets = c.subnets?.filter((s) => ids.has(s));
    const sgs = c.securityGroups?.filter((s) => ids.has(s));
    const next: Resource['in'] = {};
    const vpc = keep(c.vpc);
    if (vpc) next.vpc = vpc;
    if (c.zone !== undefined) next.zone = c.zone;
    if (subnets?.length) next.subnets = subnets;
    if (sgs?.length) next.securityGroups = sgs;
    const asg = keep(c.asg);
    if (asg) next.asg = asg;
    const parent = keep(c.parent);
    if (parent) next.parent = parent;
    return sameContainment(c, next) ? r : { ...r, in: next };
  });
  return { ...graph, resources };
}

function sameContainment(a: Resource['in'], b: Resource['in']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The one place that runs the graph passes, in order. */
export function normalizeGraph(graphs: readonly Graph[], options: FilterOptions & { name?: string }, bag?: DiagnosticBag): Graph {
  let g = mergeGraphs(graphs, options.name);
  g = filterTypes(g, options);
  g = foldEdges(g, bag);
  g = pruneContainment(g);
  return g;
}
