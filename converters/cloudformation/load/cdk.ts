/**
 * CDK cloud assemblies (`cdk.out`): manifest.json lists stack artifacts (template file, stack
 * name, environment) and nested assemblies (CDK stages, in their own folder with their own
 * manifest). A project folder holding `cdk.out/` is accepted too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConvertContext } from '../../../src/converter.js';
import { InputError } from '../../../src/diagnostics.js';
import type { InputSource } from '../../../src/input.js';
import type { Reporter } from '../rules.js';
import { isPlainObject } from './template.js';

export interface CdkStack {
  source: InputSource;
  stackName: string;
  /** Construct path of the stack (`Stage/Stack`), stripped from `aws:cdk:path` metadata. */
  cdkPath: string;
  region?: string;
  /** The account of the stack's environment, when the app pins one. */
  account?: string;
  parameters: Map<string, string>;
}

/** The folder holding manifest.json: the input itself or its `cdk.out`. */
export function assemblyDir(dir: string): string | undefined {
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  if (existsSync(join(dir, 'cdk.out', 'manifest.json'))) return join(dir, 'cdk.out');
  return undefined;
}

/** `aws://123456789012/eu-west-1` → account and region; `unknown-account`/`unknown-region` are not values. */
function environment(env: unknown): { account?: string; region?: string } {
  const m = typeof env === 'string' ? /^aws:\/\/([^/]*)\/([^/]+)$/.exec(env) : null;
  if (!m) return {};
  const known = (v: string) => v !== '' && !v.startsWith('unknown-');
  return { ...(known(m[1]!) ? { account: m[1]! } : {}), ...(known(m[2]!) ? { region: m[2]! } : {}) };
}

/** Stacks of an assembly and of its nested assemblies, in manifest order. */
export function readCdkAssembly(input: InputSource, ctx: ConvertContext, reporter: Reporter, depth = 0): CdkStack[] {
  const dir = input.path ? assemblyDir(input.path) : undefined;
  if (!dir) {
    reporter.report('cdk-manifest', 'not a CDK cloud assembly: no manifest.json here or in cdk.out/ (run `cdk synth` first)', input.name);
    return [];
  }
  let manifestSource: InputSource;
  try {
    manifestSource = ctx.openRelative(input, join(dir, 'manifest.json'));
  } catch (err) {
    if (err instanceof InputError) reporter.report('cdk-manifest', `manifest.json: ${err.diagnostic.reason}`, input.name);
    else throw err;
    return [];
  }
  const manifest = manifestSource.json();
  if (!isPlainObject(manifest) || !isPlainObject(manifest['artifacts'])) {
    reporter.report('cdk-manifest', 'manifest.json is not a cloud assembly manifest (no artifacts)', manifestSource.name, { line: 1, column: 1 });
    return [];
  }
  const out: CdkStack[] = [];
  for (const [id, artifact] of Object.entries(manifest['artifacts'])) {
    if (!isPlainObject(artifact)) continue;
    const props = isPlainObject(artifact['properties']) ? artifact['properties'] : {};
    if (artifact['type'] === 'aws:cloudformation:stack' && typeof props['templateFile'] === 'string') {
      let source: InputSource;
      try {
        source = ctx.openRelative(manifestSource, props['templateFile']);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        reporter.report('cdk-manifest', `stack ${id}: ${err.diagnostic.reason}`, manifestSource.name);
        continue;
      }
      const parameters = new Map<string, string>();
      if (isPlainObject(props['parameters'])) {
        for (const [k, v] of Object.entries(props['parameters'])) if (typeof v === 'string') parameters.set(k, v);
      }
      out.push({
        source,
        stackName: typeof props['stackName'] === 'string' ? props['stackName'] : id,
        cdkPath: typeof artifact['displayName'] === 'string' ? artifact['displayName'] : id,
        ...environment(artifact['environment']),
        parameters,
      });
    } else if (artifact['type'] === 'cdk:cloud-assembly' && typeof props['directoryName'] === 'string' && depth < 8) {
      try {
        const nested = ctx.openRelative(manifestSource, props['directoryName']);
        out.push(...readCdkAssembly(nested, ctx, reporter, depth + 1));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        reporter.report('cdk-manifest', `nested assembly ${id}: ${err.diagnostic.reason}`, manifestSource.name);
      }
    }
  }
  if (depth === 0 && out.length === 0) reporter.report('cdk-no-stacks', 'the cloud assembly lists no CloudFormation stacks', manifestSource.name);
  return out;
}
