/**
 * Edges drawn so far, as straight segments between component centres, in a uniform grid of
 * buckets: how many of them would a new segment cross? Used to choose a component's cell among
 * the free ones near where its neighbours pull it (Cloudcraft draws edges as straight lines).
 * Two segments that meet share a bucket both pass through, so walking the buckets a segment
 * passes through (with a little margin) finds every segment it may cross.
 */
import { type Segment as Seg, segmentsCross } from './quality.js';

const CELL = 8;

export class SegmentIndex {
  private readonly segs: Seg[] = [];
  private dead = new Uint8Array(64);
  private readonly grid = new Map<number, number[]>();
  private stamp = new Uint32Array(64);
  private round = 0;

  /** Adds segment a→b; returns its number (for `remove`). */
  add(a: string, b: string, x1: number, y1: number, x2: number, y2: number): number {
    const i = this.segs.length;
    this.segs.push({ a, b, x1, y1, x2, y2 });
    if (this.stamp.length <= i) {
      const next = new Uint32Array(this.stamp.length * 2);
      next.set(this.stamp);
      this.stamp = next;
      const dead = new Uint8Array(this.dead.length * 2);
      dead.set(this.dead);
      this.dead = dead;
    }
    walk(x1, y1, x2, y2, (k) => {
      const list = this.grid.get(k);
      if (list) list.push(i);
      else this.grid.set(k, [i]);
    });
    return i;
  }

  /** Takes segment `i` out of every later count. */
  remove(i: number): void {
    this.dead[i] = 1;
  }

  /** Counts removed segments again. */
  revive(list: readonly number[]): void {
    for (const i of list) this.dead[i] = 0;
  }

  /** Segments a→b would cross (edges sharing an end do not count); counting stops at `stopAt`. */
  crossings(a: string, b: string, x1: number, y1: number, x2: number, y2: number, stopAt = Infinity): number {
    const round = ++this.round;
    let count = 0;
    const t: Seg = { a, b, x1, y1, x2, y2 };
    walk(x1, y1, x2, y2, (k) => {
      if (count >= stopAt) return;
      const list = this.grid.get(k);
      if (!list) return;
      for (const i of list) {
        if (this.stamp[i] === round || this.dead[i]) continue;
        this.stamp[i] = round;
        const s = this.segs[i]!;
        if (s.a === a || s.a === b || s.b === a || s.b === b) continue;
        if (segmentsCross(s, t)) count++;
      }
    });
    return count;
  }
}

/** Calls `f` with every bucket the segment passes through, widened by a small margin. */
function walk(x1: number, y1: number, x2: number, y2: number, f: (key: number) => void): void {
  const m = 0.01;
  const gx0 = Math.floor((Math.min(x1, x2) - m) / CELL), gx1 = Math.floor((Math.max(x1, x2) + m) / CELL);
  const gy0 = Math.floor((Math.min(y1, y2) - m) / CELL), gy1 = Math.floor((Math.max(y1, y2) + m) / CELL);
  const key = (gx: number, gy: number) => (gx + 50_000) * 100_003 + (gy + 50_000);
  if (gx0 === gx1 || gy0 === gy1) {
    for (let gx = gx0; gx <= gx1; gx++) for (let gy = gy0; gy <= gy1; gy++) f(key(gx, gy));
    return;
  }
  // Column by column: the rows the segment spans inside each column's x range (plus margin).
  const dx = x2 - x1, dy = y2 - y1;
  for (let gx = gx0; gx <= gx1; gx++) {
    const xa = Math.max(Math.min(x1, x2), gx * CELL) - m, xb = Math.min(Math.max(x1, x2), (gx + 1) * CELL) + m;
    const ya = y1 + (dy * (xa - x1)) / dx, yb = y1 + (dy * (xb - x1)) / dx;
    const r0 = Math.max(gy0, Math.floor((Math.min(ya, yb) - m) / CELL)), r1 = Math.min(gy1, Math.floor((Math.max(ya, yb) + m) / CELL));
    for (let gy = r0; gy <= r1; gy++) f(key(gx, gy));
  }
}
