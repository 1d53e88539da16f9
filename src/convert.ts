/**
 * The pipeline: inputs → detect → converters → graph passes → layout → emit → validate →
 * report. Never throws for bad input: failures come back as `{ ok: false, diagnostics }`.
 */
import { dirname } from 'node:path';
import type { Blueprint } from './blueprint.js';
import type { ConvertContext, ConvertOptions, Converter, ConverterResult } from './converter.js';
import { createDiagnostic, DiagnosticBag, hasErrors, InputError, type Diagnostic } from './diagnostics.js';
import { emitBlueprint } from './emit/emit.js';
import { normalizeGraph } from './graph/normalize.js';
import type { Graph } from './graph/types.js';
import { openRelative, toInputSource, type InputLike, type InputSource } from './input.js';
import { layout } from './layout/index.js';
import type { LayoutOptions, Scene } from './layout/types.js';
import { detectConverter, explainRejection, getConverter, listConverters } from './registry.js';
import { buildReport, type Report } from './report.js';
import { validateBlueprint } from './validate/index.js';
import { ensureBuiltins } from './builtins.js';

export interface PipelineOptions extends ConvertOptions {
  layout?: LayoutOptions;
  theme?: 'light' | 'dark';
  /** Convert every page of multi-page inputs (draw.io) into its own blueprint (`result.pages`). */
  allPages?: boolean;
}

export interface ConvertResult {
  ok: boolean;
  blueprint?: Blueprint;
  report?: Report;
  diagnostics: Diagnostic[];
  graph?: Graph;
  scene?: Scene;
  /** With `allPages`: one blueprint per page, named after it. */
  pages?: { name: string; blueprint: Blueprint }[];
  /** Milliseconds per stage (converters may add their own, e.g. `cloudformation.parse`). */
  timings: Record<string, number>;
}

function fail(diagnostics: Diagnostic[], timings: Record<string, number>): ConvertResult {
  return { ok: false, diagnostics, timings };
}

function describeError(err: unknown, source: string, file?: string): Diagnostic {
  if (err instanceof InputError) return err.diagnostic;
  const message = err instanceof Error ? err.message : String(err);
  return createDiagnostic(`internal error: ${message} (please report this with the input that caused it)`,
    { ruleId: 'internal-error', source, ...(file ? { file } : {}) });
}

export async function convert(input: InputLike | readonly InputLike[], options: PipelineOptions = {}): Promise<ConvertResult> {
  await ensureBuiltins();
  const timings: Record<string, number> = {};
  const diagnostics: Diagnostic[] = [];
  const list = Array.isArray(input) ? input : [input as InputLike];
  if (list.length === 0) return fail([createDiagnostic('no input given', { ruleId: 'no-input', source: 'input' })], timings);

  let t = performance.now();
  const sources: InputSource[] = [];
  for (const item of list) {
    try {
      sources.push(toInputSource(item));
    } catch (err) {
      diagnostics.push(describeError(err, 'input'));
    }
  }
  if (hasErrors(diagnostics)) return fail(diagnostics, timings);

  // Group inputs by converter, keeping command-line order.
  const groups = new Map<Converter, InputSource[]>();
  for (const s of sources) {
    let converter: Converter | undefined;
    if (options.format) {
      converter = getConverter(options.format);
      if (!converter) {
        const known = listConverters().map((c) => c.name).join(', ');
        return fail([createDiagnostic(`unknown format ${JSON.stringify(options.format)}; known formats: ${known}`, { ruleId: 'unknown-format', source: 'input', file: s.name })], timings);
      }
    } else {
      converter = detectConverter(s)?.converter;
      if (!converter) {
        const why = explainRejection(s) ??
          `not a recognised input: expected a CloudFormation/SAM template (JSON or YAML), a cdk.out folder, a Terraform state or plan JSON, or a draw.io file (${listConverters().map((c) => c.name).join(', ')})`;
        diagnostics.push(createDiagnostic(why, { ruleId: 'unknown-format', source: 'input', file: s.name }));
        continue;
      }
    }
    groups.set(converter, [...(groups.get(converter) ?? []), s]);
  }
  if (hasErrors(diagnostics)) return fail(diagnostics, timings);
  timings['load'] = performance.now() - t;

  const roots = sources.map((s) => (s.kind === 'directory' ? s.path! : s.path ? dirname(s.path) : process.cwd()));
  if (options.templateDir) roots.push(options.templateDir);
  const ctx: ConvertContext = { options, openRelative: (from, ref) => openRelative(from, ref, roots) };

  const graphs: Graph[] = [];
  let pages: { name: string; graph: Graph }[] | undefined;
  for (const [converter, inputs] of groups) {
    t = performance.now();
    let result: ConverterResult;
    try {
      result = await converter.parse(inputs, ctx);
    } catch (err) {
      diagnostics.push(describeError(err, converter.name, inputs[0]?.name));
      continue;
    }
    timings[converter.name] = performance.now() - t;
    for (const [k, v] of Object.entries(result.timings ?? {})) timings[`${converter.name}.${k}`] = v;
    diagnostics.push(...result.diagnostics);
    graphs.push(result.graph);
    if (result.pages) pages = result.pages;
  }
  if (hasErrors(diagnostics)) return fail(diagnostics, timings);

  const rendered = render(graphs, options, timings);
  diagnostics.push(...rendered.diagnostics);
  if (!rendered.blueprint) return fail(diagnostics, timings);
  const result: ConvertResult = {
    ok: true, blueprint: rendered.blueprint, report: rendered.report, diagnostics, graph: rendered.graph, scene: rendered.scene, timings,
  };
  if (options.allPages && pages && pages.length > 0) {
    result.pages = [];
    for (const p of pages) {
      const r = render([p.graph], { ...options, name: options.name ? `${options.name} - ${p.name}` : p.name }, {});
      diagnostics.push(...r.diagnostics);
      if (!r.blueprint) return fail(diagnostics, timings);
      result.pages.push({ name: p.name, blueprint: r.blueprint });
    }
  }
  result.report!.inputs = sources.map((s) => s.name);
  result.report!.formats = [...groups.keys()].map((c) => c.name);
  return result;
}

interface Rendered {
  blueprint?: Blueprint;
  report?: Report;
  graph: Graph;
  scene?: Scene;
  diagnostics: Diagnostic[];
}

/** Graph passes, layout, emit and validation for one blueprint. */
function render(graphs: Graph[], options: PipelineOptions, timings: Record<string, number>): Rendered {
  const bag = new DiagnosticBag('graph');
  let t = performance.now();
  const graph = normalizeGraph(graphs, {
    ...(options.includeTypes ? { includeTypes: options.includeTypes } : {}),
    ...(options.excludeTypes ? { excludeTypes: options.excludeTypes } : {}),
    ...(options.name !== undefined ? { name: options.name } : {}),
  }, bag);
  timings['graph'] = performance.now() - t;

  t = performance.now();
  const layoutOptions: LayoutOptions = { ...options.layout };
  if (graph.resources.some((r) => r.hint) && layoutOptions.arrangement === undefined) layoutOptions.arrangement = 'source';
  let scene: Scene;
  try {
    scene = layout(graph, layoutOptions);
  } catch (err) {
    return { graph, diagnostics: [...bag.items, describeError(err, 'layout')] };
  }
  timings['layout'] = performance.now() - t;

  t = performance.now();
  const emitBag = new DiagnosticBag('emit');
  const blueprint = emitBlueprint(graph, scene, {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.layout?.projection ? { projection: options.layout.projection } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
  }, emitBag);
  timings['emit'] = performance.now() - t;

  t = performance.now();
  const validation = validateBlueprint(blueprint);
  timings['validate'] = performance.now() - t;
  const diagnostics = [...bag.items, ...emitBag.items];
  if (!validation.ok) {
    // Our own output failed our own schema: a bug, reported as such, and nothing is written.
    for (const d of validation.diagnostics) diagnostics.push({ ...d, reason: `generated blueprint is invalid: ${d.reason}`, ruleId: 'invalid-output' });
    return { graph, scene, diagnostics };
  }
  diagnostics.push(...validation.diagnostics);
  const report = buildReport(graph, [], [], { nodes: scene.nodes.length, groups: scene.groups.length, edges: blueprint.data.edges.length });
  return { blueprint, report, graph, scene, diagnostics };
}
