/**
 * Source positions of parsed template values. Parsers record byte offsets per container (the
 * object or array itself, and each key or item); line/column are computed only when a
 * diagnostic or a resource location needs them, so large templates pay almost nothing.
 */
import type { Point } from '../../../src/diagnostics.js';

interface Entry {
  /** Offset where the container (or the tagged node that produced it) starts. */
  at: number;
  /** Keys (objects) or indexes (arrays) and their offsets, as parallel lists: cheaper to build
   *  than a Map for the small mappings templates are made of. */
  keys?: (string | number)[];
  offsets?: number[];
  /** Built on first lookup in large mappings (Resources of a big template). */
  index?: Map<string | number, number>;
}

const INDEX_FROM = 16;

export class Positions {
  // A Map, not a WeakMap: positions live as long as their template, and ephemeron tables make
  // garbage collection of large templates several times slower.
  // A Map, not a WeakMap: positions live exactly as long as their template, and ephemeron
  // tables make collecting a large template slower.
  private readonly entries = new Map<object, Entry>();
  private lineStarts: number[] | undefined;

  /** `mapOffset` turns offsets of a repaired text back into offsets of the original one. */
  constructor(private readonly text: string, private readonly mapOffset?: (offset: number) => number) {}

  /** Records where a container starts. */
  set(node: object, offset: number): void {
    const e = this.entries.get(node);
    if (e) e.at = offset;
    else this.entries.set(node, { at: offset });
  }

  /** Records where a key (or array item) of a container starts. */
  setKey(node: object, key: string | number, offset: number): void {
    let e = this.entries.get(node);
    if (!e) this.entries.set(node, (e = { at: offset }));
    (e.keys ??= []).push(key);
    (e.offsets ??= []).push(offset);
    e.index = undefined;
  }

  /** Gives a copy (ForEach expansion, Globals merge) the positions of its original. */
  copy(from: object, to: object): void {
    const e = this.entries.get(from);
    if (e && !this.entries.has(to)) this.entries.set(to, e);
  }

  has(node: object): boolean {
    return this.entries.has(node);
  }

  /** Where a container starts. */
  of(node: unknown): Point | undefined {
    if (typeof node !== 'object' || node === null) return undefined;
    const e = this.entries.get(node);
    return e ? this.point(e.at) : undefined;
  }

  /** Where a key of a container starts (falls back to the container). */
  keyOf(node: unknown, key: string | number): Point | undefined {
    if (typeof node !== 'object' || node === null) return undefined;
    const e = this.entries.get(node);
    if (!e) return undefined;
    return this.point(keyOffset(e, key) ?? e.at);
  }

  /** 1-based line and column of an offset. */
  point(offset: number): Point {
    if (this.mapOffset) offset = this.mapOffset(offset);
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
  }
}

function keyOffset(e: Entry, key: string | number): number | undefined {
  const keys = e.keys;
  if (!keys) return undefined;
  if (keys.length >= INDEX_FROM) {
    if (!e.index) {
      e.index = new Map();
      // The last occurrence wins, as it does for the parsed value.
      keys.forEach((k, i) => e.index!.set(k, e.offsets![i]!));
    }
    return e.index.get(key);
  }
  for (let i = keys.length - 1; i >= 0; i--) if (keys[i] === key) return e.offsets![i];
  return undefined;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** Sets a property even when it is `__proto__`, so hostile keys never change a prototype. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
