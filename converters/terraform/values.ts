/**
 * Reading attribute values the way states store them: nested blocks are lists of objects, v3
 * values are strings ("true", "128"), plan values may be missing (unknown until apply).
 */

export type Values = Readonly<Record<string, unknown>>;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const NONE: unknown[] = [];

/** Every value under a dotted path, descending through block lists: `vpc_config.subnet_ids`. */
export function valuesAt(values: Values, path: readonly string[]): unknown[] {
  // Most paths are one plain attribute; answer those without building intermediate lists.
  if (path.length === 1) {
    const v = values[path[0]!];
    return v === undefined || v === null ? NONE : [v];
  }
  const head = path.length > 0 ? values[path[0]!] : values;
  if (head === undefined || head === null) return NONE;
  let level: unknown[] = [values];
  for (const key of path) {
    const next: unknown[] = [];
    for (const v of level) {
      if (Array.isArray(v)) {
        for (const item of v) if (isRecord(item) && item[key] !== undefined && item[key] !== null) next.push(item[key]);
      } else if (isRecord(v) && v[key] !== undefined && v[key] !== null) next.push(v[key]);
    }
    level = next;
  }
  return level;
}

/** Non-empty strings under a path, lists flattened (`subnet_ids`, `security_groups`). */
export function stringsAt(values: Values, path: readonly string[]): string[] {
  if (path.length === 1) {
    const v = values[path[0]!];
    if (typeof v === 'string') return v === '' ? [] : [v];
    if (v === undefined || v === null) return [];
  }
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v !== '') out.push(v);
    } else if (Array.isArray(v)) v.forEach(add);
  };
  valuesAt(values, path).forEach(add);
  return out;
}

/** The first value under a path, unwrapping single-element block lists (`sku[0].tier`). */
export function first(values: Values, ...path: string[]): unknown {
  const v = valuesAt(values, path)[0];
  return Array.isArray(v) ? v[0] : v;
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Number of blocks of a nested block attribute (`rule` blocks of a WAF ACL). */
export function blockCount(v: unknown): number {
  return Array.isArray(v) ? v.length : 0;
}

/** Drops undefined fields so props stay minimal. */
export function compact(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** `m5.large` → m5 / large; prefixes (`db.`, `cache.`) and suffixes (`.search`) removed first. */
export function splitInstanceType(value: unknown, strip: { prefix?: string; suffix?: RegExp } = {}): { instanceType?: string; instanceSize?: string } {
  let s = str(value);
  if (!s) return {};
  if (strip.prefix && s.startsWith(strip.prefix)) s = s.slice(strip.prefix.length);
  if (strip.suffix) s = s.replace(strip.suffix, '');
  const dot = s.indexOf('.');
  if (dot <= 0) return {};
  return { instanceType: s.slice(0, dot), instanceSize: s.slice(dot + 1) };
}

/** Tag value (`tags.Name`), for heuristics only; never copied into the output. */
export function tag(values: Values, name: string): string | undefined {
  const tags = values['tags'];
  return isRecord(tags) ? str(tags[name]) : undefined;
}
