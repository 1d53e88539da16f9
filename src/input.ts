/**
 * Inputs as converters see them: a name for diagnostics, bytes decoded once (UTF-8 with or
 * without BOM, UTF-16LE/BE with BOM), cached JSON, or a directory (cdk.out). Library callers can
 * pass paths, strings or already-parsed objects.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from './diagnostics.js';

export type InputKind = 'file' | 'directory' | 'text' | 'object';

export interface InputSource {
  /** As shown in diagnostics: the path as given, `<stdin>`, or the caller's label. */
  readonly name: string;
  /** Absolute path, for files and directories read from disk. */
  readonly path?: string;
  readonly kind: InputKind;
  readonly bytes?: Uint8Array;
  /** The caller's object, for `object` inputs (a template already parsed). */
  readonly value?: unknown;
  /** Decoded text ('' for directories and objects). */
  text(): string;
  /** Cached `JSON.parse` of the text (or the object itself); undefined when it is not JSON. */
  json(): unknown;
}

/** What library callers may pass as an input. */
export type InputLike =
  | string
  | { path: string }
  | { text: string; name?: string }
  | { bytes: Uint8Array; name?: string }
  | { object: unknown; name?: string }
  | InputSource;

/** Decodes bytes by BOM: UTF-8 (BOM stripped), UTF-16LE, UTF-16BE; otherwise UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return Buffer.from(bytes.buffer, bytes.byteOffset + 3, bytes.length - 3).toString('utf8');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2).toString('utf16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

const NOT_JSON = Symbol('not-json');

class Source implements InputSource {
  private decoded: string | undefined;
  private parsed: unknown = undefined;
  private parsedDone = false;
  readonly path?: string;
  readonly bytes?: Uint8Array;
  readonly value?: unknown;

  constructor(readonly name: string, readonly kind: InputKind, init: { path?: string; bytes?: Uint8Array; text?: string; value?: unknown }) {
    if (init.path !== undefined) this.path = init.path;
    if (init.bytes !== undefined) this.bytes = init.bytes;
    if (init.value !== undefined) this.value = init.value;
    if (init.text !== undefined) this.decoded = init.text;
  }

  text(): string {
    if (this.decoded === undefined) this.decoded = this.bytes ? decodeText(this.bytes) : '';
    return this.decoded;
  }

  json(): unknown {
    if (this.kind === 'object') return this.value;
    if (!this.parsedDone) {
      this.parsedDone = true;
      const t = this.text();
      const first = t.trimStart()[0];
      let v: unknown = NOT_JSON;
      if (first === '{' || first === '[') {
        try {
          v = JSON.parse(t);
        } catch {
          v = NOT_JSON;
        }
      }
      this.parsed = v;
    }
    return this.parsed === NOT_JSON ? undefined : this.parsed;
  }
}

export function inputFromText(text: string, name = '<text>'): InputSource {
  return new Source(name, 'text', { text });
}

export function inputFromBytes(bytes: Uint8Array, name = '<stdin>'): InputSource {
  return new Source(name, 'text', { bytes });
}

export function inputFromObject(value: unknown, name = '<object>'): InputSource {
  return new Source(name, 'object', { value });
}

/** Reads a file or directory; `name` is what diagnostics show (defaults to the path as given). */
export function inputFromPath(path: string, name = path): InputSource {
  const abs = resolve(path);
  let st;
  try {
    st = statSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${code ?? String(err)}`, { ruleId: 'input-not-found', source: 'input', file: name });
  }
  if (st.isDirectory()) return new Source(name, 'directory', { path: abs });
  try {
    return new Source(name, 'file', { path: abs, bytes: readFileSync(abs) });
  } catch (err) {
    throw new InputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { ruleId: 'input-unreadable', source: 'input', file: name });
  }
}

export function isInputSource(x: unknown): x is InputSource {
  return x instanceof Source;
}

export function toInputSource(input: InputLike): InputSource {
  if (typeof input === 'string') return inputFromPath(input);
  if (isInputSource(input)) return input;
  if ('path' in input && typeof input.path === 'string') return inputFromPath(input.path);
  if ('text' in input && typeof input.text === 'string') return inputFromText(input.text, input.name);
  if ('bytes' in input && input.bytes instanceof Uint8Array) return inputFromBytes(input.bytes, input.name);
  if ('object' in input) return inputFromObject(input.object, input.name);
  throw new InputError('unrecognised input: pass a path, { text }, { bytes } or { object }', { ruleId: 'input-shape', source: 'input' });
}

/**
 * Opens a file referenced from another input (a nested stack's TemplateURL, a cdk.out asset).
 * Relative paths resolve against the referencing file's folder. A path that leaves every allowed
 * root (the folders of the inputs given on the command line, plus --template-dir) is refused, so
 * a template cannot make us read arbitrary files.
 */
export function openRelative(from: InputSource, ref: string, allowedRoots: readonly string[]): InputSource {
  const base = from.kind === 'directory' ? from.path : from.path ? dirname(from.path) : process.cwd();
  const target = isAbsolute(ref) ? ref : resolve(base ?? process.cwd(), ref);
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    throw new InputError(`referenced file ${JSON.stringify(ref)} not found`, { ruleId: 'reference-not-found', source: 'input', file: from.name });
  }
  const inside = allowedRoots.some((root) => {
    const rel = relative(realRoot(root), real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
  });
  if (!inside) {
    throw new InputError(`${JSON.stringify(ref)} is outside the input's folder; pass it on the command line (or via --template-dir) to allow it`,
      { ruleId: 'path-escape', source: 'input', file: from.name });
  }
  const shown = relative(process.cwd(), real) || real;
  return inputFromPath(real, shown.startsWith('..') ? real : shown);
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return resolve(root);
  }
}
