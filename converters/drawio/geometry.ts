/** Rectangles in draw.io page pixels (x grows right, y grows down). */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Pt {
  x: number;
  y: number;
}

export function center(r: Rect): Pt {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

export function area(r: Rect): number {
  return r.w * r.h;
}

export function containsPoint(r: Rect, p: Pt): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

/** Gap between two rectangles (0 when they touch or overlap). */
export function gap(a: Rect, b: Rect): number {
  const dx = Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w));
  const dy = Math.max(0, Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h));
  return Math.hypot(dx, dy);
}

/** Distance from a point to a rectangle (0 inside). */
export function pointDistance(r: Rect, p: Pt): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.w));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.h));
  return Math.hypot(dx, dy);
}

/** Distance from a point to a rectangle's outline (inside points measure to the nearest side). */
export function borderDistance(r: Rect, p: Pt): number {
  if (!containsPoint(r, p)) return pointDistance(r, p);
  return Math.min(p.x - r.x, r.x + r.w - p.x, p.y - r.y, r.y + r.h - p.y);
}

/** Bounding box of a rectangle rotated about its centre (draw.io `rotation=`, degrees). */
export function rotatedBounds(r: Rect, degrees: number): Rect {
  if (!degrees) return r;
  const rad = (degrees * Math.PI) / 180;
  // Rounded so quarter turns give exact sizes (cos 90° is 6e-17 in floating point).
  const cos = Math.round(Math.abs(Math.cos(rad)) * 1e12) / 1e12;
  const sin = Math.round(Math.abs(Math.sin(rad)) * 1e12) / 1e12;
  const w = r.w * cos + r.h * sin;
  const h = r.w * sin + r.h * cos;
  const c = center(r);
  return { x: c.x - w / 2, y: c.y - h / 2, w, h };
}

/** Keeps coordinates finite and inside ±1e7 px so hostile geometry cannot blow up the layout. */
export const COORD_LIMIT = 1e7;

export function finite(n: number, fallback = 0): number {
  if (!Number.isFinite(n)) return fallback;
  return Math.max(-COORD_LIMIT, Math.min(COORD_LIMIT, n));
}

/** A uniform grid of points for "is any point inside this box" queries on large pages. */
export class PointGrid<T extends Pt> {
  private readonly cells = new Map<string, T[]>();
  constructor(private readonly points: readonly T[], private readonly size: number) {
    for (const p of points) {
      const k = `${Math.floor(p.x / size)},${Math.floor(p.y / size)}`;
      const list = this.cells.get(k);
      if (list) list.push(p);
      else this.cells.set(k, [p]);
    }
  }

  /** Whether some point inside `r` satisfies `pred` (falls back to a scan when `r` spans many cells). */
  some(r: Rect, pred: (p: T) => boolean): boolean {
    const x0 = Math.floor(r.x / this.size), x1 = Math.floor((r.x + r.w) / this.size);
    const y0 = Math.floor(r.y / this.size), y1 = Math.floor((r.y + r.h) / this.size);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.points.length) return this.points.some((p) => containsPoint(r, p) && pred(p));
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        for (const p of this.cells.get(`${x},${y}`) ?? []) if (containsPoint(r, p) && pred(p)) return true;
      }
    }
    return false;
  }
}

/** A uniform grid of rectangles for "which rectangles lie within r of this point" queries. */
export class RectGrid<T extends { box: Rect }> {
  private readonly cells = new Map<string, number[]>();
  private readonly large: number[] = [];
  constructor(private readonly items: readonly T[], private readonly size: number) {
    items.forEach((it, i) => {
      const b = it.box;
      const x0 = Math.floor(b.x / size), x1 = Math.floor((b.x + b.w) / size);
      const y0 = Math.floor(b.y / size), y1 = Math.floor((b.y + b.h) / size);
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > 64) {
        this.large.push(i);
        return;
      }
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
        const k = `${x},${y}`;
        const list = this.cells.get(k);
        if (list) list.push(i);
        else this.cells.set(k, [i]);
      }
    });
  }

  /** Items whose box may lie within `r` of `p`, in their original order. */
  near(p: Pt, r: number): T[] {
    const found = new Set<number>(this.large);
    const x0 = Math.floor((p.x - r) / this.size), x1 = Math.floor((p.x + r) / this.size);
    const y0 = Math.floor((p.y - r) / this.size), y1 = Math.floor((p.y + r) / this.size);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) for (const i of this.cells.get(`${x},${y}`) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => this.items[i]!);
  }
}
