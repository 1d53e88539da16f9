/**
 * The Terraform converter's parse step (loaded lazily by index.ts): classify each input, read
 * it into instance records, then build one graph over all inputs so cross-file ids resolve.
 */
import { basename } from 'node:path';
import type { ConvertContext, ConverterResult } from '../../src/converter.js';
import { DiagnosticBag } from '../../src/diagnostics.js';
import type { InputSource } from '../../src/input.js';
import { buildGraph } from './build.js';
import { isRecord } from './instance.js';
import { firstJsonError, pointAt } from './json-locate.js';
import type { ReadResult } from './model.js';
import { positionIndex } from './positions.js';
import { readPlan, type PlanView } from './read-plan.js';
import { emptyResult, readShowState, readStateV3, readStateV4, type ReadContext } from './read-state.js';
import { classify } from './sniff.js';

export interface TerraformOptions {
  includeData: boolean;
  collapseInstances: boolean;
  planView: PlanView;
}

/** Converter options from ConvertOptions (camelCase CLI keys); an invalid plan view is reported. */
export function terraformOptions(options: Record<string, unknown>, bag: DiagnosticBag): TerraformOptions {
  const view = options['planView'];
  if (view !== undefined && view !== 'after' && view !== 'before') {
    bag.error('terraform-option', `--plan-view must be "after" or "before", not ${JSON.stringify(String(view))}`);
  }
  return { includeData: options['includeData'] === true, collapseInstances: options['collapseInstances'] === true, planView: view === 'before' ? 'before' : 'after' };
}

/** A blueprint name from the file: `prod.tfstate` → prod, `plan.json` → plan. */
function nameOf(input: InputSource): string {
  if (input.name.startsWith('<')) return 'terraform';
  const base = basename(input.name).replace(/(\.backup)?$/, '').replace(/\.(tfstate|json|tfplan)$/i, '');
  return base || 'terraform';
}

export function parseTerraform(inputs: readonly InputSource[], ctx: ConvertContext): ConverterResult {
  // Run-wide notes name the file when there is only one.
  const diagnostics = inputs.length === 1 ? new DiagnosticBag('terraform', inputs[0]!.name) : new DiagnosticBag('terraform');
  const options = terraformOptions(ctx.options, diagnostics);
  const timings: Record<string, number> = {};
  const reads: ReadResult[] = [];
  const locators = new Map<string, (pointer: string) => { line: number; column: number } | undefined>();
  let order = 0;
  let t = performance.now();

  for (const input of inputs) {
    const bag = new DiagnosticBag('terraform', input.name);
    const cls = classify(input);
    if ('message' in cls) {
      bag.error(cls.ruleId, cls.message, { line: 1, column: 1 });
      diagnostics.items.push(...bag.items);
      continue;
    }
    if (cls.kind === 'invalid-json') {
      // Our own wording: V8's message quotes the surrounding text, which may hold a secret.
      const text = input.text();
      const at = firstJsonError(text);
      const what = at >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[at])}`;
      bag.error('terraform-json-syntax', `not valid JSON: ${what}`, pointAt(text, at));
      diagnostics.items.push(...bag.items);
      continue;
    }
    const doc = input.json();
    const locate = positionIndex(input.kind === 'object' ? '' : input.text(), input.kind === 'object' ? 'empty' : cls.kind);
    locators.set(input.name, locate);
    const rctx: ReadContext = { file: input.name, bag, next: () => order++, place: (p) => locate(p) };
    const record = isRecord(doc) ? doc : {};
    let read: ReadResult;
    switch (cls.kind) {
      case 'state-v4': read = readStateV4(record, rctx); break;
      case 'state-v3': read = readStateV3(record, rctx); break;
      case 'show-state': read = readShowState(record, rctx); break;
      case 'plan': read = readPlanChecked(record, rctx, options.planView); break;
      default: read = emptyResult('show-state');
    }
    if (read.instances.length === 0 && read.empty.length === 0 && read.absent.length === 0) {
      bag.warn('terraform-empty', `no resources in this ${read.kind === 'plan' ? 'plan' : 'state'}; the blueprint is empty`);
    }
    if (read.deposed > 0) {
      bag.info('terraform-deposed', `${read.deposed} deposed object${read.deposed === 1 ? '' : 's'} (left over from create_before_destroy replacements) not drawn`);
    }
    reads.push(read);
    diagnostics.items.push(...bag.items);
  }
  timings['read'] = performance.now() - t;
  if (diagnostics.items.some((d) => d.severity === 'error')) {
    return { graph: { resources: [], edges: [], omitted: [] }, diagnostics: diagnostics.items, timings };
  }

  t = performance.now();
  const graph = buildGraph(reads, {
    includeData: options.includeData,
    collapseInstances: options.collapseInstances,
    region: typeof ctx.options.region === 'string' ? ctx.options.region : undefined,
    prefixFiles: inputs.length > 1,
    name: inputs.length === 1 ? nameOf(inputs[0]!) : 'terraform',
  }, (file, pointer) => locators.get(file)?.(pointer), diagnostics);
  timings['build'] = performance.now() - t;
  return { graph, diagnostics: diagnostics.items, timings };
}

function readPlanChecked(doc: Record<string, unknown>, ctx: ReadContext, view: PlanView): ReadResult {
  const version = typeof doc['format_version'] === 'string' ? doc['format_version'] : '';
  const major = Number(version.split('.')[0]);
  if (Number.isFinite(major) && major > 1) {
    ctx.bag.warn('terraform-format-version', `plan format_version ${version} is newer than this converter knows (0.x – 1.x); reading it anyway`, ctx.place('/format_version'), { pointer: '/format_version' });
  }
  if (doc['errored'] === true) ctx.bag.warn('terraform-plan-errored', 'this plan errored; it may be incomplete');
  return readPlan(doc, ctx, view);
}
