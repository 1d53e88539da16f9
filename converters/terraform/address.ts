/**
 * Terraform addresses and references, tokenized for real rather than split on dots: module and
 * instance keys may be strings holding dots, quotes, slashes or whole ARNs
 * (`module.eks.module.node_group["management"].aws_iam_role_policy_attachment.this["arn:aws:iam::aws:policy/X"]`).
 */

export type IndexKey = string | number;

/** One step of a traversal: a name (`module`, `aws_vpc`, `id`) or an index (`[0]`, `["a.b"]`, `[*]`). */
export type Step = { kind: 'name'; name: string } | { kind: 'index'; key: IndexKey | '*' };

export interface ModuleStep {
  name: string;
  key?: IndexKey;
}

export interface ResourceAddress {
  modules: ModuleStep[];
  mode: 'managed' | 'data';
  type: string;
  name: string;
  key?: IndexKey;
}

export class AddressError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'AddressError';
  }
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_-]/;

/** Splits `a.b["x.y"][0].c` into steps; throws AddressError with the offending offset. */
export function tokenize(text: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  let expectName = true;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '.') {
      if (expectName) throw new AddressError('unexpected "."', i);
      expectName = true;
      i++;
      continue;
    }
    if (c === '[') {
      if (steps.length === 0 || expectName) throw new AddressError('unexpected "["', i);
      const { key, end } = readIndex(text, i + 1);
      steps.push({ kind: 'index', key });
      i = end;
      continue;
    }
    if (!expectName) throw new AddressError(`unexpected ${JSON.stringify(c)}`, i);
    if (!NAME_START.test(c)) throw new AddressError(`a name cannot start with ${JSON.stringify(c)}`, i);
    let j = i + 1;
    while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
    steps.push({ kind: 'name', name: text.slice(i, j) });
    expectName = false;
    i = j;
  }
  if (expectName && steps.length > 0) throw new AddressError('address ends with "."', text.length);
  if (steps.length === 0) throw new AddressError('empty address', 0);
  return steps;
}

/** Reads `0]`, `"key"]` or `*]` starting just after `[`. */
function readIndex(text: string, start: number): { key: IndexKey | '*'; end: number } {
  let i = start;
  const c = text[i];
  if (c === '"') {
    const { value, end } = readString(text, i);
    if (text[end] !== ']') throw new AddressError('expected "]" after index key', end);
    return { key: value, end: end + 1 };
  }
  if (c === '*') {
    if (text[i + 1] !== ']') throw new AddressError('expected "]" after "*"', i + 1);
    return { key: '*', end: i + 2 };
  }
  let j = i;
  if (text[j] === '-') j++;
  while (j < text.length && text[j]! >= '0' && text[j]! <= '9') j++;
  if (j === i || text[j] !== ']') throw new AddressError('index must be a number, a quoted string or *', i);
  return { key: Number(text.slice(i, j)), end: j + 1 };
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f' };

/** A double-quoted string with HCL/JSON escapes; returns the offset after the closing quote. */
function readString(text: string, quote: number): { value: string; end: number } {
  let out = '';
  let i = quote + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return { value: out, end: i + 1 };
    if (c === '\\') {
      const e = text[i + 1];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (e === 'U' && /^[0-9a-fA-F]{8}$/.test(text.slice(i + 2, i + 10))) {
        out += String.fromCodePoint(parseInt(text.slice(i + 2, i + 10), 16));
        i += 10;
        continue;
      }
      const mapped = e !== undefined ? ESCAPES[e] : undefined;
      if (mapped === undefined) throw new AddressError('invalid escape in index key', i);
      out += mapped;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  throw new AddressError('unterminated index key', quote);
}

/** Consumes `module.NAME[KEY]` steps from the front; returns the modules and the next position. */
function readModules(steps: readonly Step[]): { modules: ModuleStep[]; at: number } {
  const modules: ModuleStep[] = [];
  let at = 0;
  while (at + 1 < steps.length && isName(steps[at], 'module') && steps[at + 1]!.kind === 'name') {
    const m: ModuleStep = { name: (steps[at + 1] as { name: string }).name };
    at += 2;
    const k = steps[at];
    if (k?.kind === 'index') {
      if (k.key === '*') throw new AddressError('a module instance key cannot be *', 0);
      m.key = k.key;
      at++;
    }
    modules.push(m);
  }
  return { modules, at };
}

function isName(s: Step | undefined, name?: string): s is { kind: 'name'; name: string } {
  return s?.kind === 'name' && (name === undefined || s.name === name);
}

/** Parses a resource instance address; throws AddressError when it is not one. */
export function parseResourceAddress(text: string): ResourceAddress {
  const steps = tokenize(text);
  const { modules, at } = readModules(steps);
  const r = readResource(steps, at);
  if (!r) throw new AddressError('expected TYPE.NAME after the module path', 0);
  if (r.next !== steps.length) throw new AddressError('unexpected text after the resource address', 0);
  return { modules, ...r.address };
}

function readResource(steps: readonly Step[], start: number): { address: Omit<ResourceAddress, 'modules'>; next: number } | undefined {
  let at = start;
  let mode: 'managed' | 'data' = 'managed';
  if (isName(steps[at], 'data') && isName(steps[at + 1]) && isName(steps[at + 2])) {
    mode = 'data';
    at++;
  }
  const t = steps[at];
  const n = steps[at + 1];
  if (!isName(t) || !isName(n)) return undefined;
  at += 2;
  const address: Omit<ResourceAddress, 'modules'> = { mode, type: t.name, name: n.name };
  const k = steps[at];
  if (k?.kind === 'index' && k.key !== '*') {
    address.key = k.key;
    at++;
  }
  return { address, next: at };
}

/** `"a"` for strings (escaped like Terraform prints them), `0` for numbers. */
export function formatKey(key: IndexKey): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

export function formatModules(modules: readonly ModuleStep[], withKeys = true): string {
  return modules.map((m) => `module.${m.name}${withKeys && m.key !== undefined ? formatKey(m.key) : ''}`).join('.');
}

export function formatAddress(a: ResourceAddress, withKeys = true): string {
  const mod = formatModules(a.modules, withKeys);
  const res = `${a.mode === 'data' ? 'data.' : ''}${a.type}.${a.name}${withKeys && a.key !== undefined ? formatKey(a.key) : ''}`;
  return mod ? `${mod}.${res}` : res;
}

/** A reference inside a plan's configuration expressions, interpreted. */
export type Reference =
  | { kind: 'resource'; modules: ModuleStep[]; mode: 'managed' | 'data'; type: string; name: string; key?: IndexKey }
  | { kind: 'var'; name: string }
  | { kind: 'module-output'; module: string; output: string; key?: IndexKey }
  | { kind: 'other' };

/**
 * Interprets one entry of an expression's `references` list (relative to its module):
 * `aws_vpc.main.id`, `data.aws_ami.x`, `var.subnet_id`, `module.vpc.subnet_ids[0]`, `local.x`.
 */
export function parseReference(text: string): Reference {
  let steps: Step[];
  try {
    steps = tokenize(text);
  } catch {
    return { kind: 'other' };
  }
  const head = steps[0];
  if (!isName(head)) return { kind: 'other' };
  switch (head.name) {
    case 'var': {
      const n = steps[1];
      return isName(n) ? { kind: 'var', name: n.name } : { kind: 'other' };
    }
    case 'module': {
      const m = steps[1];
      let at = 2;
      if (steps[at]?.kind === 'index') at++; // module instance key: the call is the same
      const out = steps[at];
      if (!isName(m) || !isName(out)) return { kind: 'other' };
      const ref: Reference = { kind: 'module-output', module: m.name, output: out.name };
      const k = steps[at + 1];
      if (k?.kind === 'index' && k.key !== '*') ref.key = k.key;
      return ref;
    }
    case 'local': case 'each': case 'count': case 'path': case 'self': case 'terraform':
      return { kind: 'other' };
    default: {
      const r = readResource(steps, 0);
      return r ? { kind: 'resource', modules: [], ...r.address } : { kind: 'other' };
    }
  }
}

/**
 * Terraform 0.11 (state v3) resource keys: `aws_instance.web`, `aws_instance.web.2`,
 * `data.aws_ami.ubuntu`. The count index is the trailing number.
 */
export function parseV3Key(key: string): { mode: 'managed' | 'data'; type: string; name: string; index?: number } | undefined {
  const parts = key.split('.');
  let mode: 'managed' | 'data' = 'managed';
  if (parts[0] === 'data') {
    mode = 'data';
    parts.shift();
  }
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [type, name, index] = parts as [string, string, string | undefined];
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(type) || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) return undefined;
  if (index === undefined) return { mode, type, name };
  if (!/^\d+$/.test(index)) return undefined;
  return { mode, type, name, index: Number(index) };
}

/** Provider of a resource from its type prefix (`aws_vpc` → aws, `azurerm_subnet` → azurerm). */
export function typePrefix(type: string): string {
  const i = type.indexOf('_');
  return i > 0 ? type.slice(0, i) : type;
}
