/**
 * Lanes of whole cells across the flow. A component takes the free cell nearest to where it
 * wants to be; components placed before it are never pushed. Placement goes in input order, so
 * a resource added at the end of an input takes a cell that was free and moves nobody.
 */
import { BoxIndex, boxesOverlap } from './geometry.js';
import { inShadow } from './quality.js';
import type { Box } from './types.js';

export class Lane {
  private readonly taken = new Set<number>();
  /** Cells `lo` (inclusive) to `hi` (exclusive); either may be infinite. */
  constructor(readonly lo: number, readonly hi: number) {}

  isFree(i: number, span = 1): boolean {
    if (i < this.lo || i + span > this.hi) return false;
    for (let k = 0; k < span; k++) if (this.taken.has(i + k)) return false;
    return true;
  }

  take(i: number, span = 1): void {
    for (let k = 0; k < span; k++) this.taken.add(i + k);
  }

  /**
   * The free run of `span` cells starting nearest to `want`; on a tie the one nearer the lane's
   * start. Undefined when the lane has no such run.
   */
  nearest(want: number, span = 1, ok: (cell: number) => boolean = () => true): number | undefined {
    const w = Math.round(Math.min(Math.max(want, this.lo), this.hi - span));
    const reach = Number.isFinite(this.hi - this.lo) ? this.hi - this.lo : this.taken.size + span + Math.abs(w) + 1;
    for (let d = 0; d <= reach; d++) {
      if (this.isFree(w - d, span) && ok(w - d)) return w - d;
      if (d > 0 && this.isFree(w + d, span) && ok(w + d)) return w + d;
    }
    return undefined;
  }

  /** Up to `k` free cells satisfying `ok`, nearest to `want` first (ties: towards the start). */
  candidates(want: number, k: number, ok: (cell: number) => boolean = () => true): number[] {
    const out: number[] = [];
    const w = Math.round(Math.min(Math.max(want, this.lo), this.hi - 1));
    const reach = Number.isFinite(this.hi - this.lo) ? this.hi - this.lo : this.taken.size + Math.abs(w) + k + 1;
    for (let d = 0; d <= reach && out.length < k; d++) {
      if (this.isFree(w - d) && ok(w - d)) out.push(w - d);
      if (d > 0 && out.length < k && this.isFree(w + d) && ok(w + d)) out.push(w + d);
    }
    return out;
  }

  get size(): number {
    return this.taken.size;
  }

  clear(): void {
    this.taken.clear();
  }
}

/** Picks the lane and cell nearest to `want` over several lanes (ties: the lower lane). */
export function nearestInLanes(lanes: readonly Lane[], want: number, span = 1,
  ok: (lane: number, cell: number) => boolean = () => true): { lane: number; cell: number } | undefined {
  let best: { lane: number; cell: number } | undefined;
  lanes.forEach((lane, k) => {
    const cell = lane.nearest(want, span, (c) => ok(k, c));
    if (cell === undefined) return;
    if (!best || Math.abs(cell - want) < Math.abs(best.cell - want) - 1e-9) best = { lane: k, cell };
  });
  return best;
}

/**
 * What is already on the floor of one container: footprints with their heights, labels, and
 * boxes. A new component fits where its footprint covers no label, its label covers nothing
 * and lies in no shadow (Cloudcraft's camera looks from +x+y: a component of height h hides
 * the floor up to h cells behind it), and its own shadow hides no label.
 */
export class Floorplan {
  private fps: { box: Box; height: number }[] = [];
  private labels: Box[] = [];
  private fpIndex = new BoxIndex();
  private labelIndex = new BoxIndex();
  private readonly boxes: Box[] = [];
  /** Footprints and labels taken off the floor (a component that moved). */
  private readonly gone = new Set<Box>();
  constructor(private readonly iso: boolean) {}

  /** Forgets every component (keeps boxes). */
  clearLeaves(): void {
    this.fps = [];
    this.labels = [];
    this.fpIndex = new BoxIndex();
    this.labelIndex = new BoxIndex();
    for (const b of this.boxes) { this.fps.push({ box: b, height: 0 }); this.fpIndex.add(b); }
  }

  addBox(box: Box): void {
    this.boxes.push(box);
    this.fps.push({ box, height: 0 });
    this.fpIndex.add(box);
  }

  add(fp: Box, height: number, label: Box | undefined): void {
    this.fps.push({ box: fp, height });
    this.fpIndex.add(fp);
    if (label) {
      this.labels.push(label);
      this.labelIndex.add(label);
    }
  }

  /** Takes a component's footprint and label (the very boxes given to `add`) off the floor. */
  remove(fp: Box, label: Box | undefined): void {
    this.gone.add(fp);
    if (label) this.gone.add(label);
  }

  /** Puts boxes taken off with `remove` back. */
  restore(fp: Box, label: Box | undefined): void {
    this.gone.delete(fp);
    if (label) this.gone.delete(label);
  }

  fits(fp: Box, height: number, label: Box | undefined): boolean {
    const h = this.iso ? height : 0;
    if (label) {
      const reach = { x: label.x, y: label.y, w: label.w + 4, h: label.h + 4 };
      for (const i of this.fpIndex.near(reach)) {
        const o = this.fps[i]!;
        if (this.gone.has(o.box)) continue;
        if (boxesOverlap(label, o.box) || (this.iso && inShadow(label, o.box, o.height))) return false;
      }
      for (const i of this.labelIndex.near(label)) if (!this.gone.has(this.labels[i]!) && boxesOverlap(label, this.labels[i]!)) return false;
    }
    const shade = { x: fp.x - h, y: fp.y - h, w: fp.w + h, h: fp.h + h };
    for (const i of this.labelIndex.near(shade)) {
      const l = this.labels[i]!;
      if (this.gone.has(l)) continue;
      if (boxesOverlap(l, fp) || (h > 0 && inShadow(l, fp, h))) return false;
    }
    return true;
  }
}
