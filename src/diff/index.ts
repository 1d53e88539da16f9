/**
 * `diff(before, after)`: what a change does to the architecture. Each side is any input we
 * convert, a blueprint or a live-account snapshot; `diffPlan(plan)` reads a Terraform plan's own
 * actions. Like `convert`, it never throws for bad input: `{ ok: false, diagnostics }`.
 *
 *   const result = await diff('base/template.yaml', 'head/template.yaml');
 *   process.stdout.write(formatDiffMarkdown(result));
 */
import type { PipelineOptions } from '../convert.js';
import { DiagnosticBag, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { InputLike } from '../input.js';
import { compare, failure } from './compare.js';
import { loadSide, type Side } from './side.js';
import type { DiffOptions, DiffResult, SideInfo } from './types.js';

export * from './types.js';
export { DIFF_COLOURS, DIFF_MARKS, diffLabel } from './style.js';

const nameOf = (input: InputLike): string => (typeof input === 'string' ? input : 'name' in input && typeof input.name === 'string' ? input.name : '<input>');

function sideOptions(options: DiffOptions, own: PipelineOptions | undefined): PipelineOptions {
  const { beforeOptions: _b, afterOptions: _a, legend: _l, cloudformationDiff: _c, ...common } = options;
  return { ...common, ...own };
}

async function timed<T>(timings: Record<string, number>, stage: string, run: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await run();
  timings[stage] = performance.now() - t;
  return out;
}

/** Compares two inputs. */
export async function diff(before: InputLike, after: InputLike, options: DiffOptions = {}): Promise<DiffResult> {
  return guarded('sides', before, () => diffSides(before, after, options));
}

/** A Terraform plan's own actions: its prior state against its planned state. */
export async function diffPlan(plan: InputLike, options: DiffOptions = {}): Promise<DiffResult> {
  return guarded('plan', plan, () => diffOnePlan(plan, options));
}

/** Like convert, never throws: a bug surfaces as an `internal-error` diagnostic. */
async function guarded(mode: DiffResult['mode'], input: InputLike, run: () => Promise<DiffResult>): Promise<DiffResult> {
  try {
    return await run();
  } catch (err) {
    const bag = new DiagnosticBag('diff');
    bag.error('internal-error', `internal error: ${err instanceof Error ? err.message : String(err)} (please report this with the inputs that caused it)`);
    const info: SideInfo = { name: nameOf(input), kind: 'unknown', resources: 0 };
    return failure(bag.items, mode, info, info, {});
  }
}

async function diffSides(before: InputLike, after: InputLike, options: DiffOptions): Promise<DiffResult> {
  const timings: Record<string, number> = {};
  const b = await timed(timings, 'before', () => loadSide(before, 'before', sideOptions(options, options.beforeOptions)));
  const a = await timed(timings, 'after', () => loadSide(after, 'after', sideOptions(options, options.afterOptions)));
  const diagnostics = unique([...b.diagnostics, ...a.diagnostics]);
  const info = (s: Side | undefined, input: InputLike): SideInfo => s?.info ?? { name: nameOf(input), kind: 'unknown', resources: 0 };
  if (!b.side || !a.side || hasErrors(diagnostics)) return failure(diagnostics, 'sides', info(b.side, before), info(a.side, after), timings);
  return compare(b.side, a.side, 'sides', options, diagnostics, timings);
}

/** What a side that is not a plan is, for the message that asks for two inputs. */
const KIND_NAMES: Record<string, string> = {
  cloudformation: 'a CloudFormation template', terraform: 'a Terraform state', drawio: 'a draw.io diagram', blueprint: 'a blueprint', snapshot: 'a live snapshot',
};

async function diffOnePlan(plan: InputLike, options: DiffOptions): Promise<DiffResult> {
  const timings: Record<string, number> = {};
  const b = await timed(timings, 'before', () => loadSide(plan, 'before', sideOptions(options, options.beforeOptions)));
  const unknown: SideInfo = { name: nameOf(plan), kind: 'unknown', resources: 0 };
  if (!b.side || hasErrors(b.diagnostics)) return failure(b.diagnostics, 'plan', b.side?.info ?? unknown, b.side?.info ?? unknown, timings);
  if (b.side.info.kind !== 'plan') {
    const bag = new DiagnosticBag('diff', b.side.info.name);
    const what = KIND_NAMES[b.side.info.kind] ?? `a ${b.side.info.kind} input`;
    bag.error('diff-not-a-plan', `one input is compared only when it is a Terraform plan (it holds both sides); this is ${what}: give a before and an after input`);
    return failure([...b.diagnostics, ...bag.items], 'plan', b.side.info, b.side.info, timings);
  }
  const a = await timed(timings, 'after', () => loadSide(plan, 'after', sideOptions(options, options.afterOptions)));
  // Both views of one file repeat the same notes; keep each once.
  const diagnostics = unique([...b.diagnostics, ...a.diagnostics]);
  if (!a.side || hasErrors(diagnostics)) return failure(diagnostics, 'plan', b.side.info, a.side?.info ?? b.side.info, timings);
  return compare(b.side, a.side, 'plan', options, diagnostics, timings);
}

/** Run-wide notes both sides raise (the default region) are shown once. */
function unique(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = JSON.stringify(d);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The machine-readable report (`--json`): everything but the blueprint and the timings, so it is byte-stable. */
export function diffReport(r: DiffResult): Omit<DiffResult, 'blueprint' | 'timings'> {
  const { blueprint: _blueprint, timings: _timings, ...rest } = r;
  return rest;
}

export { formatDiffText, type TextReportOptions } from './report-text.js';
export { formatDiffMarkdown, type MarkdownReportOptions } from './report-markdown.js';
