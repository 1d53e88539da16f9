/**
 * Instance records → the intermediate graph: decides what each instance becomes (drawn, folded
 * into edges, or left out and why), maps fields, then places resources and links them.
 */
import type { DiagnosticBag, Point } from '../../src/diagnostics.js';
import type { Graph, OmitReason, OmittedResource, Provider, Resource, SourceLocation } from '../../src/graph/types.js';
import { resourceId } from '../../src/ids.js';
import { formatKey, typePrefix } from './address.js';
import { collapseInstances } from './collapse.js';
import { ContainmentBuilder } from './containment.js';
import { EdgeSet } from './edge-set.js';
import { linkEdges } from './edges.js';
import { enrich } from './enrich.js';
import { AWS_FOLDED, AWS_NOT_DRAWN, awsSpecFor } from './mapping/aws.js';
import { AZURE_FOLDED, AZURE_NOT_DRAWN, STORAGE_CHILD_TYPES, azureSpecFor } from './mapping/azure.js';
import type { MapContext, TypeSpec } from './mapping/spec.js';
import type { ReadResult, TfInstance } from './model.js';
import { assignRegions } from './region.js';
import { buildResolver, type Resolver } from './resolver.js';
import { applySecurityGroupRules } from './sg-rules.js';
import { assignSubnetTiers } from './subnet-tier.js';

export interface BuildOptions {
  includeData: boolean;
  collapseInstances: boolean;
  region?: string | undefined;
  /** Several inputs: addresses are prefixed with the file name so they stay unique. */
  prefixFiles: boolean;
  name?: string | undefined;
}

export type Locate = (file: string, pointer: string) => Point | undefined;

/** A dependency naming more instances than this is not drawn (a module-wide `depends_on`). */
const DEPENDENCY_FAN_LIMIT = 10;

function providerOf(type: string): { provider: Provider; prefix: string } {
  const prefix = typePrefix(type);
  return { provider: prefix === 'aws' ? 'aws' : prefix === 'azurerm' ? 'azure' : 'generic', prefix };
}

/** Label text: module path and name with keys, `vpc.private[0]`, `eks.node_group["a"].this`. */
export function displayName(inst: TfInstance, withKeys = true): string {
  const key = (k: string | number | undefined) => (withKeys && k !== undefined ? formatKey(k) : '');
  const parts = inst.modules.map((m) => `${m.name}${key(m.key)}`);
  parts.push(`${inst.mode === 'data' ? 'data.' : ''}${inst.name}${key(inst.key)}`);
  return parts.join('.');
}

type Disposition = { spec: TypeSpec } | { reason: OmitReason; detail: string };

export function buildGraph(reads: readonly ReadResult[], options: BuildOptions, locate: Locate, bag: DiagnosticBag): Graph {
  const instances = reads.flatMap((r) => r.instances);
  const resolver = buildResolver(instances);
  const ctx: MapContext = { resolver };
  const qualify = (file: string, address: string) => (options.prefixFiles ? `${file}#${address}` : address);
  const location = (file: string, pointer: string): SourceLocation => {
    const p = locate(file, pointer);
    return p ? { file, line: p.line, column: p.column } : { file };
  };

  const drawn = new Map<TfInstance, Resource>();
  const omitted: OmittedResource[] = [];
  const omit = (address: string, type: string, reason: OmitReason, detail: string, loc: SourceLocation) => {
    const { provider } = providerOf(type);
    omitted.push({ id: resourceId(address), address, sourceType: type, provider, reason, detail, location: loc });
  };

  const storageChildren = storageAccountsWithChildren(resolver);
  for (const inst of instances) {
    const address = qualify(inst.file, inst.address);
    const loc = location(inst.file, inst.pointer);
    const d = disposition(inst, options, resolver, storageChildren);
    if ('reason' in d) {
      omit(address, inst.type, d.reason, d.detail, loc);
      continue;
    }
    const res: Resource = {
      id: resourceId(address),
      address,
      provider: providerOf(inst.type).provider,
      sourceType: inst.type,
      ccType: d.spec.cc,
      name: displayName(inst),
      props: d.spec.props?.(inst.values, inst, ctx) ?? {},
      location: loc,
      in: {},
      meta: {
        configAddress: qualify(inst.file, inst.configAddress),
        collapsedName: displayName(inst, false),
        ...(inst.tainted ? { tainted: true } : {}),
        ...(inst.previousAddress ? { previousAddress: qualify(inst.file, inst.previousAddress) } : {}),
      },
    };
    const group = inst.module ? (options.prefixFiles ? `${inst.file}:${inst.module}` : inst.module) : options.prefixFiles ? inst.file : undefined;
    if (group) res.group = group;
    if (inst.action) res.action = inst.action;
    drawn.set(inst, res);
  }
  for (const read of reads) {
    for (const e of read.empty) {
      omit(qualify(e.file, e.address), e.type, 'no-instances', 'no instances in this state (count or for_each is empty, or it was never created)', location(e.file, e.pointer));
    }
    for (const a of read.absent) omit(qualify(a.file, a.address), a.type, 'deleted', a.detail, location(a.file, a.pointer));
  }

  new ContainmentBuilder(drawn, resolver).run();
  assignSubnetTiers(drawn, resolver);
  assignRegions(drawn, options.region);
  enrich(resolver, drawn);

  const edges = new EdgeSet();
  const via = (list: readonly TfInstance[]) => list.map((i) => qualify(i.file, i.address));
  linkEdges({
    resolver,
    isDrawn: (inst) => drawn.has(inst),
    edge: (from, to, kind, through) => {
      const f = drawn.get(from);
      const t = drawn.get(to);
      if (f && t) edges.add(f, t, kind, via(through));
    },
  });
  // Security group rules after the link resources: a listener → target path says more than the rule.
  for (const [from, to, rule] of applySecurityGroupRules(drawn, resolver, bag).edges) edges.add(from, to, 'network', rule ? via([rule]) : []);
  dependencyEdges(drawn, resolver, edges, bag);

  if (drawn.size === 0 && instances.length > 0) {
    const providers = [...new Set(instances.map((i) => providerOf(i.type).prefix))].sort();
    bag.warn('terraform-nothing-drawn', `none of the ${instances.length} resource instances has a Cloudcraft component (providers: ${providers.join(', ')}); the blueprint is empty — see the report for each one`);
  }
  let graph: Graph = { resources: [...drawn.values()], edges: edges.edges(), omitted };
  if (options.collapseInstances) graph = collapseInstances(graph);
  const name = options.name;
  return name ? { ...graph, name } : graph;
}

function disposition(inst: TfInstance, options: BuildOptions, resolver: Resolver, storageChildren: ReadonlySet<TfInstance>): Disposition {
  const { provider, prefix } = providerOf(inst.type);
  if (inst.mode === 'data' && !options.includeData) {
    return { reason: 'data-source', detail: 'data source: read, not managed, by this configuration; --include-data draws it' };
  }
  if (provider === 'generic') return { reason: 'no-component', detail: `provider "${prefix}" has no Cloudcraft components` };
  const spec = provider === 'aws' ? awsSpecFor(inst) : azureSpecFor(inst, (account) => storageChildren.has(account));
  const foldedDetail = (provider === 'aws' ? AWS_FOLDED : AZURE_FOLDED)[inst.type];
  if (spec && inst.mode === 'managed' && spec.foldIfResolves?.some((path) => resolver.targets(inst, [path]).length > 0) && foldedDetail) {
    return { reason: 'folded', detail: foldedDetail };
  }
  if (spec) return { spec };
  if (foldedDetail && inst.mode === 'managed') return { reason: 'folded', detail: foldedDetail };
  const notDrawn = (provider === 'aws' ? AWS_NOT_DRAWN : AZURE_NOT_DRAWN)[inst.type];
  return { reason: 'no-component', detail: notDrawn ?? `no Cloudcraft component for ${inst.type}` };
}

/** Storage accounts that hold containers, queues, tables or shares of the inputs. */
/**
 * Terraform records dependencies per resource, not per instance. When one names several
 * instances, the one with the same key (`[count.index]` patterns) is meant; when one of them
 * already contains this resource, the containment says it; otherwise all are drawn.
 */
function pickDependencies(inst: TfInstance, found: readonly TfInstance[], res: Resource, drawn: ReadonlyMap<TfInstance, Resource>): readonly TfInstance[] {
  if (found.length <= 1) return found;
  if (inst.key !== undefined) {
    const same = found.filter((f) => f.key === inst.key);
    if (same.length) return same;
  }
  const ids = new Set([res.in.vpc, res.in.parent, res.in.asg, ...(res.in.subnets ?? []), ...(res.in.securityGroups ?? [])]);
  return found.some((f) => ids.has(drawn.get(f)?.id)) ? [] : found;
}

/** Dependencies on or of a VPC, subnet, security group or area repeat what containment and rules show. */
const CONTAINER_TYPES = new Set(['vpc', 'subnet', 'sg', 'area']);

function storageAccountsWithChildren(resolver: Resolver): Set<TfInstance> {
  const out = new Set<TfInstance>();
  for (const inst of resolver.all()) {
    if (!STORAGE_CHILD_TYPES.includes(inst.type)) continue;
    for (const path of [['storage_account_id'], ['storage_account_name']]) {
      for (const account of resolver.targets(inst, path, ['azurerm_storage_account'])) out.add(account);
    }
  }
  return out;
}

/**
 * `dependencies` (states), `depends_on` (v3, plans) and, for plans, every reference in the
 * configuration expressions, which is what Terraform records as dependencies when it applies.
 */
function dependencyEdges(drawn: ReadonlyMap<TfInstance, Resource>, resolver: Resolver, edges: EdgeSet, bag: DiagnosticBag): void {
  let skipped = 0;
  for (const [inst, res] of drawn) {
    const targets = new Set<TfInstance>();
    const groups = new Map<string, readonly TfInstance[]>();
    for (const t of resolver.configReferences(inst)) groups.set(t.resourceAddress, [...(groups.get(t.resourceAddress) ?? []), t]);
    for (const address of new Set(inst.dependencies)) groups.set(address, resolver.byAddress(address, inst));
    for (const found of groups.values()) {
      if (found.length > DEPENDENCY_FAN_LIMIT) {
        skipped++;
        continue;
      }
      for (const t of pickDependencies(inst, found, res, drawn)) targets.add(t);
    }
    if (CONTAINER_TYPES.has(res.ccType ?? '')) continue;
    for (const t of targets) {
      const to = drawn.get(t);
      if (to && !CONTAINER_TYPES.has(to.ccType ?? '')) edges.add(res, to, 'dependency');
    }
  }
  if (skipped) {
    bag.info('terraform-dependency-fan', `${skipped} dependencies name more than ${DEPENDENCY_FAN_LIMIT} instances each; those dependency edges are not drawn`);
  }
}

