/**
 * Each matched pair judged: added, removed, modified or replaced, with the properties that
 * changed. Sources of truth, strongest first: a Terraform plan's own action; CloudFormation's
 * change impact (via @aws-cdk/cloudformation-diff); a changed Cloudcraft type; otherwise any
 * change of source attributes, drawn fields or placement (VPC, subnet, security groups) makes it
 * modified.
 */
import { sanitizeProps } from '../catalog/index.js';
import type { Containment, PlanAction, Resource } from '../graph/types.js';
import { VISUAL_FIELDS } from './blueprint-graph.js';
import type { CfnResourceFacts } from './cfn-diff.js';
import type { Pair } from './match.js';
import type { Side, SideItem } from './side.js';
import type { ChangeKind, PropertyChange, Replacement, ResourceChange } from './types.js';
import { changedKeys, shortValue } from './values.js';

export interface ClassifyContext {
  mode: 'sides' | 'plan';
  before: Side;
  after: Side;
  cfn: ReadonlyMap<string, CfnResourceFacts>;
}

/** Containment keys compared, and the name a change of each is reported under. */
const PLACEMENT: readonly (readonly [keyof Containment, string])[] = [
  ['vpc', 'vpc'], ['zone', 'zone'], ['subnets', 'subnet'], ['securityGroups', 'securityGroups'], ['asg', 'asg'], ['parent', 'parent'],
];

/** Terraform attributes the provider derives from others (`tags_all` repeats `tags`). */
const DERIVED_ATTRIBUTES = new Set(['tags_all']);

const PLAN_KIND: Record<PlanAction, ChangeKind> = {
  create: 'added', delete: 'removed', update: 'modified', replace: 'replaced', 'no-op': 'unchanged', read: 'unchanged',
};

/** The union id of every after item: the before id when matched (so positions persist). */
export function unionIds(pairs: readonly Pair[]): Map<string, string> {
  const afterToUnion = new Map<string, string>();
  for (const p of pairs) if (p.after) afterToUnion.set(p.after.id, p.before?.id ?? p.after.id);
  return afterToUnion;
}

export function classifyPairs(pairs: readonly Pair[], ctx: ClassifyContext): ResourceChange[] {
  const afterToUnion = unionIds(pairs);
  const names = new Map<string, string>();
  for (const p of pairs) {
    if (p.before) names.set(p.before.id, p.before.name);
    if (p.after && !p.before) names.set(p.after.id, p.after.name);
  }
  const sameFamily = ctx.before.family === ctx.after.family;
  const uses = (side: Side, key: keyof Containment) => side.graph.resources.some((r) => r.in[key] !== undefined);
  const placementKeys = PLACEMENT.filter(([k]) => sameFamily || (uses(ctx.before, k) && uses(ctx.after, k)));

  return pairs.map((p) => {
    const b = p.before;
    const a = p.after;
    const either = (a ?? b)!;
    const change: ResourceChange = {
      kind: 'unchanged', id: b?.id ?? a!.id, key: either.key, name: either.name, type: a?.type ?? b?.type, sourceType: either.sourceType,
      drawn: !!(a?.drawn || b?.drawn), properties: [],
    };
    if (b) change.before = b.address;
    if (a) change.after = a.address;
    if (p.matchedBy) change.matchedBy = p.matchedBy;
    if (either.location) change.location = either.location;
    if (!a || !b) {
      change.kind = a ? 'added' : 'removed';
      if (ctx.mode === 'plan' && either.action) change.action = either.action;
      addPlanReason(change, ctx, either);
      return change;
    }

    const facts = ctx.cfn.get(b.key);
    const source = facts ? facts.properties : attributeChanges(b, a, ctx);
    // The source's own `Type` change says what the drawn `type` change would repeat.
    const drawn = (b.resource && a.resource ? fieldChanges(b.resource, a.resource, sameFamily) : []).filter((d) => d.name !== 'type' || !source.some((s) => s.name === 'Type'));
    const placement = b.resource && a.resource ? placementChanges(b.resource.in, a.resource.in, placementKeys, afterToUnion, names, { plan: ctx.mode === 'plan', partial: !sameFamily }) : [];
    change.properties = [...source, ...drawn, ...placement];

    let kind: ChangeKind = change.properties.length ? 'modified' : 'unchanged';
    let replacement: Replacement | undefined;
    if (b.type !== undefined && a.type !== undefined && b.type !== a.type) {
      replacement = 'will';
    } else if (facts?.impact === 'replaced') {
      replacement = facts.replacement ?? 'will';
    } else if (facts?.impact === 'updated') {
      kind = 'modified';
    }
    if (!replacement) replacement = source.find((s) => s.replacement === 'will')?.replacement ?? source.find((s) => s.replacement)?.replacement;
    if (replacement) kind = 'replaced';
    if (ctx.mode === 'plan') {
      const action = a.action ?? b.action;
      if (action) {
        change.action = action;
        kind = PLAN_KIND[action];
        replacement = kind === 'replaced' ? replacement ?? 'will' : undefined;
      }
      addPlanReason(change, ctx, a);
    }
    change.kind = kind;
    if (kind === 'replaced' && replacement) change.replacement = replacement;
    return change;
  });
}

function addPlanReason(change: ResourceChange, ctx: ClassifyContext, item: SideItem): void {
  if (ctx.mode !== 'plan') return;
  const reason = (ctx.after.terraform?.changes ?? ctx.before.terraform?.changes)?.get(item.address)?.reason;
  if (reason) change.reason = reason;
}

/**
 * Terraform attributes that differ (names only: Terraform values may be secrets). A value that
 * becomes known only after apply counts for an in-place update; when the resource is created
 * again every computed attribute does that, which says nothing.
 */
function attributeChanges(b: SideItem, a: SideItem, ctx: ClassifyContext): PropertyChange[] {
  if (!b.attributes || !a.attributes) return [];
  const plan = ctx.mode === 'plan' ? ctx.after.terraform?.changes.get(a.address) : undefined;
  const replacing = new Set(plan?.replacePaths ?? []);
  const recreated = a.action === 'replace' || replacing.size > 0;
  const unknown = new Set((plan?.unknownAfter ?? []).filter((k) => !recreated && b.attributes![k] !== undefined));
  const known = (k: string) => !DERIVED_ATTRIBUTES.has(k) && (a.attributes![k] !== undefined || !plan || unknown.has(k));
  const names = new Set([...changedKeys(b.attributes, a.attributes, known), ...unknown, ...replacing]);
  return [...names].filter((k) => !DERIVED_ATTRIBUTES.has(k)).sort().map((name) => {
    const pc: PropertyChange = { name, scope: 'source' };
    if (unknown.has(name)) pc.after = '(known after apply)';
    if (replacing.has(name)) pc.replacement = 'will';
    return pc;
  });
}

/**
 * Drawn Cloudcraft fields that differ. Across different kinds of input (a template against a
 * live snapshot) only fields both sides set are compared: a field one side does not know is not
 * a change.
 */
function fieldChanges(b: Resource, a: Resource, sameFamily: boolean): PropertyChange[] {
  // A new type is a new resource: its fields do not compare with the old ones.
  if (b.ccType && a.ccType && b.ccType !== a.ccType) return [{ name: 'type', scope: 'cloudcraft', before: b.ccType, after: a.ccType, replacement: 'will' }];
  const out: PropertyChange[] = [];
  const fields = (r: Resource) => (r.ccType ? sanitizeProps(r.ccType, r.props).props : {});
  const fb = fields(b);
  const fa = fields(a);
  const compared = (k: string) => !VISUAL_FIELDS.has(k) && (sameFamily || (k in fb && k in fa));
  for (const name of changedKeys(fb, fa, compared)) out.push(withValues({ name, scope: 'cloudcraft' }, fb[name], fa[name]));
  // Across kinds of input a region is often a default (a template without --region); only like compares with like.
  if (sameFamily && b.region && a.region && b.region !== a.region) out.push({ name: 'region', scope: 'cloudcraft', before: b.region, after: a.region });
  return out;
}

/**
 * In a plan, a container only one side names is not a move: the other is not known until apply.
 * Across kinds of input (`partial`) one side may not record a container at all (a state does
 * not say which subnet a database sits in; the live scan does), and a blueprint draws a
 * component in one of its subnets only: there, only disjoint containers are a move.
 */
function placementChanges(b: Containment, a: Containment, keys: typeof PLACEMENT, afterToUnion: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>, mode: { plan: boolean; partial: boolean }): PropertyChange[] {
  const out: PropertyChange[] = [];
  const ids = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const shown = (list: string[]) => list.map((id) => names.get(id) ?? id).join(', ');
  for (const [key, name] of keys) {
    const before = ids(b[key]).sort();
    // A zone is a name, not an id; everything else is an after-side id to bring into union ids.
    const after = ids(a[key]).map((id) => (key === 'zone' ? id : afterToUnion.get(id) ?? id)).sort();
    if (before.length === after.length && before.every((x, i) => x === after[i])) continue;
    if ((mode.plan || mode.partial) && (before.length === 0 || after.length === 0)) continue;
    if (mode.partial && before.some((x) => after.includes(x))) continue;
    const pc: PropertyChange = { name, scope: 'placement' };
    if (before.length) pc.before = shown(before);
    if (after.length) pc.after = shown(after);
    out.push(pc);
  }
  return out;
}

function withValues(pc: PropertyChange, before: unknown, after: unknown): PropertyChange {
  const b = shortValue(before);
  const a = shortValue(after);
  if (b !== undefined) pc.before = b;
  if (a !== undefined) pc.after = a;
  return pc;
}
