/**
 * Two CloudFormation sides compared by @aws-cdk/cloudformation-diff, the engine behind
 * `cdk diff`: per resource whether it is added, removed, updated or replaced, and per property
 * whether the change forces a replacement (from the AWS service specification it bundles).
 *
 * The package is heavy (its first diff loads a 2.6 MB spec: ~0.6 s and ~135 MB), so it is
 * imported here, on first use, and nowhere else; no other command pays for it.
 */
import { DiagnosticBag } from '../diagnostics.js';
import { shortValue } from './values.js';
import type { StackTemplate } from './cfn-templates.js';
import type { PropertyChange, Replacement } from './types.js';

export type CfnImpact = 'added' | 'removed' | 'updated' | 'replaced' | 'unchanged';

export interface CfnResourceFacts {
  impact: CfnImpact;
  replacement?: Replacement;
  /** Property and attribute changes (`Metadata` is left out: CDK rewrites it on every synth). */
  properties: PropertyChange[];
}

export interface StackPair {
  /** Key prefix the logical ids take in both sides' item keys ('' for a single stack). */
  prefix: string;
  before: StackTemplate;
  after: StackTemplate;
}

/** Resource-level attributes other than Properties worth reporting. */
const OTHER_ATTRIBUTES = new Set(['DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy']);

type CfnDiffModule = typeof import('@aws-cdk/cloudformation-diff');
let loaded: Promise<CfnDiffModule> | undefined;

/** The module, imported once per process. */
export function loadCloudFormationDiff(): Promise<CfnDiffModule> {
  loaded ??= import('@aws-cdk/cloudformation-diff');
  return loaded;
}

/** Facts by item key (`prefix + logicalId`) for every resource that differs. */
export async function cloudFormationFacts(pairs: readonly StackPair[], bag: DiagnosticBag): Promise<Map<string, CfnResourceFacts>> {
  const out = new Map<string, CfnResourceFacts>();
  if (pairs.length === 0) return out;
  const cfn = await loadCloudFormationDiff();
  const { ResourceImpact } = cfn;
  const replacementOf = (impact: string | undefined): Replacement | undefined =>
    impact === ResourceImpact.WILL_REPLACE ? 'will' : impact === ResourceImpact.MAY_REPLACE ? 'may' : undefined;

  for (const p of pairs) {
    let diff;
    try {
      // fullDiff may normalise what it is given; it gets copies so our templates stay as read.
      diff = cfn.fullDiff(structuredClone(p.before.template), structuredClone(p.after.template));
    } catch (err) {
      bag.warn('diff-cloudformation-failed', `${p.before.file} → ${p.after.file}: @aws-cdk/cloudformation-diff could not compare these templates (${err instanceof Error ? err.message : String(err)}); properties are compared as drawn fields instead`);
      continue;
    }
    diff.resources.forEachDifference((logicalId, change) => {
      if (!change.isDifferent) return;
      const properties: PropertyChange[] = [];
      let replacement = replacementOf(change.changeImpact);
      if (change.resourceTypeChanged) {
        properties.push({ name: 'Type', scope: 'source', ...values(change.oldResourceType, change.newResourceType), replacement: 'will' });
        replacement = 'will';
      }
      for (const [name, prop] of Object.entries(change.propertyUpdates).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const pc: PropertyChange = { name, scope: 'source', ...values(prop.oldValue, prop.newValue) };
        const r = replacementOf(prop.changeImpact);
        if (r) pc.replacement = r;
        properties.push(pc);
      }
      for (const name of Object.keys(change.otherChanges).sort()) {
        if (!OTHER_ATTRIBUTES.has(name)) continue;
        const other = change.otherChanges[name]!;
        properties.push({ name, scope: 'source', ...values(other.oldValue, other.newValue) });
      }
      const impact: CfnImpact = change.isAddition ? 'added' : change.isRemoval ? 'removed' : replacement ? 'replaced' : properties.length ? 'updated' : 'unchanged';
      if (impact === 'unchanged') return;
      const facts: CfnResourceFacts = { impact, properties };
      if (impact === 'replaced' && replacement) facts.replacement = replacement;
      out.set(`${p.prefix}${logicalId}`, facts);
    });
  }
  return out;
}

function values(before: unknown, after: unknown): { before?: string; after?: string } {
  const out: { before?: string; after?: string } = {};
  const b = shortValue(before);
  const a = shortValue(after);
  if (b !== undefined) out.before = b;
  if (a !== undefined) out.after = a;
  return out;
}
