/**
 * Plan JSON (`terraform show -json plan.out`, format 0.2 – 1.x). The after view draws
 * `planned_values` (what will exist); the before view draws `prior_state` (what exists now).
 * Every instance carries its planned action from `resource_changes`; what does not exist on the
 * chosen side is reported as absent. Unknown values are resolved through `configuration`.
 */
import type { PlanAction } from '../../src/graph/types.js';
import { isRecord, stringList } from './instance.js';
import { pointerOf } from './json-locate.js';
import type { ReadResult, TfInstance } from './model.js';
import { PlanConfig } from './plan-config.js';
import { emptyResult, readShowResource, walkModules, type ReadContext } from './read-state.js';
import { redactMirror } from './sensitive.js';

export type PlanView = 'after' | 'before';

/** `["delete","create"]` and `["create","delete"]` are replacements; `forget` leaves management. */
export function planAction(actions: readonly string[]): PlanAction | 'forget' | undefined {
  const set = new Set(actions);
  if (set.has('delete') && set.has('create')) return 'replace';
  if (set.has('forget')) return 'forget';
  for (const a of ['create', 'delete', 'update', 'read', 'no-op'] as const) if (set.has(a)) return a;
  return undefined;
}

interface Change {
  action: PlanAction | 'forget' | undefined;
  raw: Record<string, unknown>;
  pointer: string;
}

export function readPlan(doc: Record<string, unknown>, ctx: ReadContext, view: PlanView): ReadResult {
  const result = emptyResult('plan');
  const variables = isRecord(doc['variables']) ? doc['variables'] : {};
  const config = new PlanConfig(doc['configuration'], variables);

  const changes = new Map<string, Change>();
  const changeList = Array.isArray(doc['resource_changes']) ? doc['resource_changes'] : [];
  changeList.forEach((c: unknown, i) => {
    if (!isRecord(c) || typeof c['address'] !== 'string') return;
    if (c['deposed'] !== undefined) {
      result.deposed++;
      return;
    }
    const change = isRecord(c['change']) ? c['change'] : {};
    changes.set(c['address'], { action: planAction(stringList(change['actions'])), raw: c, pointer: pointerOf(['resource_changes', i]) });
  });

  const seen = new Set<string>();
  const accept = (inst: TfInstance | undefined) => {
    if (!inst || seen.has(inst.address)) return;
    seen.add(inst.address);
    const change = changes.get(inst.address);
    const action = change?.action;
    inst.action = action === undefined || action === 'forget' ? 'no-op' : action;
    const previous = change?.raw['previous_address'];
    if (typeof previous === 'string' && previous !== inst.address) inst.previousAddress = previous;
    if (change) redactChange(inst, change.raw, view);
    attachConfig(inst, config);
    result.instances.push(inst);
  };

  const source = view === 'after'
    ? { root: isRecord(doc['planned_values']) ? doc['planned_values']['root_module'] : undefined, base: ['planned_values', 'root_module'] }
    : { root: priorRoot(doc), base: ['prior_state', 'values', 'root_module'] };
  walkModules(source.root, source.base, (raw, pointer) => accept(readShowResource(raw, ctx, pointer, ctx.next(), result)));

  for (const [address, change] of changes) {
    if (seen.has(address)) continue;
    const gone = view === 'after'
      ? change.action === 'delete' || change.action === 'forget'
      : change.action === 'create';
    const mode = change.raw['mode'] === 'data' ? 'data' : 'managed';
    const type = typeof change.raw['type'] === 'string' ? change.raw['type'] : '';
    if (gone) {
      const detail = view === 'after'
        ? change.action === 'forget' ? 'removed from the state by this plan (not destroyed)' : 'destroyed by this plan; use --plan-view before to draw it'
        : 'created by this plan; it does not exist yet (default --plan-view after draws it)';
      result.absent.push({ address, mode, type, file: ctx.file, pointer: change.pointer, detail });
      continue;
    }
    // A change whose object is missing from the chosen values (data sources read during apply,
    // older formats): draw it from the change itself.
    const side = view === 'after' ? 'after' : 'before';
    const body = isRecord(change.raw['change']) ? change.raw['change'] : {};
    const values = isRecord(body[side]) ? body[side] : {};
    accept(readShowResource({ ...change.raw, values, sensitive_values: body[`${side}_sensitive`] }, ctx, change.pointer, ctx.next(), result));
  }
  return result;
}

function priorRoot(doc: Record<string, unknown>): unknown {
  const prior = doc['prior_state'];
  return isRecord(prior) && isRecord(prior['values']) ? prior['values']['root_module'] : undefined;
}

/** The change's own sensitivity marks cover values that planned_values may repeat. */
function redactChange(inst: TfInstance, raw: Record<string, unknown>, view: PlanView): void {
  const body = isRecord(raw['change']) ? raw['change'] : {};
  const mirror = body[view === 'after' ? 'after_sensitive' : 'before_sensitive'];
  inst.values = redactMirror(inst.values, mirror);
}

function attachConfig(inst: TfInstance, config: PlanConfig): void {
  const names = inst.modules.map((m) => m.name);
  const cfg = config.resource(names, `${inst.mode === 'data' ? 'data.' : ''}${inst.type}.${inst.name}`);
  if (cfg) {
    inst.config = cfg;
    inst.dependencies = [...inst.dependencies, ...cfg.dependsOn.map((d) => (names.length ? `${names.map((n) => `module.${n}`).join('.')}.${d}` : d))];
  }
  const region = config.providerRegion(cfg?.providerKey, inst.type);
  if (region) inst.providerRegion = region;
  inst.planConfig = config;
}
