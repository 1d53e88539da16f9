/**
 * Line/column facts about JSON text that JSON.parse does not give: where a syntax error is, and
 * where chosen values (each resource, each instance) start, so diagnostics and the report can
 * name `file:line:column`. One linear scan; containers we do not care about (attribute values)
 * are skipped without slicing keys, so a 30 MB state costs one pass over its characters.
 */
import type { Point } from '../../src/diagnostics.js';

export type JsonPath = readonly (string | number)[];

export interface ScanSpec {
  /** Whether to look inside the container at `path` (others are skipped quickly). */
  descend(path: JsonPath): boolean;
  /** Whether to record the start of the value at `path`. */
  record(path: JsonPath): boolean;
}

/** RFC 6901 pointer of a path. */
export function pointerOf(path: JsonPath): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Line and column (1-based) of a character offset. */
export function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** Offset of the first character that makes `text` invalid JSON (text.length when it ends early). */
export function firstJsonError(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < n && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) { i += k; fail(); }
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= n) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail();
  };
  try {
    value();
    ws();
    return i < n ? i : n;
  } catch (at) {
    return Math.min(typeof at === 'number' ? at : n, n);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

interface Frame {
  array: boolean;
  path: (string | number)[];
  index: number;
  key: string | undefined;
}

/**
 * A whole string, or a bracket or brace: native regex search instead of a character loop, and
 * `test` rather than `exec` so no match object is made. The character before `lastIndex` says
 * which one matched.
 */
const STRUCTURAL = /"(?:[^"\\]|\\.)*"|[{}[\]]/g;

/**
 * Scans well-formed JSON text (already accepted by JSON.parse) and returns the position of every
 * value whose path the spec records, keyed by JSON pointer.
 */
export function scanPositions(text: string, spec: ScanSpec): Map<string, Point> {
  const offsets: [string, number][] = [];
  const stack: Frame[] = [];
  let i = 0;
  const n = text.length;

  const valuePath = (): (string | number)[] | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    if (top.array) return [...top.path, top.index];
    return top.key === undefined ? undefined : [...top.path, top.key];
  };

  /** Skips a string starting at the quote at `from`; returns the offset after it. */
  const skipString = (from: number): number => {
    let j = from + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q < 0) return n;
      let backslashes = 0;
      for (let b = q - 1; b > from && text.charCodeAt(b) === BACKSLASH; b--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  };

  /** Skips a whole container starting at `from`; returns the offset after it. */
  const skipContainer = (from: number): number => {
    let depth = 0;
    STRUCTURAL.lastIndex = from;
    while (STRUCTURAL.test(text)) {
      const end = STRUCTURAL.lastIndex;
      const c = text.charCodeAt(end - 1);
      if (c === QUOTE) continue;
      if (c === OPEN_OBJ || c === OPEN_ARR) depth++;
      else if (--depth === 0) return end;
    }
    return n;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === NEWLINE || c === COMMA || c === COLON) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) {
        if (parent.array) parent.index++;
        else parent.key = undefined;
      }
      i++;
      continue;
    }
    // An object key.
    if (top && !top.array && top.key === undefined && c === QUOTE) {
      const end = skipString(i);
      const raw = text.slice(i, end);
      top.key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      i = end;
      continue;
    }
    // A value.
    const path = valuePath() ?? [];
    if (spec.record(path)) offsets.push([pointerOf(path), i]);
    if (c === OPEN_OBJ || c === OPEN_ARR) {
      if (spec.descend(path)) {
        stack.push({ array: c === OPEN_ARR, path, index: 0, key: undefined });
        i++;
        continue;
      }
      i = skipContainer(i);
    } else if (c === QUOTE) {
      i = skipString(i);
    } else {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === COMMA || d === CLOSE_OBJ || d === CLOSE_ARR || d === 0x20 || d === NEWLINE || d === 0x0d || d === 0x09) break;
        i++;
      }
    }
    if (top) {
      if (top.array) top.index++;
      else top.key = undefined;
    }
  }
  return linesOf(text, offsets);
}

/** Line/column of offsets found in increasing order, counting newlines once. */
function linesOf(text: string, offsets: readonly [string, number][]): Map<string, Point> {
  const out = new Map<string, Point>();
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf('\n');
  for (const [pointer, offset] of offsets) {
    while (next >= 0 && next < offset) {
      line++;
      lineStart = next + 1;
      next = text.indexOf('\n', next + 1);
    }
    out.set(pointer, { line, column: offset - lineStart + 1, offset });
  }
  return out;
}
