/**
 * Terraform facts the graph does not carry: each instance's attribute values (to name the
 * attributes that changed between two states, and to find ARNs and physical names) and, for a
 * plan, each change's actions, Terraform's reason and the attributes that force a replacement.
 * Read with the Terraform converter's own readers, so sensitive values are already gone.
 */
import { DiagnosticBag } from '../diagnostics.js';
import type { InputSource } from '../input.js';
import { readPlan, type PlanView } from '../../converters/terraform/read-plan.js';
import { readShowState, readStateV3, readStateV4, type ReadContext } from '../../converters/terraform/read-state.js';
import type { ReadResult } from '../../converters/terraform/model.js';
import { classify } from '../../converters/terraform/sniff.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface PlanChangeFacts {
  /** Terraform's `action_reason`, in words. */
  reason?: string;
  /** Top-level attributes named by `replace_paths`. */
  replacePaths: string[];
  /** Top-level attributes whose new value is known only after apply. */
  unknownAfter: string[];
}

export interface TerraformFacts {
  /** Attribute values by instance address. */
  values: Map<string, Obj>;
  /** Plans only: the change facts by instance address. */
  changes: Map<string, PlanChangeFacts>;
}

/** Terraform's `action_reason` codes, said plainly. */
const ACTION_REASONS: Record<string, string> = {
  replace_because_tainted: 'tainted',
  replace_because_cannot_update: 'a changed attribute cannot be updated in place',
  replace_by_request: 'replacement requested (-replace)',
  replace_by_triggers: 'replace_triggered_by',
  delete_because_no_resource_config: 'removed from the configuration',
  delete_because_no_module: 'its module was removed',
  delete_because_wrong_repetition: 'count/for_each changed shape',
  delete_because_count_index: 'count index out of range',
  delete_because_each_key: 'for_each key removed',
  delete_because_no_move_target: 'moved to an address that does not exist',
  read_because_config_unknown: 'read during apply (configuration unknown)',
  read_because_dependency_pending: 'read during apply (a dependency changes)',
};

/** Reads attribute values (and plan facts) of a Terraform input; undefined when it is not readable. */
export function terraformFacts(source: InputSource, view: PlanView): TerraformFacts | undefined {
  const cls = classify(source);
  const doc = source.json();
  if ('message' in cls || !isObj(doc)) return undefined;
  let order = 0;
  const ctx: ReadContext = { file: source.name, bag: new DiagnosticBag('diff'), next: () => order++, place: () => undefined };
  let read: ReadResult;
  switch (cls.kind) {
    case 'state-v4': read = readStateV4(doc, ctx); break;
    case 'state-v3': read = readStateV3(doc, ctx); break;
    case 'show-state': read = readShowState(doc, ctx); break;
    case 'plan': read = readPlan(doc, ctx, view); break;
    default: return undefined;
  }
  const values = new Map<string, Obj>();
  for (const inst of read.instances) values.set(inst.address, inst.values);
  return { values, changes: cls.kind === 'plan' ? planChanges(doc) : new Map() };
}

function planChanges(doc: Obj): Map<string, PlanChangeFacts> {
  const out = new Map<string, PlanChangeFacts>();
  const list = Array.isArray(doc['resource_changes']) ? doc['resource_changes'] : [];
  for (const c of list) {
    if (!isObj(c) || typeof c['address'] !== 'string' || c['deposed'] !== undefined) continue;
    const change = isObj(c['change']) ? c['change'] : {};
    const replacePaths = Array.isArray(change['replace_paths'])
      ? change['replace_paths'].map((p) => (Array.isArray(p) ? p[0] : p)).filter((p): p is string => typeof p === 'string')
      : [];
    const unknown = isObj(change['after_unknown']) ? Object.keys(change['after_unknown']).filter((k) => change['after_unknown'] && (change['after_unknown'] as Obj)[k] === true) : [];
    const facts: PlanChangeFacts = { replacePaths: [...new Set(replacePaths)].sort(), unknownAfter: unknown.sort() };
    const reason = c['action_reason'];
    if (typeof reason === 'string' && reason) facts.reason = ACTION_REASONS[reason] ?? reason.replace(/_/g, ' ');
    out.set(c['address'], facts);
  }
  return out;
}
