/**
 * The CloudFormation conversion: read every input (templates, cdk.out folders), build a stack
 * per template with the user's parameters, load nested stacks, evaluate, and map to the graph.
 * Times each stage for the benchmark.
 */
import { basename, dirname } from 'node:path';
import type { ConvertContext, ConverterResult } from '../../src/converter.js';
import { emptyGraph } from '../../src/graph/types.js';
import type { InputSource } from '../../src/input.js';
import { DEFAULT_REGION } from './eval/pseudo.js';
import type { Value } from './eval/values.js';
import { readCdkAssembly } from './load/cdk.js';
import { loadTemplate, type LoadedTemplate } from './load/template.js';
import { buildGraph, orderedStacks } from './map/build.js';
import { Reporter } from './rules.js';
import { readParametersFile } from './stack/parameters.js';
import { Stack } from './stack/stack.js';
import { World } from './stack/world.js';

interface Root {
  loaded: LoadedTemplate;
  name: string;
  region?: string;
  /** The account a CDK environment pins. */
  account?: string;
  /** AWS::StackName given with --stack-name (addresses keep the file name, so ids do not change). */
  deployedName?: string;
  cdkPath?: string;
  params: ReadonlyMap<string, string>;
}

const NESTED_TYPES = new Set(['AWS::CloudFormation::Stack', 'AWS::Serverless::Application']);

/** `network.template.yaml` → `network`; `<stdin>` → `stdin`. */
export function stackNameOf(input: InputSource): string {
  const base = basename(input.name).replace(/^<(.*)>$/, '$1');
  const name = base.replace(/(\.template)?\.(ya?ml|json|template|txt)$/i, '').replace(/\.template$/i, '');
  return name || 'template';
}

function blueprintName(inputs: readonly InputSource[], roots: Root[]): string | undefined {
  if (inputs.length === 1 && inputs[0]!.kind === 'directory') {
    const dir = inputs[0]!.path ?? inputs[0]!.name;
    const base = basename(dir);
    return base === 'cdk.out' ? basename(dirname(dir)) : base;
  }
  const names = roots.map((r) => r.name);
  return names.length ? names.join(', ') : undefined;
}

function userParameters(ctx: ConvertContext, reporter: Reporter): Map<string, string> {
  const given = new Map<string, string>();
  const file = ctx.options.parametersFile;
  if (file) for (const [k, v] of readParametersFile(file, reporter) ?? []) given.set(k, v);
  for (const [k, v] of Object.entries(ctx.options.params ?? {})) given.set(k, String(v));
  return given;
}

/** `--account-id`: the only account id identity facts (ARNs) may use; a malformed one is an error. */
function accountIdOption(ctx: ConvertContext, reporter: Reporter): string | undefined {
  const raw = ctx.options['accountId'];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const id = String(raw).trim();
  if (/^\d{12}$/.test(id)) return id;
  reporter.report('account-id', `--account-id ${JSON.stringify(String(raw))} is not a 12-digit AWS account id`, undefined);
  return undefined;
}

/** `--stack-name` names the one template given; CDK stacks and several inputs keep their own names. */
function stackNameOption(ctx: ConvertContext, roots: Root[], reporter: Reporter): void {
  const name = ctx.options['stackName'];
  if (typeof name !== 'string' || name.trim() === '') return;
  if (roots.length !== 1 || roots[0]!.cdkPath !== undefined) {
    reporter.report('stack-name-ignored', `--stack-name ${name} is ignored: ${roots.length !== 1 ? `${roots.length} stacks were given` : 'a CDK app names its own stacks'}`, undefined);
    return;
  }
  roots[0]!.deployedName = name.trim();
}

export function parseCloudFormation(inputs: readonly InputSource[], ctx: ConvertContext): ConverterResult {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const reporter = new Reporter();
  const world = new World(ctx, reporter);
  const given = userParameters(ctx, reporter);
  const accountId = accountIdOption(ctx, reporter);

  const roots: Root[] = [];
  const seen = new Set<string>();
  const addRoot = (source: InputSource, root: Omit<Root, 'loaded'>) => {
    if (source.path) {
      if (seen.has(source.path)) {
        reporter.report('duplicate-stack', `${source.name} was given more than once; converted once`, source.name);
        return;
      }
      seen.add(source.path);
    }
    const loaded = loadTemplate(source, reporter);
    if (!loaded) return;
    if (source.path) world.templates.set(source.path, loaded);
    roots.push({ loaded, ...root });
  };
  for (const input of inputs) {
    if (input.kind === 'directory') {
      for (const s of readCdkAssembly(input, ctx, reporter)) {
        addRoot(s.source, { name: s.stackName, cdkPath: s.cdkPath, params: s.parameters, ...(s.region ? { region: s.region } : {}), ...(s.account ? { account: s.account } : {}) });
      }
    } else {
      addRoot(input, { name: stackNameOf(input), params: new Map() });
    }
  }
  timings['parse'] = performance.now() - t;
  stackNameOption(ctx, roots, reporter);
  const name = blueprintName(inputs, roots);
  if (reporter.items.some((d) => d.severity === 'error')) return { graph: emptyGraph(name), diagnostics: reporter.items, timings };

  t = performance.now();
  if (!ctx.options.region && roots.some((r) => !r.region)) {
    reporter.report('default-region', `no --region given: AWS::Region is ${DEFAULT_REGION}`, undefined);
  }
  const used = new Map<string, number>();
  const stacks = roots.map((r) => {
    const n = (used.get(r.name) ?? 0) + 1;
    used.set(r.name, n);
    const stackName = n === 1 ? r.name : `${r.name}-${n}`;
    const params = new Map<string, Value>([...r.params, ...given]);
    const account = accountId ?? r.account;
    const stack = new Stack(world, {
      loaded: r.loaded, name: r.deployedName ?? stackName, path: stackName, region: ctx.options.region ?? r.region ?? DEFAULT_REGION, given: params,
      regionGiven: (ctx.options.region ?? r.region) !== undefined,
      ...(account ? { accountId: account } : {}),
      ...(r.cdkPath !== undefined ? { cdkPath: r.cdkPath } : {}),
    });
    world.register(stack);
    return stack;
  });
  // Load nested stacks breadth first (world.stacks grows as children are found).
  for (let i = 0; i < world.stacks.length; i++) {
    const s = world.stacks[i]!;
    for (const decl of s.resources.values()) if (NESTED_TYPES.has(decl.type)) world.nested(s, decl.logicalId);
  }
  const drawnRoots = stacks.filter((s) => {
    const nested = s.source.path !== undefined && world.nestedPaths.has(s.source.path);
    if (nested) reporter.report('duplicate-stack', `${s.file} is also a nested stack of another input; it is drawn there, with its parent's parameters`, s.file);
    return !nested;
  });
  for (const s of orderedStacks(world, drawnRoots)) {
    for (const decl of s.resources.values()) if (s.active(decl).value !== false) s.properties(decl.logicalId);
  }
  for (const key of given.keys()) {
    if (!stacks.some((s) => s.declaresParameter(key))) {
      reporter.report('unknown-parameter', `parameter ${key} (--param / --parameters-file) is not declared by any input template`, ctx.options.parametersFile && !ctx.options.params?.[key] ? ctx.options.parametersFile : undefined);
    }
  }
  timings['evaluate'] = performance.now() - t;

  t = performance.now();
  const graph = buildGraph(world, drawnRoots, name);
  timings['map'] = performance.now() - t;
  return { graph, diagnostics: reporter.items, timings };
}
