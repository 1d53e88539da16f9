/**
 * State readers: v4 (Terraform 0.12 – 1.x), v3 (0.7 – 0.11, flat attributes and module path
 * arrays) and `terraform show -json` of a state (`values.root_module` with nested
 * `child_modules`). Each yields instance records; nothing is mapped here.
 */
import type { DiagnosticBag } from '../../src/diagnostics.js';
import { AddressError, parseResourceAddress, parseV3Key, tokenize, type IndexKey, type ModuleStep } from './address.js';
import { expandFlatmap } from './flatmap.js';
import { absolute, isRecord, makeInstance, resourceNames, stringList } from './instance.js';
import { pointerOf } from './json-locate.js';
import type { Mode, ReadResult } from './model.js';
import { redactMirror, redactPaths } from './sensitive.js';

export interface ReadContext {
  file: string;
  bag: DiagnosticBag;
  /** Running order across inputs. */
  next(): number;
  /** Position of a pointer in the file, when known. */
  place(pointer: string): { line: number; column: number } | undefined;
}

export function emptyResult(kind: ReadResult['kind']): ReadResult {
  return { kind, instances: [], empty: [], absent: [], deposed: 0 };
}

/** `module.a["k"].module.b` → module steps; undefined (with a warning) when unreadable. */
export function parseModulePath(text: unknown, ctx: ReadContext, pointer: string): ModuleStep[] | undefined {
  if (text === undefined || text === null || text === '') return [];
  if (typeof text !== 'string') return undefined;
  try {
    const probe = parseResourceAddress(`${text}.x.y`);
    return probe.modules;
  } catch (err) {
    warnAddress(ctx, pointer, text, err);
    return undefined;
  }
}

function warnAddress(ctx: ReadContext, pointer: string, text: string, err: unknown): void {
  const where = err instanceof AddressError ? ` (at character ${err.offset + 1})` : '';
  ctx.bag.warn('terraform-bad-address', `cannot read the address ${JSON.stringify(truncate(text))}${where}; the resource is left out`,
    ctx.place(pointer), { pointer });
}

function truncate(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

function modeOf(x: unknown): Mode {
  return x === 'data' ? 'data' : 'managed';
}

function validName(x: unknown): x is string {
  if (typeof x !== 'string' || x === '') return false;
  try {
    return tokenize(x).length === 1;
  } catch {
    return false;
  }
}

function indexKey(x: unknown): IndexKey | undefined {
  return typeof x === 'number' || typeof x === 'string' ? x : undefined;
}

export function readStateV4(state: Record<string, unknown>, ctx: ReadContext): ReadResult {
  const result = emptyResult('state-v4');
  const resources = Array.isArray(state['resources']) ? state['resources'] : [];
  resources.forEach((res: unknown, i) => {
    const rp = pointerOf(['resources', i]);
    if (!isRecord(res) || !validName(res['type']) || !validName(res['name'])) {
      ctx.bag.warn('terraform-bad-resource', 'resource entry without a valid type and name; left out', ctx.place(rp), { pointer: rp });
      return;
    }
    const modules = parseModulePath(res['module'], ctx, rp);
    if (!modules) return;
    const mode = modeOf(res['mode']);
    const type = res['type'];
    const name = res['name'];
    const instances = Array.isArray(res['instances']) ? res['instances'] : [];
    const names = resourceNames(modules, mode, type, name);
    const module = names.module;
    let live = 0;
    instances.forEach((raw: unknown, j) => {
      const ip = pointerOf(['resources', i, 'instances', j]);
      if (!isRecord(raw)) return;
      if (raw['deposed'] !== undefined) {
        result.deposed++;
        return;
      }
      let values: Record<string, unknown>;
      if (isRecord(raw['attributes'])) values = raw['attributes'];
      else if (isRecord(raw['attributes_flat'])) values = expandFlatmap(raw['attributes_flat'] as Record<string, string>);
      else values = {};
      values = redactPaths(values, raw['sensitive_attributes']);
      const deps = [...stringList(raw['dependencies']), ...stringList(raw['depends_on']).map((d) => absolute(module, d))];
      const inst = makeInstance({ modules, mode, type, name, key: indexKey(raw['index_key']), values, dependencies: deps, file: ctx.file, pointer: ip, names }, ctx.next());
      if (raw['status'] === 'tainted') inst.tainted = true;
      result.instances.push(inst);
      live++;
    });
    if (live === 0) result.empty.push({ address: names.resourceAddress, mode, type, file: ctx.file, pointer: rp });
  });
  return result;
}

function modulePathText(modules: ModuleStep[]): string {
  return resourceNames(modules, 'managed', 'x', 'y').module;
}

export function readStateV3(state: Record<string, unknown>, ctx: ReadContext): ReadResult {
  const result = emptyResult('state-v3');
  const modules = Array.isArray(state['modules']) ? state['modules'] : [];
  modules.forEach((mod: unknown, i) => {
    if (!isRecord(mod)) return;
    const path = stringList(mod['path']);
    const steps: ModuleStep[] = path.slice(path[0] === 'root' ? 1 : 0).map((name) => ({ name }));
    const module = modulePathText(steps);
    const resources = isRecord(mod['resources']) ? mod['resources'] : {};
    for (const [key, raw] of Object.entries(resources)) {
      const rp = pointerOf(['modules', i, 'resources', key]);
      const parsed = parseV3Key(key);
      if (!parsed || !isRecord(raw)) {
        ctx.bag.warn('terraform-bad-resource', `cannot read the resource key ${JSON.stringify(truncate(key))}; left out`, ctx.place(rp), { pointer: rp });
        continue;
      }
      const type = typeof raw['type'] === 'string' && raw['type'] ? raw['type'] : parsed.type;
      const primary = raw['primary'];
      if (!isRecord(primary)) {
        // Only deposed objects remain (a failed create_before_destroy): nothing current to draw.
        if (Array.isArray(raw['deposed']) && raw['deposed'].length > 0) result.deposed += raw['deposed'].length;
        result.empty.push({ address: absolute(module, `${parsed.mode === 'data' ? 'data.' : ''}${type}.${parsed.name}`), mode: parsed.mode, type, file: ctx.file, pointer: rp });
        continue;
      }
      if (Array.isArray(raw['deposed'])) result.deposed += raw['deposed'].length;
      const flat = isRecord(primary['attributes']) ? (primary['attributes'] as Record<string, string>) : {};
      const values = expandFlatmap(flat);
      if (values['id'] === undefined && typeof primary['id'] === 'string') values['id'] = primary['id'];
      const deps = stringList(raw['depends_on']).map((d) => absolute(module, d));
      const inst = makeInstance({ modules: steps, mode: parsed.mode, type, name: parsed.name, key: parsed.index, values, dependencies: deps, file: ctx.file, pointer: rp }, ctx.next());
      if (primary['tainted'] === true) inst.tainted = true;
      result.instances.push(inst);
    }
  });
  return result;
}

/** One resource of `terraform show -json` (`values.root_module…resources[]`) or a plan's planned/prior values. */
export function readShowResource(raw: unknown, ctx: ReadContext, pointer: string, order: number, result: ReadResult) {
  if (!isRecord(raw) || typeof raw['address'] !== 'string') {
    ctx.bag.warn('terraform-bad-resource', 'resource entry without an address; left out', ctx.place(pointer), { pointer });
    return undefined;
  }
  if (raw['deposed_key'] !== undefined) {
    result.deposed++;
    return undefined;
  }
  let parsed;
  try {
    parsed = parseResourceAddress(raw['address']);
  } catch (err) {
    warnAddress(ctx, pointer, raw['address'], err);
    return undefined;
  }
  const values = redactMirror(isRecord(raw['values']) ? raw['values'] : {}, raw['sensitive_values']);
  // show -json writes `depends_on` as absolute configuration addresses.
  const deps = stringList(raw['depends_on']);
  const inst = makeInstance({ ...parsed, values, dependencies: deps, file: ctx.file, pointer }, order);
  if (raw['tainted'] === true) inst.tainted = true;
  return inst;
}

/** Walks `root_module` and its `child_modules`, calling `visit` for each resource with its pointer. */
export function walkModules(root: unknown, base: (string | number)[], visit: (raw: unknown, pointer: string) => void): void {
  if (!isRecord(root)) return;
  const resources = Array.isArray(root['resources']) ? root['resources'] : [];
  resources.forEach((r: unknown, i) => visit(r, pointerOf([...base, 'resources', i])));
  const children = Array.isArray(root['child_modules']) ? root['child_modules'] : [];
  children.forEach((c: unknown, i) => walkModules(c, [...base, 'child_modules', i], visit));
}

export function readShowState(doc: Record<string, unknown>, ctx: ReadContext): ReadResult {
  const result = emptyResult('show-state');
  const values = isRecord(doc['values']) ? doc['values'] : {};
  walkModules(values['root_module'], ['values', 'root_module'], (raw, pointer) => {
    const inst = readShowResource(raw, ctx, pointer, ctx.next(), result);
    if (inst) result.instances.push(inst);
  });
  return result;
}
