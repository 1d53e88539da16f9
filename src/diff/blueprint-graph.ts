/**
 * A blueprint side (one of ours, one exported from Cloudcraft, or a live-account snapshot) read
 * back into the intermediate graph, so it can be matched and merged like a converted input:
 * components and containers become resources (type = Cloudcraft type, props = their fields),
 * container `nodes` lists become containment, edges become reference edges, and labels become
 * names. Identity facts Cloudcraft keeps (`arn`, Azure `resourceId`) go to `meta`.
 */
import type { Blueprint, BlueprintObject } from '../blueprint.js';
import { componentSpec, LABEL_ANCHOR_KEY } from '../catalog/index.js';
import type { DiagnosticBag } from '../diagnostics.js';
import type { Containment, Edge, Graph, Provider, Resource } from '../graph/types.js';

/** Fields that say how an object is drawn, not what it is: never compared, never carried over. */
export const VISUAL_FIELDS: ReadonlySet<string> = new Set([
  'type', 'id', 'mapPos', 'mapSize', 'nodes', 'color', 'accentColor', 'link', 'locked', 'points', 'padding', 'shape',
  'name', 'region', 'arn', 'resourceId', 'layout', 'transparent', 'direction', 'borderColor', 'visible', 'shadow',
  'isometric', 'standing', 'outline', 'textSize', LABEL_ANCHOR_KEY ?? 'attachedTo',
]);

/** Containers Cloudcraft draws once per subnet they span: copies with the same name are one resource. */
const SPLIT_CONTAINERS = new Set(['sg', 'asg']);

/** Containers the layout derives by itself from resource fields; reading them back would double them. */
const DERIVED_CONTAINERS = new Set(['region']);

const PROVIDER: Record<string, Provider> = { aws: 'aws', azure: 'azure', common: 'generic' };

/** The dummy ARN Cloudcraft gives region containers; it identifies nothing. */
const REGION_ARN = /^arn:aws[\w-]*::[\w-]*::$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function list(data: Obj, key: string): BlueprintObject[] {
  const v = data[key];
  return Array.isArray(v) ? v.filter((o): o is BlueprintObject => isObj(o) && typeof o['id'] === 'string' && typeof o['type'] === 'string') : [];
}

function pos(o: Obj): [number, number] | undefined {
  const p = o['mapPos'];
  return Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' ? [p[0], p[1]] : undefined;
}

/** Identity facts of a blueprint object: an AWS ARN or an Azure resource id (without `#componentType=…`). */
export function objectIdentity(o: Obj): { arn?: string; physicalId?: string } {
  const out: { arn?: string; physicalId?: string } = {};
  const arn = o['arn'];
  if (typeof arn === 'string' && arn && !REGION_ARN.test(arn)) out.arn = arn;
  const rid = o['resourceId'];
  if (typeof rid === 'string' && rid) out.physicalId = rid.split('#')[0]!;
  return out;
}

/** Whether any component carries identity facts: the mark of a live-account scan. */
export function hasLiveIdentity(doc: Blueprint): boolean {
  const data = doc.data as unknown as Obj;
  return [...list(data, 'nodes'), ...list(data, 'groups')].some((o) => Object.keys(objectIdentity(o)).length > 0);
}

/**
 * Names from labels: a label anchored to the object (our `attachedTo`), else the nearest
 * unanchored label lying just in front of it (Cloudcraft's own snapshots place the label there
 * without saying what it belongs to). Each label names one object.
 */
function labelNames(objects: readonly BlueprintObject[], texts: readonly BlueprintObject[]): Map<string, string> {
  const names = new Map<string, string>();
  const loose: { text: string; at: [number, number] }[] = [];
  for (const t of texts) {
    const text = typeof t['text'] === 'string' ? t['text'].trim() : '';
    if (!text) continue;
    const anchor = LABEL_ANCHOR_KEY ? t[LABEL_ANCHOR_KEY] : undefined;
    if (typeof anchor === 'string') {
      if (!names.has(anchor)) names.set(anchor, text);
      continue;
    }
    const at = pos(t);
    if (at) loose.push({ text, at });
  }
  const used = new Set<number>();
  for (const o of objects) {
    if (names.has(o.id)) continue;
    const p = pos(o);
    if (!p) continue;
    let best = -1;
    let bestScore = Infinity;
    loose.forEach((l, i) => {
      const dx = l.at[0] - p[0];
      const dy = l.at[1] - p[1];
      if (used.has(i) || dx < -0.5 || dx > 1.5 || dy < 0 || dy > 2.5) return;
      const score = dy + Math.abs(dx);
      if (score < bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0) {
      used.add(best);
      names.set(o.id, loose[best]!.text);
    }
  }
  return names;
}

function fieldsOf(o: Obj): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!VISUAL_FIELDS.has(k) && v !== undefined && v !== null) out[k] = v;
  return out;
}

/** Reads a blueprint into a graph. Objects of types we do not know are skipped with a warning. */
export function graphFromBlueprint(doc: Blueprint, file: string, bag: DiagnosticBag): Graph {
  const data = (isObj(doc.data) ? doc.data : {}) as Obj;
  const nodes = list(data, 'nodes');
  const groups = list(data, 'groups').filter((g) => !DERIVED_CONTAINERS.has(g.type));
  const texts = list(data, 'text');
  const names = labelNames([...nodes, ...groups], texts);

  // Split containers (one SG drawn in two subnets) fold into their first copy.
  const alias = new Map<string, string>();
  const firstOfSplit = new Map<string, string>();
  for (const g of groups) {
    const name = typeof g['name'] === 'string' && g['name'] ? g['name'] : names.get(g.id);
    if (!SPLIT_CONTAINERS.has(g.type) || !name) continue;
    const key = `${g.type}\u0000${name}`;
    const first = firstOfSplit.get(key);
    if (first) alias.set(g.id, first);
    else firstOfSplit.set(key, g.id);
  }
  const canonical = (id: string) => alias.get(id) ?? id;

  const resources = new Map<string, Resource>();
  for (const o of [...nodes, ...groups]) {
    if (alias.has(o.id) || resources.has(o.id)) continue;
    const spec = componentSpec(o.type);
    if (!spec || o.type === 'isotext') {
      bag.warn('diff-unknown-type', `${file}: ${o.type} ${o.id} is not a Cloudcraft component type we know; left out of the diff`);
      continue;
    }
    const label = typeof o['name'] === 'string' && o['name'] ? o['name'] : names.get(o.id);
    const r: Resource = {
      id: o.id, address: o.id, provider: PROVIDER[spec.provider] ?? 'generic', sourceType: o.type, ccType: o.type,
      name: label ?? o.type, props: fieldsOf(o), in: {},
    };
    if (typeof o['region'] === 'string' && o['region']) r.region = o['region'];
    const identity = objectIdentity(o);
    const meta: Record<string, unknown> = { ...identity };
    if (label !== undefined) meta['label'] = label;
    r.meta = meta;
    resources.set(o.id, r);
  }

  // Containment from `nodes` lists (containers and node types such as ECS clusters carry them).
  const parentVpc = new Map<string, string>();
  for (const c of [...groups, ...nodes]) {
    const members = c['nodes'];
    const container = resources.get(canonical(c.id));
    if (!Array.isArray(members) || !container) continue;
    for (const m of members) {
      if (typeof m !== 'string') continue;
      const member = resources.get(canonical(m));
      if (!member || member === container) continue;
      place(member.in, container.id, container.ccType!);
      if (container.ccType === 'vpc') parentVpc.set(member.id, container.id);
    }
  }
  // Direct membership lists name only the nearest container: the VPC of a subnet's members is the subnet's.
  for (const r of resources.values()) {
    if (r.in.vpc) continue;
    const via = r.in.subnets?.[0] ?? r.in.asg ?? r.in.parent;
    const vpc = via ? resources.get(via)?.in.vpc ?? parentVpc.get(via) : undefined;
    if (vpc) r.in.vpc = vpc;
  }

  const edges: Edge[] = [];
  const seenEdges = new Set<string>();
  for (const e of list(data, 'edges')) {
    const from = typeof e['from'] === 'string' ? canonical(e['from']) : undefined;
    const to = typeof e['to'] === 'string' ? canonical(e['to']) : undefined;
    if (!from || !to || from === to || !resources.has(from) || !resources.has(to) || seenEdges.has(e.id)) continue;
    seenEdges.add(e.id);
    const dashed = e['dashed'] === true;
    const edge: Edge = { id: e.id, from, to, kind: dashed ? 'dependency' : 'reference' };
    if (dashed) edge.style = { dashed: true };
    edges.push(edge);
  }

  const graph: Graph = { resources: [...resources.values()], edges, omitted: [] };
  const name = typeof doc.name === 'string' && doc.name ? doc.name : typeof data['name'] === 'string' ? data['name'] : undefined;
  if (name) graph.name = name;
  return graph;
}

function place(c: Containment, id: string, type: string): void {
  switch (type) {
    case 'vpc': c.vpc = id; break;
    case 'subnet': if (!c.subnets?.includes(id)) c.subnets = [...(c.subnets ?? []), id]; break;
    case 'sg': if (!c.securityGroups?.includes(id)) c.securityGroups = [...(c.securityGroups ?? []), id]; break;
    case 'asg': c.asg = id; break;
    default: c.parent = id;
  }
}
