/** Small readers over evaluated properties: only fully known values come out. */
import { ResRef, scalarText, Unknown, type Value } from '../eval/values.js';

export { refsIn as refsOf } from '../eval/values.js';
import { isPlainObject } from '../load/template.js';

/** `get(props, 'VpcConfig.SubnetIds')`: dotted path into mappings (no list indexing). */
export function get(obj: Value, path: string): Value {
  let cur: Value = obj;
  for (const part of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

export function str(obj: Value, path: string): string | undefined {
  return scalarText(get(obj, path));
}

export function num(obj: Value, path: string): number | undefined {
  const v = get(obj, path);
  const text = scalarText(v);
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export function bool(obj: Value, path: string): boolean | undefined {
  const v = get(obj, path);
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  return undefined;
}

export function list(obj: Value, path: string): Value[] {
  const v = get(obj, path);
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/** Every resource reference with the property path it sits under (`Environment.Variables.TABLE`). */
export function walkRefs(v: Value, visit: (path: string, ref: ResRef) => void, path = ''): void {
  if (v instanceof ResRef) visit(path, v);
  else if (v instanceof Unknown) for (const r of v.refs) visit(path, r);
  else if (Array.isArray(v)) for (const x of v) walkRefs(x, visit, path);
  else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) walkRefs(x, visit, path ? `${path}.${k}` : k);
}

/** Splits `m5.large` / `db.r6g.xlarge` / `cache.t3.micro` / `r5.large.search` into type and size. */
export function splitInstanceClass(value: string | undefined, prefix = ''): { type: string; size: string } | undefined {
  if (!value) return undefined;
  let v = value.trim();
  if (prefix && v.startsWith(prefix)) v = v.slice(prefix.length);
  v = v.replace(/\.(search|elasticsearch)$/, '');
  const dot = v.indexOf('.');
  if (dot <= 0) return undefined;
  return { type: v.slice(0, dot), size: v.slice(dot + 1) };
}

/** `Example.org.` and `example.org` name the same DNS zone. */
export function dnsName(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}
