/** Helpers for the CloudFormation converter tests: parse text (or files) and read the graph. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCloudFormation } from '../../converters/cloudformation/convert.js';
import { Evaluator } from '../../converters/cloudformation/eval/evaluator.js';
import type { Value } from '../../converters/cloudformation/eval/values.js';
import { loadTemplate } from '../../converters/cloudformation/load/template.js';
import { Reporter } from '../../converters/cloudformation/rules.js';
import { Stack } from '../../converters/cloudformation/stack/stack.js';
import { World } from '../../converters/cloudformation/stack/world.js';
import type { ConvertContext, ConvertOptions, ConverterResult } from '../../src/converter.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { foldEdges } from '../../src/graph/normalize.js';
import type { Graph, Resource } from '../../src/graph/types.js';
import { inputFromPath, inputFromText, openRelative, type InputSource } from '../../src/input.js';

export function context(options: ConvertOptions = {}, roots: string[] = []): ConvertContext {
  const all = options.templateDir ? [...roots, options.templateDir] : roots;
  return { options, openRelative: (from, ref) => openRelative(from, ref, all) };
}

/** Converts template text(s) or file paths with the CloudFormation converter only. */
export function convertCfn(inputs: string | (string | InputSource)[], options: ConvertOptions = {}): ConverterResult {
  const list = (Array.isArray(inputs) ? inputs : [inputs]).map((i, n) =>
    typeof i !== 'string' ? i : /\n|^\s*[{]/.test(i) ? inputFromText(i, n === 0 ? 'template.yaml' : `template${n + 1}.yaml`) : inputFromPath(i));
  const roots = list.map((s) => (s.path ? (s.kind === 'directory' ? s.path : dirname(s.path)) : process.cwd()));
  return parseCloudFormation(list, context(options, roots));
}

/** The graph after folding (what layout would see), with readable lookups. */
export function view(result: ConverterResult) {
  const folded: Graph = foldEdges(result.graph);
  const byId = new Map(folded.resources.map((r) => [r.id, r]));
  const name = (id: string | undefined) => (id ? byId.get(id)?.name ?? `?${id.slice(0, 8)}` : undefined);
  return {
    graph: folded,
    raw: result.graph,
    diagnostics: result.diagnostics,
    resource(n: string): Resource {
      const r = folded.resources.find((x) => x.name === n);
      if (!r) throw new Error(`no drawn resource named ${n}: ${folded.resources.map((x) => x.name).join(', ')}`);
      return r;
    },
    has: (n: string) => folded.resources.some((x) => x.name === n),
    omitted: (logicalId: string) => result.graph.omitted.find((o) => o.address.endsWith(`/${logicalId}`)),
    /** `From -kind-> To` strings, sorted. */
    edges: () => folded.edges.map((e) => `${name(e.from)} -${e.kind}-> ${name(e.to)}`).sort(),
    /** Readable containment of a drawn resource. */
    where(n: string) {
      const c = this.resource(n).in;
      return {
        ...(c.vpc ? { vpc: name(c.vpc) } : {}),
        ...(c.zone ? { zone: c.zone } : {}),
        ...(c.subnets ? { subnets: c.subnets.map(name) } : {}),
        ...(c.securityGroups ? { securityGroups: c.securityGroups.map(name) } : {}),
        ...(c.asg ? { asg: name(c.asg) } : {}),
        ...(c.parent ? { parent: name(c.parent) } : {}),
      };
    },
  };
}

export function rules(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.ruleId);
}

export function find(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic | undefined {
  return diagnostics.find((d) => d.ruleId === ruleId);
}

/**
 * Evaluates one single-line YAML expression as a resource property, in a template whose other
 * sections (Parameters, Mappings, Conditions) and extra resources (indented two spaces) are given.
 */
export function evaluateIn(expression: string, sections = '', options: ConvertOptions = {}, resources = ''): { value: Value; diagnostics: Diagnostic[] } {
  const text = `${sections}\nResources:\n  Subject:\n    Type: AWS::S3::Bucket\n    Properties:\n      Value: ${expression}\n${resources}`;
  const { stack, reporter } = stackOf(text, options);
  const value = stack.properties('Subject')['Value'];
  return { value, diagnostics: reporter.items };
}

/** A stack evaluator for direct calls (Evaluator.condition etc.). */
export function stackOf(text: string, options: ConvertOptions = {}): { stack: Stack; ev: Evaluator; reporter: Reporter } {
  const reporter = new Reporter();
  const world = new World(context(options), reporter);
  const loaded = loadTemplate(inputFromText(text, 'stack.yaml'), reporter);
  if (!loaded) throw new Error(reporter.items.map((d) => d.reason).join('; '));
  const stack = new Stack(world, { loaded, name: 'stack', path: 'stack', region: options.region ?? 'us-east-1', given: new Map(Object.entries(options.params ?? {})) });
  world.register(stack);
  return { stack, ev: stack.ev, reporter };
}

export const SAMPLES = fileURLToPath(new URL('../../samples/cloudformation', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/cloudformation', import.meta.url));
