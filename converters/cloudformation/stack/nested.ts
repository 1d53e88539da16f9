/**
 * Nested stacks (AWS::CloudFormation::Stack) and SAM applications (AWS::Serverless::Application):
 * a local TemplateURL/Location (relative to the parent) or a CDK `aws:asset:path` is loaded with
 * the parameters the parent passes; an S3/https URL is looked up by file name in --template-dir;
 * anything else stays one stack node. Cycles are errors, paths leaving the input folders refused.
 */
import { basename, join, resolve } from 'node:path';
import { InputError } from '../../../src/diagnostics.js';
import type { InputSource } from '../../../src/input.js';
import { scalarText, type Value } from '../eval/values.js';
import { isPlainObject, loadTemplate } from '../load/template.js';
import { Stack, type ResourceDecl } from './stack.js';
import type { World } from './world.js';

type Located = { source: InputSource } | { remote: string } | undefined;

const REMOTE = /^(https?|s3):\/\//i;

/** File name at the end of an S3/https URL (`…/stacks/vpc.yaml?versionId=1` → `vpc.yaml`). */
export function urlFileName(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function templateRef(decl: ResourceDecl, props: Record<string, Value>): { ref: string | undefined; why?: string } {
  const meta = decl.raw['Metadata'];
  const asset = isPlainObject(meta) ? meta['aws:asset:path'] : undefined;
  if (typeof asset === 'string') return { ref: asset };
  const key = decl.type === 'AWS::Serverless::Application' ? 'Location' : 'TemplateURL';
  const value = props[key];
  if (isPlainObject(value)) return { ref: undefined, why: 'it is a Serverless Application Repository application' };
  const text = scalarText(value);
  if (text === undefined) return { ref: undefined, why: `its ${key} is built from values unknown offline` };
  return { ref: text };
}

function locate(world: World, parent: Stack, decl: ResourceDecl, ref: string, kind: string): Located {
  const at = parent.positions.keyOf(decl.raw, 'Properties') ?? decl.at;
  const open = (target: string, missingIsRemote: boolean): Located => {
    try {
      return { source: world.ctx.openRelative(parent.source, target) };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      if (err.diagnostic.ruleId === 'path-escape') {
        world.reporter.report('path-escape', `${kind} ${decl.logicalId}: ${err.diagnostic.reason}`, parent.file, at);
        return undefined;
      }
      if (missingIsRemote) return { remote: ref };
      world.reporter.report('nested-stack-missing', `${kind} ${decl.logicalId}: template ${JSON.stringify(ref)} not found next to ${basename(parent.file)}; drawn as one stack`, parent.file, at);
      return undefined;
    }
  };
  if (REMOTE.test(ref)) {
    const dir = world.ctx.options.templateDir;
    if (!dir) return { remote: ref };
    return open(resolve(join(dir, urlFileName(ref))), true);
  }
  if (ref.includes('{{resolve:')) return { remote: ref };
  if (parent.source.kind !== 'file' && parent.source.kind !== 'directory') return { remote: ref };
  return open(ref, false);
}

/** Loads the stack behind `logicalId` of `parent`, or reports why it stays a single node. */
export function loadNestedStack(world: World, parent: Stack, logicalId: string): Stack | undefined {
  const decl = parent.resources.get(logicalId);
  if (!decl) return undefined;
  if (parent.active(decl).value === false) return undefined;
  const props = parent.properties(logicalId);
  const { ref, why } = templateRef(decl, props);
  const at = decl.at;
  const kind = decl.type === 'AWS::Serverless::Application' ? 'application' : 'nested stack';
  if (ref === undefined) {
    world.reporter.report('nested-stack-remote', `${kind} ${logicalId}: ${why}; drawn as one stack`, parent.file, at);
    return undefined;
  }
  const located = locate(world, parent, decl, ref, kind);
  if (!located) return undefined;
  if ('remote' in located) {
    world.reporter.report('nested-stack-remote', world.ctx.options.templateDir
      ? `${kind} ${logicalId}: ${urlFileName(located.remote)} (from ${located.remote}) is not in --template-dir; drawn as one stack`
      : `${kind} ${logicalId} comes from ${located.remote}; drawn as one stack (download it and pass --template-dir to expand it)`, parent.file, at);
    return undefined;
  }
  const path = located.source.path;
  for (let s: Stack | undefined = parent; s; s = s.parent?.stack) {
    if (path && s.source.path === path) {
      world.reporter.report('nested-stack-cycle', `nested stack ${logicalId} includes ${located.source.name}, which is already one of its parents (${chain(parent)})`, parent.file, at);
      return undefined;
    }
  }
  let loaded = path ? world.templates.get(path) : undefined;
  if (loaded === undefined) {
    loaded = loadTemplate(located.source, world.reporter) ?? null;
    if (path) world.templates.set(path, loaded);
  }
  if (!loaded) {
    world.reporter.report('nested-stack-failed', `nested stack ${logicalId}: ${located.source.name} could not be read (see its errors)`, parent.file, at);
    return undefined;
  }
  if (path) world.nestedPaths.add(path);
  const given = new Map<string, Value>();
  const params = props['Parameters'];
  if (isPlainObject(params)) for (const [k, v] of Object.entries(params)) given.set(k, v);
  const cdkPath = parent.cdkPath !== undefined ? childCdkPath(parent, decl) : undefined;
  const child = new Stack(world, {
    loaded,
    // CDK nested stacks are named by their construct id (`PhotoApp-Search`), others by logical id.
    name: `${parent.name}-${cdkPath?.split('/').pop() || logicalId}`,
    path: `${parent.path}/${logicalId}`,
    region: parent.region,
    regionGiven: parent.regionGiven,
    ...(parent.accountId ? { accountId: parent.accountId } : {}),
    given,
    parent: { stack: parent, logicalId },
    ...(cdkPath !== undefined ? { cdkPath } : {}),
  });
  world.register(child);
  return child;
}

function chain(stack: Stack): string {
  const names: string[] = [];
  for (let s: Stack | undefined = stack; s; s = s.parent?.stack) names.unshift(basename(s.file));
  return names.join(' → ');
}

/** CDK construct path of a nested stack: its resource's path minus the `.NestedStack/…` suffix. */
function childCdkPath(parent: Stack, decl: ResourceDecl): string {
  const meta = decl.raw['Metadata'];
  const p = isPlainObject(meta) ? meta['aws:cdk:path'] : undefined;
  if (typeof p !== 'string') return parent.cdkPath ?? '';
  return p.replace(/\.NestedStack\/.*$/, '').replace(/\/Resource$/, '');
}
