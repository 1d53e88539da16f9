/**
 * Stacks → intermediate graph: every resource gets a fate (drawn, folded, omitted) from the
 * type table, drawn ones get Cloudcraft fields, containment and a subnet tier, and edges come
 * from semantic rules, plain references (Ref/GetAtt/Sub) and DependsOn.
 */
import { sanitizeProps } from '../../../src/catalog/index.js';
import { GraphBuilder } from '../../../src/graph/builder.js';
import type { EdgeKind, Graph, SourceLocation } from '../../../src/graph/types.js';
import { resourceId } from '../../../src/ids.js';
import type { Reporter } from '../rules.js';
import type { Stack } from '../stack/stack.js';
import type { World } from '../stack/world.js';
import { containmentOf, entriesAt } from './containment.js';
import { edgeRule, type EdgeContext } from './edges.js';
import { identityOf } from './identity.js';
import { Entries, type Entry, type Fate } from './entries.js';
import { linkedPairs, securityGroupEdges } from './sg-edges.js';
import { expandMultiples, syntheticFor } from './synthetic.js';
import { implicitApisUsed, samEventEdges } from './sam-events.js';
import { dnsName, str } from './read.js';
import { subnetTier } from './tier.js';
import { typeRule } from './types.js';

/** Types never targeted by plain reference or dependency edges: containment already shows them. */
const CONTAINER_TYPES = new Set(['vpc', 'subnet', 'sg']);
const NESTED_TYPES = new Set(['AWS::CloudFormation::Stack', 'AWS::Serverless::Application']);

/** Stacks in reading order: each root followed by its nested stacks, depth first, in resource order. */
export function orderedStacks(world: World, roots: Stack[]): Stack[] {
  const out: Stack[] = [];
  const visit = (s: Stack) => {
    out.push(s);
    for (const decl of s.resources.values()) {
      if (!NESTED_TYPES.has(decl.type)) continue;
      const child = world.loadedChild(s, decl.logicalId);
      if (child) visit(child);
    }
  };
  for (const r of roots) visit(r);
  return out;
}

function location(stack: Stack, e: Entry): SourceLocation {
  const loc: SourceLocation = { file: stack.file };
  if (e.decl.at) {
    loc.line = e.decl.at.line;
    loc.column = e.decl.at.column;
  }
  return loc;
}

function decideFate(e: Entry, entries: Entries, world: World, reporter: Reporter): Fate {
  const active = e.stack.active(e.decl);
  if (active.value === false) return { kind: 'omit', reason: 'condition-false', detail: `condition ${active.name} is false` };
  if (active.value === undefined && active.name) {
    reporter.once(`cond\u0000${e.stack.path}\u0000${active.name}`, 'condition-unknown',
      `condition ${active.name} cannot be decided offline (${e.stack.conditionReason(active.name) ?? 'unknown values'}); resources under it are drawn — pass --param to decide it`, e.stack.file, e.stack.positions.keyOf(e.decl.raw, 'Condition') ?? e.decl.at);
  }
  if (NESTED_TYPES.has(e.type)) {
    const child = world.loadedChild(e.stack, e.decl.logicalId);
    if (child) return { kind: 'fold', detail: `nested stack ${child.name}: its ${child.resources.size} resources are drawn in its place` };
    return { kind: 'draw', cc: 'icon', props: { iconSet: 'fa', name: 'cubes' } };
  }
  let rule = typeRule(e.type);
  if (rule?.choose) rule = rule.choose(e, entries);
  if (rule?.cc) return { kind: 'draw', cc: rule.cc, props: sanitizeProps(rule.cc, rule.fields?.(e, entries) ?? {}).props };
  if (rule?.icon) return { kind: 'draw', cc: 'icon', props: { iconSet: 'fa', name: rule.icon } };
  if (rule?.fold) return { kind: 'fold', detail: rule.fold };
  if (rule?.custom) {
    const provider = entriesAt(entries, e, ['ServiceToken'])[0];
    return { kind: 'omit', reason: 'unsupported', detail: `custom resource: what it creates is decided by its provider${provider ? ` (${provider.name})` : ''} at deploy time` };
  }
  if (rule?.bookkeeping) return { kind: 'omit', reason: 'unsupported', detail: rule.detail ?? `${e.type} is CloudFormation/CDK bookkeeping, not infrastructure` };
  return { kind: 'omit', reason: 'no-component', detail: `Cloudcraft has no component for ${e.type}` };
}

export function buildGraph(world: World, roots: Stack[], name: string | undefined): Graph {
  const b = new GraphBuilder(name);
  const entries = new Entries();
  const stacks = orderedStacks(world, roots);
  for (const stack of stacks) {
    for (const decl of stack.resources.values()) {
      const off = stack.active(decl).value === false;
      entries.add(stack, decl, off ? {} : stack.properties(decl.logicalId));
    }
  }
  for (const e of entries.list) e.fate = decideFate(e, entries, world, world.reporter);

  for (const e of entries.list) {
    const fate = e.fate!;
    const loc = location(e.stack, e);
    if (fate.kind === 'draw') {
      const r = b.add({ id: e.id, address: e.address, provider: 'aws', sourceType: e.type, ccType: fate.cc, name: e.name, props: fate.props, region: e.stack.region, location: loc, group: e.stack.name });
      const meta: Record<string, unknown> = { ...identityOf(e) };
      if (e.decl.placeholderLoops) meta['placeholder'] = `Fn::ForEach::${e.decl.placeholderLoops.join('/')}`;
      if (Object.keys(meta).length) r.meta = meta;
    } else {
      b.omit({ id: e.id, address: e.address, sourceType: e.type, provider: 'aws', reason: fate.kind === 'fold' ? 'folded' : fate.reason, detail: fate.detail, location: loc });
    }
  }

  // Implicit SAM APIs and the default event bus are drawn only when something uses them.
  const synthetic = syntheticFor(b);
  for (const e of entries.list) {
    if (e.fate?.kind !== 'draw' || !e.stack.sam) continue;
    for (const api of [...implicitApisUsed(e.props), ...e.stack.implicitApis]) synthetic.implicitApi(e.stack, api);
  }

  for (const e of entries.list) {
    if (e.fate?.kind !== 'draw') continue;
    const r = b.get(e.id)!;
    r.in = containmentOf(e, entries);
    if (e.type === 'AWS::EC2::Subnet') {
      const tier = subnetTier(e, entries);
      if (tier) r.tier = tier;
    }
  }
  expandMultiples(b, entries);

  addEdges(b, entries, synthetic, world.reporter);
  return b.build();
}

function addEdges(b: GraphBuilder, entries: Entries, synthetic: ReturnType<typeof syntheticFor>, reporter: Reporter): void {
  const isContainer = (id: string) => CONTAINER_TYPES.has(b.get(id)?.ccType ?? '');
  // Semantic edges are drawn as given; plain references and dependencies never touch network
  // containers (their membership already says it).
  const seen = new Set<string>();
  const add = (from: string, to: string, kind: EdgeKind) => {
    const key = `${from}${to}${kind}`;
    if (seen.has(key)) return; // edge ids are hashes: skip repeats before hashing
    seen.add(key);
    if ((kind === 'reference' || kind === 'dependency') && (isContainer(to) || isContainer(from))) return;
    b.edge(from, to, kind);
  };
  const dependencies: [string, string][] = [];
  const zonesByName = new Map<string, Entry>();
  for (const z of entries.list) {
    const name = z.type === 'AWS::Route53::HostedZone' && z.fate?.kind === 'draw' ? str(z.props, 'Name') : undefined;
    if (name && !zonesByName.has(dnsName(name))) zonesByName.set(dnsName(name), z);
  }
  for (const e of entries.list) {
    if (e.fate?.kind === 'omit') continue;
    const rule = edgeRule(e.type);
    const consumed = new Set(rule?.consumes ?? []);
    const ctx: EdgeContext = {
      e, entries,
      at: (...paths) => entriesAt(entries, e, paths),
      edge: (from, to, kind) => {
        for (const f of [from ?? []].flat()) for (const t of [to ?? []].flat()) add(f.id, t.id, kind);
      },
      defaultBus: () => synthetic.defaultBus(e.stack),
      byLogicalId: (id) => (typeof id === 'string' ? entries.get(`${e.stack.path}/${id}`) : undefined),
      hostedZone: (zone) => ('name' in zone ? zonesByName.get(dnsName(zone.name)) : undefined) ?? synthetic.hostedZone(e.stack, zone),
    };
    rule?.edges?.(ctx);
    if (e.type === 'AWS::Serverless::Function' || e.type === 'AWS::Serverless::StateMachine') {
      samEventEdges(ctx, (api) => synthetic.implicitApi(e.stack, api));
    }
    const plainRefs = !consumed.has('*') && !typeRule(e.type)?.plumbing;
    if (plainRefs) {
      for (const { path, ref } of e.refs) {
        if (consumed.has(path.split('.')[0]!)) continue;
        const target = entries.get(ref.address);
        // Resources left out (log groups, keys, …) end no drawn edge, not even through folding.
        if (target?.fate?.kind === 'omit') continue;
        add(e.id, target?.id ?? resourceId(ref.address), 'reference');
      }
    }
    for (const target of dependsOn(e)) {
      const t = entries.get(`${e.stack.path}/${target}`);
      if (t?.fate?.kind === 'draw') dependencies.push([e.id, t.id]);
    }
  }
  // Security group rules and DependsOn add arrows only between resources not linked already
  // (after folding: a load balancer reaches its instances through listener and target group).
  const linked = linkedPairs(b.build());
  securityGroupEdges(b, entries, reporter, linked);
  const graph = b.build();
  for (const x of graph.edges) linked.add(`${x.from}>${x.to}`).add(`${x.to}>${x.from}`);
  const linkedAlready = dependencies.length ? linkedEnds(graph, linked) : () => false;
  for (const [from, to] of dependencies) if (!linkedAlready(from, to)) add(from, to, 'dependency');
}

/**
 * Whether a DependsOn would add nothing: its ends are linked already. A DependsOn of an undrawn
 * resource (a launch configuration) stands for the drawn resources beside it.
 */
function linkedEnds(graph: Graph, linked: ReadonlySet<string>): (from: string, to: string) => boolean {
  const drawn = new Set(graph.resources.map((r) => r.id));
  const into = new Map<string, string[]>();
  const outOf = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => { const l = m.get(k); if (l) l.push(v); else m.set(k, [v]); };
  for (const x of graph.edges) {
    if (drawn.has(x.from)) push(into, x.to, x.from);
    if (drawn.has(x.to)) push(outOf, x.from, x.to);
  }
  return (from, to) => {
    const froms = drawn.has(from) ? [from] : into.get(from) ?? [];
    const tos = drawn.has(to) ? [to] : outOf.get(to) ?? [];
    return froms.length > 0 && tos.length > 0 && froms.every((f) => tos.every((t) => linked.has(`${f}>${t}`)));
  };
}

function dependsOn(e: Entry): string[] {
  const d = e.decl.raw['DependsOn'];
  const list = Array.isArray(d) ? d : [d];
  return list.filter((x): x is string => typeof x === 'string');
}
