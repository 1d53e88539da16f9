/** Box arithmetic shared by the layout, the quality measures and --layout-from. */
import type { Box } from './types.js';

const EPS = 1e-9;

export function boxContains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x - EPS && inner.y >= outer.y - EPS &&
    inner.x + inner.w <= outer.x + outer.w + EPS && inner.y + inner.h <= outer.y + outer.h + EPS;
}

/** Interiors intersect (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

export function unionBox(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

export function inflate(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, w: b.w + 2 * by, h: b.h + 2 * by };
}

/** A uniform grid over boxes, for "what is near this box" queries. */
export class BoxIndex {
  private readonly cells = new Map<number, number[]>();
  private count = 0;
  constructor(boxes: readonly Box[] = [], private readonly size = 4) {
    for (const b of boxes) this.add(b);
  }
  /** Adds a box; returns its index. */
  add(b: Box): number {
    const i = this.count++;
    this.cover(b, (k) => {
      const list = this.cells.get(k);
      if (list) list.push(i);
      else this.cells.set(k, [i]);
    });
    return i;
  }
  private cover(b: Box, f: (key: number) => void): void {
    const x0 = Math.floor(b.x / this.size), x1 = Math.floor((b.x + b.w) / this.size);
    const y0 = Math.floor(b.y / this.size), y1 = Math.floor((b.y + b.h) / this.size);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) f((x + 50_000) * 100_003 + (y + 50_000));
  }
  /** Indices of boxes whose cells meet `b` (a superset of the overlapping ones), each once. */
  near(b: Box): number[] {
    const out = new Set<number>();
    this.cover(b, (k) => { for (const i of this.cells.get(k) ?? []) out.add(i); });
    return [...out].sort((p, q) => p - q);
  }
}

