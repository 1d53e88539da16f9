/**
 * One side of a diff: whatever the user gave (a template, cdk.out, Terraform state or plan, a
 * blueprint, a live-account snapshot) read into a graph plus the facts matching needs — a key
 * that survives renamed files, physical names, ARNs — and the before blueprint whose positions
 * the diff picture keeps.
 */
import type { Blueprint } from '../blueprint.js';
import { convert, type PipelineOptions } from '../convert.js';
import { createDiagnostic, DiagnosticBag, InputError, type Diagnostic } from '../diagnostics.js';
import type { Graph, OmitReason, PlanAction, Resource, SourceLocation } from '../graph/types.js';
import { toInputSource, type InputLike, type InputSource } from '../input.js';
import { graphFromBlueprint, hasLiveIdentity } from './blueprint-graph.js';
import type { StackTemplate } from './cfn-templates.js';
import { cloudFormationNames, nameKey, terraformIdentity } from './identity.js';
import type { TerraformFacts } from './tf-facts.js';
import type { SideInfo } from './types.js';

export type Role = 'before' | 'after';
export type Family = 'cloudformation' | 'terraform' | 'blueprint' | 'other';

export interface SideItem {
  /** The resource's id on this side. */
  id: string;
  /** Address with the side's only root stack stripped (`Vpc`, not `before/Vpc`), else the address. */
  key: string;
  address: string;
  drawn: boolean;
  type: string | undefined;
  sourceType: string;
  name: string;
  /** Lower-cased names for matching by type and name (display name, label, physical names). */
  names: string[];
  arn?: string;
  physicalId?: string;
  /** Terraform `moved` blocks: the address before the move. */
  previousAddress?: string;
  action?: PlanAction;
  resource?: Resource;
  location?: SourceLocation;
  /** Raw source attributes compared for property changes (Terraform instance values). */
  attributes?: Record<string, unknown>;
}

export interface Side {
  info: SideInfo;
  family: Family;
  graph: Graph;
  blueprint: Blueprint;
  items: SideItem[];
  /** CloudFormation root templates and the key prefix their logical ids take on this side. */
  templates: { prefix: string; stack: StackTemplate }[];
  terraform?: TerraformFacts;
}

/** Omitted resources that still exist on this side (undrawn, but part of the infrastructure). */
const EXISTING_OMITTED: ReadonlySet<OmitReason> = new Set(['folded', 'no-component', 'unsupported']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

type Sniffed = { kind: 'blueprint' | 'snapshot'; doc: Blueprint } | { kind: 'plan' | 'convert' } | { kind: 'pending'; reason: string };

/** Blueprint-shaped JSON (ours, Cloudcraft's, a snapshot) or something a converter reads. */
export function sniffSide(source: InputSource): Sniffed {
  if (source.kind === 'directory') return { kind: 'convert' };
  const doc = source.json();
  if (!isObj(doc)) return { kind: 'convert' };
  if (doc['code'] === 'STILL_PROCESSING' || doc['snapshot_status'] === 'processing') {
    return { kind: 'pending', reason: 'this is Cloudcraft\'s "still processing" answer, not a snapshot: run `account snapshot` again (it waits for the scan)' };
  }
  const looksLikeData = (d: unknown): d is Obj => isObj(d) && (Array.isArray(d['nodes']) || Array.isArray(d['groups'])) && !('Resources' in d);
  let blueprint: Blueprint | undefined;
  if (looksLikeData(doc['data'])) blueprint = doc as unknown as Blueprint;
  else if (looksLikeData(doc) && (Array.isArray(doc['edges']) || 'grid' in doc || 'version' in doc)) {
    blueprint = { name: typeof doc['name'] === 'string' ? doc['name'] : '', data: doc as never };
  }
  // Cloudcraft's scans carry ARNs / Azure resource ids and the blueprint's live-sync settings.
  if (blueprint) return { kind: hasLiveIdentity(blueprint) || isObj(blueprint.data['liveOptions']) ? 'snapshot' : 'blueprint', doc: blueprint };
  if (Array.isArray(doc['resource_changes']) && typeof doc['format_version'] === 'string') return { kind: 'plan' };
  return { kind: 'convert' };
}

export interface LoadedSide {
  side?: Side;
  diagnostics: Diagnostic[];
}

export async function loadSide(input: InputLike, role: Role, options: PipelineOptions): Promise<LoadedSide> {
  let source: InputSource;
  try {
    source = toInputSource(input);
  } catch (err) {
    if (err instanceof InputError) return { diagnostics: [err.diagnostic] };
    throw err;
  }
  const sniffed = sniffSide(source);
  if (sniffed.kind === 'pending') {
    return { diagnostics: [createDiagnostic(sniffed.reason, { ruleId: 'diff-snapshot-pending', source: 'diff', file: source.name })] };
  }
  if (sniffed.kind === 'blueprint' || sniffed.kind === 'snapshot') {
    const bag = new DiagnosticBag('diff', source.name);
    const graph = graphFromBlueprint(sniffed.doc, source.name, bag);
    const info: SideInfo = { name: source.name, kind: sniffed.kind, resources: graph.resources.length };
    const side: Side = { info, family: 'blueprint', graph, blueprint: sniffed.doc, items: [], templates: [] };
    side.items = itemsOf(side);
    return { side, diagnostics: bag.items };
  }
  // A plan read as one side shows that side of it: its prior state before, its planned state after.
  const result = await convert(source, { ...options, planView: role });
  if (!result.ok || !result.graph || !result.blueprint) return { diagnostics: result.diagnostics };
  const format = result.report?.formats[0] ?? 'other';
  const family: Family = format === 'cloudformation' || format === 'terraform' ? format : 'other';
  const side: Side = {
    info: { name: source.name, kind: sniffed.kind === 'plan' ? 'plan' : format, resources: 0 },
    family, graph: result.graph, blueprint: result.blueprint, items: [], templates: [],
  };
  // The converters' own readers load only for their inputs (a library import stays light).
  if (family === 'terraform') {
    const { terraformFacts } = await import('./tf-facts.js');
    const facts = terraformFacts(source, role);
    if (facts) side.terraform = facts;
  }
  const prefix = singleRoot(result.graph);
  if (family === 'cloudformation') {
    const { rootTemplates } = await import('./cfn-templates.js');
    const stacks = rootTemplates(source);
    side.templates = stacks.map((stack) => ({ prefix: stacks.length === 1 && prefix !== undefined ? '' : `${stack.stack}/`, stack }));
  }
  side.items = itemsOf(side, family === 'cloudformation' ? prefix : undefined);
  side.info.resources = side.items.length;
  return { side, diagnostics: result.diagnostics };
}

/** The one stack every CloudFormation address starts with, when there is exactly one. */
function singleRoot(graph: Graph): string | undefined {
  const roots = new Set([...graph.resources, ...graph.omitted].map((r) => r.address.split('/')[0]!));
  return roots.size === 1 ? [...roots][0] : undefined;
}

function itemsOf(side: Side, stripRoot?: string): SideItem[] {
  const keyOf = (address: string) => (stripRoot !== undefined && address.startsWith(`${stripRoot}/`) ? address.slice(stripRoot.length + 1) : address);
  const templates = new Map(side.templates.map((t) => [t.stack.stack, t.stack.template]));
  const items: SideItem[] = [];
  for (const r of side.graph.resources) {
    const item: SideItem = {
      id: r.id, key: keyOf(r.address), address: r.address, drawn: r.ccType !== undefined, type: r.ccType, sourceType: r.sourceType,
      name: r.name, names: [], resource: r,
    };
    // A blueprint component without a label has only its type for a name: that names nothing.
    const names = side.family === 'blueprint' ? [] : [r.name];
    if (typeof r.meta?.['label'] === 'string') names.push(r.meta['label']);
    // Converters may record physical names they evaluated (a `!Sub` Name tag) under meta.names.
    const given = r.meta?.['names'];
    if (Array.isArray(given)) names.push(...given.filter((n): n is string => typeof n === 'string' && n.trim() !== ''));
    if (typeof r.meta?.['arn'] === 'string') item.arn = r.meta['arn'];
    if (typeof r.meta?.['physicalId'] === 'string') item.physicalId = r.meta['physicalId'];
    if (typeof r.meta?.['previousAddress'] === 'string') item.previousAddress = r.meta['previousAddress'];
    if (r.action) item.action = r.action;
    if (r.location) item.location = r.location;
    const values = side.terraform?.values.get(r.address);
    if (values) {
      const id = terraformIdentity(values);
      names.push(...id.names);
      if (id.arn && !item.arn) item.arn = id.arn;
      if (id.physicalId && !item.physicalId) item.physicalId = id.physicalId;
      item.attributes = values;
    }
    const [stack, logicalId, ...nested] = r.address.split('/');
    const template = nested.length === 0 && logicalId ? templates.get(stack!) : undefined;
    const declared = isObj(template?.['Resources']) ? (template['Resources'] as Obj)[logicalId!] : undefined;
    if (isObj(declared)) names.push(...cloudFormationNames(r.sourceType, declared['Properties']));
    item.names = [...new Set(names.map(nameKey))];
    items.push(item);
  }
  for (const o of side.graph.omitted) {
    if (!EXISTING_OMITTED.has(o.reason)) continue;
    const key = keyOf(o.address);
    const item: SideItem = { id: o.id, key, address: o.address, drawn: false, type: undefined, sourceType: o.sourceType, name: key, names: [] };
    if (o.location) item.location = o.location;
    items.push(item);
  }
  return items;
}
