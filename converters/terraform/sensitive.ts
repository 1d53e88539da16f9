/**
 * Removes values Terraform marks as sensitive before anything else reads them, so no mapping,
 * diagnostic or report can ever see them. Two encodings exist:
 *  - state v4 `sensitive_attributes`: a list of paths, each a list of steps
 *    (`{"type":"get_attr","value":"password"}`, `{"type":"index","value":{"value":0,"type":"number"}}`);
 *  - show/plan JSON `sensitive_values` / `after_sensitive` / `before_sensitive`: a mirror of the
 *    values where `true` marks a sensitive subtree.
 * Copy-on-write: untouched subtrees are shared with the parsed input.
 */

type Key = string | number;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function cloneContainer(x: unknown): Record<string, unknown> | unknown[] | undefined {
  if (Array.isArray(x)) return [...x];
  if (isObject(x)) return { ...x };
  return undefined;
}

/** Removes the value at `path` (a copy is made along the path); the root is never removed. */
function removePath(root: Record<string, unknown>, path: readonly Key[]): Record<string, unknown> {
  if (path.length === 0) return {};
  const out = { ...root };
  let parent: Record<string, unknown> | unknown[] = out;
  for (let i = 0; i < path.length; i++) {
    const k = path[i]!;
    const last = i === path.length - 1;
    if (Array.isArray(parent)) {
      if (typeof k !== 'number' || k < 0 || k >= parent.length) return out;
      if (last) {
        parent[k] = null;
        return out;
      }
      const child = cloneContainer(parent[k]);
      if (!child) return out;
      parent[k] = child;
      parent = child;
    } else {
      const key = String(k);
      if (!Object.prototype.hasOwnProperty.call(parent, key)) return out;
      if (last) {
        delete parent[key];
        return out;
      }
      const child = cloneContainer(parent[key]);
      if (!child) return out;
      parent[key] = child;
      parent = child;
    }
  }
  return out;
}

/** One `sensitive_attributes` entry as a list of keys; undefined when unreadable (then redact all). */
function stepsOf(entry: unknown): Key[] | undefined {
  if (typeof entry === 'string') return entry.split('.');
  if (!Array.isArray(entry)) return undefined;
  const keys: Key[] = [];
  for (const step of entry) {
    if (!isObject(step)) return undefined;
    if (step['type'] === 'get_attr' && typeof step['value'] === 'string') keys.push(step['value']);
    else if (step['type'] === 'index') {
      const v = step['value'];
      const inner = isObject(v) ? v['value'] : v;
      if (typeof inner === 'number' || typeof inner === 'string') keys.push(inner);
      else return undefined;
    } else return undefined;
  }
  return keys;
}

/**
 * Applies state v4 `sensitive_attributes`. An entry we cannot read removes the top-level
 * attribute it starts with, or everything when even that is unknown: safe over complete.
 */
export function redactPaths(values: Record<string, unknown>, paths: unknown): Record<string, unknown> {
  if (!Array.isArray(paths) || paths.length === 0) return values;
  let out = values;
  for (const entry of paths) {
    const steps = stepsOf(entry);
    if (steps && steps.length > 0) {
      out = removePath(out, steps);
      continue;
    }
    const first = Array.isArray(entry) && isObject(entry[0]) && typeof entry[0]['value'] === 'string' ? entry[0]['value'] : undefined;
    if (first === undefined) return {};
    out = removePath(out, [first]);
  }
  return out;
}

/** Applies a `sensitive_values`-style mirror (`true` = sensitive). A bare `true` redacts everything. */
export function redactMirror(values: Record<string, unknown>, mirror: unknown): Record<string, unknown> {
  if (mirror === true) return {};
  if (!isObject(mirror)) return values;
  const result = walkMirror(values, mirror);
  return isObject(result) ? result : values;
}

function walkMirror(value: unknown, mirror: unknown): unknown {
  if (mirror === true) return undefined;
  if (Array.isArray(mirror) && Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < mirror.length && i < value.length; i++) {
      const m = mirror[i];
      if (m === false || m === undefined || m === null) continue;
      const next = walkMirror(value[i], m);
      if (next !== value[i]) {
        copy ??= [...value];
        copy[i] = next === undefined ? null : next;
      }
    }
    return copy ?? value;
  }
  if (isObject(mirror) && isObject(value)) {
    let copy: Record<string, unknown> | undefined;
    for (const [k, m] of Object.entries(mirror)) {
      if (m === false || m === null || !Object.prototype.hasOwnProperty.call(value, k)) continue;
      if (isObject(m) && Object.keys(m).length === 0) continue;
      if (Array.isArray(m) && m.length === 0) continue;
      const next = walkMirror(value[k], m);
      if (next !== value[k]) {
        copy ??= { ...value };
        if (next === undefined) delete copy[k];
        else copy[k] = next;
      }
    }
    return copy ?? value;
  }
  return value;
}
