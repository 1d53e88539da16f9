/**
 * Line and column of a cell in a plain (uncompressed) draw.io file, for diagnostics and the
 * report. Found lazily from the raw text: the page's `<diagram>` range, then the cell's `id="…"`.
 * Compressed pages and embedded diagrams (SVG/PNG) have no positions in the file.
 */
import type { SourceLocation } from '../../src/graph/types.js';

export class Locator {
  private lineStarts: number[] | undefined;
  private ranges: [number, number][] | undefined;
  private readonly ids = new Map<number, Map<string, number>>();

  constructor(readonly file: string, private readonly text: string | undefined) {}

  private lineOf(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text!;
      for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const s = this.lineStarts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo]! + 1 };
  }

  private range(page: number): [number, number] | undefined {
    if (!this.ranges) {
      const t = this.text!;
      const starts = [...t.matchAll(/<diagram\b/g)].map((m) => m.index!);
      this.ranges = starts.length ? starts.map((s, i) => [s, starts[i + 1] ?? t.length]) : [[0, t.length]];
    }
    return this.ranges[page];
  }

  /** Where cell `id` of page `page` is written, as precisely as the file allows. */
  cell(page: number, id: string, compressed: boolean): SourceLocation {
    if (this.text === undefined || compressed) return { file: this.file };
    let index = this.ids.get(page);
    if (!index) {
      index = new Map();
      const r = this.range(page);
      if (r) {
        const re = /\bid="([^"]*)"/g;
        re.lastIndex = r[0];
        for (let m = re.exec(this.text); m && m.index < r[1]; m = re.exec(this.text)) if (!index.has(m[1]!)) index.set(m[1]!, m.index);
      }
      this.ids.set(page, index);
    }
    const at = index.get(id);
    return at === undefined ? { file: this.file } : { file: this.file, ...this.lineOf(at) };
  }

  /** Where page `page` starts. */
  page(page: number): SourceLocation {
    const r = this.text === undefined ? undefined : this.range(page);
    return r ? { file: this.file, ...this.lineOf(r[0]) } : { file: this.file };
  }
}
