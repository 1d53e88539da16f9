/** Comparing and showing property values in diffs. */

const MAX_SHOWN = 48;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of JSON-like values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Keys whose values differ between two records, sorted. */
export function changedKeys(a: Obj, b: Obj, only?: (key: string) => boolean): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => (!only || only(k)) && !deepEqual(a[k], b[k])).sort();
}

/** `{Ref: X}` → `!Ref X`, `{"Fn::GetAtt": [A, B]}` → `!GetAtt A.B`: how people write them. */
function intrinsic(v: Obj): string | undefined {
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const k = keys[0]!;
  const arg = v[k];
  if (k === 'Ref' && typeof arg === 'string') return `!Ref ${arg}`;
  if (k === 'Fn::GetAtt') {
    if (Array.isArray(arg) && arg.every((x) => typeof x === 'string')) return `!GetAtt ${arg.join('.')}`;
    if (typeof arg === 'string') return `!GetAtt ${arg}`;
  }
  if (k.startsWith('Fn::') && typeof arg === 'string') return `!${k.slice(4)} ${JSON.stringify(arg)}`;
  return undefined;
}

/** A value short enough to print in a table cell, or undefined (absent, or too big to be useful). */
export function shortValue(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else s = (isObj(v) ? intrinsic(v) : undefined) ?? JSON.stringify(v);
  if (s.length <= MAX_SHOWN) return s;
  return typeof v === 'string' ? `${s.slice(0, MAX_SHOWN - 1)}…` : undefined;
}
