/**
 * The comparison once both sides are read: match, classify (with @aws-cdk/cloudformation-diff
 * for two CloudFormation sides), build the union, lay it out keeping the before side's
 * positions, emit, style and validate the diff blueprint.
 */
import type { Blueprint, BlueprintObject } from '../blueprint.js';
import { LABEL_ANCHOR_KEY } from '../catalog/index.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import { emitBlueprint } from '../emit/emit.js';
import { layout } from '../layout/index.js';
import type { Scene } from '../layout/types.js';
import { validateBlueprint } from '../validate/index.js';
import { cloudFormationFacts, type StackPair } from './cfn-diff.js';
import { classifyPairs } from './classify.js';
import { matchItems } from './match.js';
import type { Side } from './side.js';
import { diffLabel, styleDiffBlueprint } from './style.js';
import { CHANGE_ORDER, type DiffOptions, type DiffResult, type DiffSummary, type EdgeChange, type ResourceChange, type SideInfo } from './types.js';
import { buildUnion } from './union.js';

export async function compare(before: Side, after: Side, mode: DiffResult['mode'], options: DiffOptions, diagnostics: Diagnostic[], timings: Record<string, number>): Promise<DiffResult> {
  const bag = new DiagnosticBag('diff');
  // Undrawn resources (IAM roles…) can only be compared when both sides know them.
  const converted = before.family !== 'blueprint' && after.family !== 'blueprint';
  const keep = (s: Side) => (converted ? s.items : s.items.filter((i) => i.drawn));
  let beforeItems = keep(before);
  if (mode === 'plan') {
    // A plan's prior state may list a `moved` resource under its old address as well as under the
    // new one (read from the change); it is one object, matched under its new address.
    const present = new Set(beforeItems.map((i) => i.address));
    const movedFrom = new Set(after.items.filter((a) => a.previousAddress && present.has(a.address)).map((a) => a.previousAddress!));
    beforeItems = beforeItems.filter((i) => !movedFrom.has(i.address));
  }

  let t = performance.now();
  const pairs = matchItems(beforeItems, keep(after), { byName: mode !== 'plan' });
  timings['match'] = performance.now() - t;

  t = performance.now();
  const stackPairs = options.cloudformationDiff === false ? [] : pairStacks(before, after);
  const cfn = await cloudFormationFacts(stackPairs, bag);
  if (stackPairs.length) timings['cloudformation-diff'] = performance.now() - t;

  t = performance.now();
  const all = classifyPairs(pairs, { mode, before, after, cfn });
  const name = options.name ?? `diff: ${before.graph.name ?? before.info.name} → ${after.graph.name ?? after.info.name}`;
  const union = buildUnion(before, after, pairs, all, diffLabel, name);
  timings['classify'] = performance.now() - t;

  t = performance.now();
  // What moved to another container is placed afresh in it; everything else keeps its position.
  const moved = new Set(all.filter((c) => c.properties.some((p) => p.scope === 'placement')).map((c) => c.id));
  const layoutOptions = { ...options.layout, previous: withoutObjects(options.layout?.previous ?? before.blueprint, moved) };
  // As in convert: inputs that carry the author's geometry (draw.io) keep their arrangement.
  if (union.graph.resources.some((r) => r.hint) && layoutOptions.arrangement === undefined) layoutOptions.arrangement = 'source';
  let scene: Scene;
  try {
    scene = layout(union.graph, layoutOptions);
  } catch (err) {
    bag.error('internal-error', `internal error laying out the diff: ${err instanceof Error ? err.message : String(err)} (please report this with the inputs that caused it)`);
    return failure([...diagnostics, ...bag.items], mode, before.info, after.info, timings);
  }
  timings['layout'] = performance.now() - t;
  // Emit notes (dropped fields) were already reported by each side's own conversion.
  const blueprint = emitBlueprint(union.graph, scene, {
    name,
    ...(options.layout?.projection ? { projection: options.layout.projection } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
  });
  styleDiffBlueprint(blueprint, scene, union, { legend: options.legend !== false });
  const validation = validateBlueprint(blueprint);
  diagnostics.push(...bag.items);
  const changes = sortChanges(all.filter((c) => c.kind !== 'unchanged'));
  const edges = [...union.edges].sort(edgeOrder);
  const result: DiffResult = {
    ok: validation.ok, diagnostics, mode, before: before.info, after: after.info,
    drift: before.info.kind === 'snapshot' || after.info.kind === 'snapshot',
    changes, edges, summary: summarise(all, edges), timings,
  };
  if (validation.ok) result.blueprint = blueprint;
  else for (const d of validation.diagnostics) diagnostics.push({ ...d, reason: `diff blueprint is invalid: ${d.reason}`, ruleId: 'invalid-output' });
  return result;
}

/** A copy of `blueprint` without the objects of these resources (nor their labels). */
function withoutObjects(blueprint: Blueprint, ids: ReadonlySet<string>): Blueprint {
  if (ids.size === 0) return blueprint;
  const keep = (o: BlueprintObject) => !ids.has(o.id) && !(LABEL_ANCHOR_KEY && ids.has(o[LABEL_ANCHOR_KEY] as string));
  const data = { ...blueprint.data };
  for (const key of ['nodes', 'groups', 'text'] as const) if (Array.isArray(data[key])) data[key] = data[key].filter(keep);
  return { ...blueprint, data };
}

/** CloudFormation stacks present on both sides, paired by their key prefix (one stack each: '' and ''). */
function pairStacks(before: Side, after: Side): StackPair[] {
  if (before.family !== 'cloudformation' || after.family !== 'cloudformation') return [];
  const afterByPrefix = new Map(after.templates.map((t) => [t.prefix, t.stack]));
  const out: StackPair[] = [];
  for (const t of before.templates) {
    const other = afterByPrefix.get(t.prefix);
    if (other) out.push({ prefix: t.prefix, before: t.stack, after: other });
  }
  return out;
}

const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortChanges(changes: ResourceChange[]): ResourceChange[] {
  const rank = (c: ResourceChange) => CHANGE_ORDER.indexOf(c.kind) * 2 + (c.drawn ? 0 : 1);
  return changes.sort((x, y) => rank(x) - rank(y) || codePoint(x.key, y.key) || codePoint(x.id, y.id));
}

function edgeOrder(x: EdgeChange, y: EdgeChange): number {
  return codePoint(x.kind, y.kind) || codePoint(x.fromName, y.fromName) || codePoint(x.toName, y.toName) || codePoint(x.id, y.id);
}

export function emptySummary(): DiffSummary {
  return { added: 0, removed: 0, modified: 0, replaced: 0, unchanged: 0, notDrawn: 0, edgesAdded: 0, edgesRemoved: 0, changed: false };
}

/** A result that carries only its diagnostics. */
export function failure(diagnostics: Diagnostic[], mode: DiffResult['mode'], before: SideInfo, after: SideInfo, timings: Record<string, number>): DiffResult {
  return { ok: false, diagnostics, mode, before, after, drift: false, changes: [], edges: [], summary: emptySummary(), timings };
}

function summarise(all: readonly ResourceChange[], edges: readonly EdgeChange[]): DiffSummary {
  const s = emptySummary();
  for (const c of all) {
    s[c.kind]++;
    if (!c.drawn && c.kind !== 'unchanged') s.notDrawn++;
  }
  for (const e of edges) {
    if (e.kind === 'added') s.edgesAdded++;
    else s.edgesRemoved++;
  }
  s.changed = s.added + s.removed + s.modified + s.replaced + s.edgesAdded + s.edgesRemoved > 0;
  return s;
}

