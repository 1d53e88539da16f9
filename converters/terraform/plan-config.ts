/**
 * A plan's `configuration` section: expressions with the references Terraform resolved
 * statically. Resources being created have unknown ids, so "which subnet is this instance in"
 * can only be answered by following `subnet_id = var.subnet_id` → the module call's argument →
 * `module.vpc.public_subnet_ids[0]` → that module's output → `aws_subnet.public`. This does that,
 * depth-limited, and also reads the provider configuration's region.
 */
import { parseReference, type IndexKey } from './address.js';
import { isRecord, stringList } from './instance.js';
import type { ConfigResource } from './model.js';

interface ModuleConfig {
  resources: Map<string, ConfigResource>;
  calls: Map<string, { expressions: Record<string, unknown>; module: ModuleConfig }>;
  outputs: Map<string, unknown>;
}

/** A resolved reference: a configuration address (no keys) and, when the reference named one, the instance key. */
export interface ConfigTarget {
  configAddress: string;
  key?: IndexKey;
}

const MAX_DEPTH = 10;

function modulePrefix(path: readonly string[]): string {
  return path.map((m) => `module.${m}`).join('.');
}

function refsOf(expr: unknown): string[] {
  return isRecord(expr) ? stringList(expr['references']) : [];
}

/** Every `{references}` expression found under `path` (blocks are lists of objects). */
export function expressionsAt(expressions: Record<string, unknown> | undefined, path: readonly string[]): unknown[] {
  let level: unknown[] = expressions ? [expressions] : [];
  for (const key of path) {
    const next: unknown[] = [];
    for (const e of level) {
      if (Array.isArray(e)) {
        for (const item of e) if (isRecord(item) && item[key] !== undefined) next.push(item[key]);
      } else if (isRecord(e) && e[key] !== undefined) next.push(e[key]);
    }
    level = next;
  }
  return level;
}

export class PlanConfig {
  private readonly root: ModuleConfig;
  private readonly providers: Record<string, unknown>;

  constructor(configuration: unknown, private readonly variables: Record<string, unknown>) {
    const c = isRecord(configuration) ? configuration : {};
    this.providers = isRecord(c['provider_config']) ? c['provider_config'] : {};
    this.root = readModule(c['root_module'], []);
  }

  private module(path: readonly string[]): ModuleConfig | undefined {
    let m: ModuleConfig | undefined = this.root;
    for (const name of path) m = m?.calls.get(name)?.module;
    return m;
  }

  /** The configuration block of a resource (module names, `data.` prefix for data sources). */
  resource(modulePath: readonly string[], relative: string): ConfigResource | undefined {
    return this.module(modulePath)?.resources.get(relative);
  }

  /** Resolves references made in `modulePath` to configuration resources. */
  resolve(modulePath: readonly string[], references: readonly string[], depth = 0): ConfigTarget[] {
    if (depth > MAX_DEPTH) return [];
    const out: ConfigTarget[] = [];
    for (const text of references) {
      const ref = parseReference(text);
      if (ref.kind === 'resource') {
        const rel = `${ref.mode === 'data' ? 'data.' : ''}${ref.type}.${ref.name}`;
        const prefix = modulePrefix(modulePath);
        const t: ConfigTarget = { configAddress: prefix ? `${prefix}.${rel}` : rel };
        if (ref.key !== undefined) t.key = ref.key;
        out.push(t);
      } else if (ref.kind === 'var' && modulePath.length > 0) {
        const parent = modulePath.slice(0, -1);
        const call = this.module(parent)?.calls.get(modulePath[modulePath.length - 1]!);
        const expr = call?.expressions[ref.name];
        if (expr !== undefined) out.push(...this.resolve(parent, refsOfDeep(expr), depth + 1));
      } else if (ref.kind === 'module-output') {
        const child = [...modulePath, ref.module];
        const expr = this.module(child)?.outputs.get(ref.output);
        const found = expr !== undefined ? this.resolve(child, refsOfDeep(expr), depth + 1) : [];
        // `module.vpc.subnet_ids[0]` of `aws_subnet.x[*].id`: the index picks that instance.
        const distinct = new Set(found.map((f) => f.configAddress));
        for (const f of found) out.push(ref.key !== undefined && distinct.size === 1 && f.key === undefined ? { ...f, key: ref.key } : f);
      }
    }
    return dedupe(out);
  }

  /** Region of a provider configuration (`constant_value`, or a variable traced to its value). */
  providerRegion(providerKey: string | undefined, type: string): string | undefined {
    const candidates: string[] = [];
    if (providerKey) {
      candidates.push(providerKey);
      const colon = providerKey.lastIndexOf(':');
      if (colon >= 0) candidates.push(providerKey.slice(colon + 1));
    }
    candidates.push(type.slice(0, Math.max(0, type.indexOf('_'))));
    for (const key of candidates) {
      const p = this.providers[key];
      if (!isRecord(p)) continue;
      const expressions = isRecord(p['expressions']) ? p['expressions'] : {};
      const region = expressions['region'] ?? expressions['location'];
      const modulePath = typeof p['module_address'] === 'string' ? p['module_address'].split('.').filter((s, i) => i % 2 === 1) : [];
      const value = this.constant(modulePath, region, 0);
      if (typeof value === 'string' && value) return value;
    }
    return undefined;
  }

  private constant(modulePath: readonly string[], expr: unknown, depth: number): unknown {
    if (!isRecord(expr) || depth > MAX_DEPTH) return undefined;
    if (expr['constant_value'] !== undefined) return expr['constant_value'];
    const refs = refsOf(expr);
    if (refs.length !== 1) return undefined;
    const ref = parseReference(refs[0]!);
    if (ref.kind !== 'var') return undefined;
    if (modulePath.length === 0) {
      const v = this.variables[ref.name];
      return isRecord(v) ? v['value'] : undefined;
    }
    const parent = modulePath.slice(0, -1);
    const call = this.module(parent)?.calls.get(modulePath[modulePath.length - 1]!);
    return this.constant(parent, call?.expressions[ref.name], depth + 1);
  }
}

/** References anywhere inside an expression (nested blocks included). */
function refsOfDeep(expr: unknown): string[] {
  if (Array.isArray(expr)) return expr.flatMap(refsOfDeep);
  if (!isRecord(expr)) return [];
  if (Array.isArray(expr['references'])) return refsOf(expr);
  return Object.values(expr).flatMap(refsOfDeep);
}

function dedupe(targets: ConfigTarget[]): ConfigTarget[] {
  const keyed = new Set(targets.filter((t) => t.key !== undefined).map((t) => t.configAddress));
  const seen = new Set<string>();
  const out: ConfigTarget[] = [];
  for (const t of targets) {
    if (t.key === undefined && keyed.has(t.configAddress)) continue;
    const id = `${t.configAddress}\u0000${String(t.key ?? '')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(t);
  }
  return out;
}

function readModule(raw: unknown, path: string[]): ModuleConfig {
  const m: ModuleConfig = { resources: new Map(), calls: new Map(), outputs: new Map() };
  if (!isRecord(raw)) return m;
  for (const r of Array.isArray(raw['resources']) ? raw['resources'] : []) {
    if (!isRecord(r) || typeof r['address'] !== 'string') continue;
    const cfg: ConfigResource = {
      modulePath: path,
      expressions: isRecord(r['expressions']) ? r['expressions'] : {},
      dependsOn: stringList(r['depends_on']),
    };
    if (typeof r['provider_config_key'] === 'string') cfg.providerKey = r['provider_config_key'];
    m.resources.set(r['address'], cfg);
  }
  const calls = isRecord(raw['module_calls']) ? raw['module_calls'] : {};
  for (const [name, call] of Object.entries(calls)) {
    if (!isRecord(call)) continue;
    m.calls.set(name, {
      expressions: isRecord(call['expressions']) ? call['expressions'] : {},
      module: readModule(call['module'], [...path, name]),
    });
  }
  const outputs = isRecord(raw['outputs']) ? raw['outputs'] : {};
  for (const [name, o] of Object.entries(outputs)) if (isRecord(o)) m.outputs.set(name, o['expression']);
  return m;
}

/** Whether an expression's references tie it to the referring instance's own key (`[count.index]`, `[each.key]`). */
export function followsOwnKey(expr: unknown): boolean {
  return refsOfDeep(expr).some((r) => r === 'count.index' || r.startsWith('each.'));
}

export { refsOfDeep };
