/**
 * Terraform 0.11 states (v3) and 0.12 upgrades (`attributes_flat`) store attributes as one flat
 * string map: `tags.%` = "2", `tags.Name` = "web", `subnets.#` = "2", `subnets.0` = "subnet-a",
 * `ingress.1234.from_port` = "80" (sets use hashes). This expands them into nested values.
 *
 * Map keys may themselves contain dots (`tags.kubernetes.io/role`); a dotted remainder is only
 * treated as structure when a `.#`/`.%` marker says so, otherwise it is the whole key.
 */

export type FlatAttributes = Readonly<Record<string, string>>;

export function expandFlatmap(flat: FlatAttributes): Record<string, unknown> {
  const keys = Object.keys(flat).sort();
  const out: Record<string, unknown> = {};
  const tops = new Set<string>();
  for (const k of keys) {
    const dot = k.indexOf('.');
    tops.add(dot < 0 ? k : k.slice(0, dot));
  }
  for (const top of tops) {
    const v = expand(flat, keys, top);
    if (v !== undefined) out[top] = v;
  }
  return out;
}

function has(flat: FlatAttributes, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(flat, key);
}

/** Keys below `prefix.` (the sorted key list keeps this a contiguous slice). */
function childKeys(keys: readonly string[], prefix: string): string[] {
  const p = `${prefix}.`;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < keys.length && keys[i]!.startsWith(p); i++) out.push(keys[i]!);
  return out;
}

function expand(flat: FlatAttributes, keys: readonly string[], prefix: string): unknown {
  if (has(flat, `${prefix}.#`)) return expandList(flat, keys, prefix);
  if (has(flat, `${prefix}.%`)) return expandMap(flat, keys, prefix);
  if (has(flat, prefix)) return flat[prefix];
  // A structure without its count marker (hand-edited or truncated states): infer from the keys.
  const children = childKeys(keys, prefix);
  if (children.length === 0) return undefined;
  const segments = new Set(children.map((k) => firstSegment(k, prefix)));
  if ([...segments].every((s) => /^\d+$/.test(s))) return expandList(flat, keys, prefix);
  return expandMap(flat, keys, prefix);
}

function firstSegment(key: string, prefix: string): string {
  const rest = key.slice(prefix.length + 1);
  const dot = rest.indexOf('.');
  return dot < 0 ? rest : rest.slice(0, dot);
}

function expandList(flat: FlatAttributes, keys: readonly string[], prefix: string): unknown[] {
  const segments = new Set<string>();
  for (const k of childKeys(keys, prefix)) {
    const s = firstSegment(k, prefix);
    if (s !== '#') segments.add(s);
  }
  // Lists use 0..n-1; sets use hash codes. Numeric order keeps both stable.
  const ordered = [...segments].sort((a, b) => (Number(a) - Number(b)) || (a < b ? -1 : a > b ? 1 : 0));
  const out: unknown[] = [];
  for (const s of ordered) {
    const v = expand(flat, keys, `${prefix}.${s}`);
    if (v !== undefined) out.push(v);
  }
  return out;
}

function expandMap(flat: FlatAttributes, keys: readonly string[], prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const children = childKeys(keys, prefix).filter((k) => k !== `${prefix}.%`);
  const done = new Set<string>();
  for (const k of children) {
    const rest = k.slice(prefix.length + 1);
    // Find a split point where a nested structure is declared (`prefix.a.b.#`), else the whole rest is the key.
    let key = rest;
    for (let dot = rest.indexOf('.'); dot >= 0; dot = rest.indexOf('.', dot + 1)) {
      const candidate = rest.slice(0, dot);
      if (has(flat, `${prefix}.${candidate}.#`) || has(flat, `${prefix}.${candidate}.%`)) {
        key = candidate;
        break;
      }
    }
    if (done.has(key)) continue;
    done.add(key);
    const v = key === rest ? flat[k] : expand(flat, keys, `${prefix}.${key}`);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
