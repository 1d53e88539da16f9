/**
 * Words and markers that belong to a shape without being linked to it: a text cell placed under
 * an unlabelled icon is its label; a text cell on the top or bottom edge of an unlabelled box
 * names the box; a legacy VPC or cloud icon at a rectangle's top-left corner makes that
 * rectangle the VPC (or cloud). draw.io records none of this, so it is read from geometry.
 */
import type { Shape, TextCell } from './classify.js';
import { center, gap, type Rect } from './geometry.js';

/** How far (px) a text may sit from the shape it labels. */
export const TEXT_TOLERANCE = 24;

function labelDistance(t: Rect, s: Shape): number | undefined {
  if (s.role === 'group') {
    // Boxes are named at their top or bottom edge, inside or just outside.
    const overlapX = Math.min(t.x + t.w, s.box.x + s.box.w) - Math.max(t.x, s.box.x);
    if (overlapX <= 0) return undefined;
    const edge = (y: number) => (y < t.y ? t.y - y : y > t.y + t.h ? y - (t.y + t.h) : 0);
    const d = Math.min(edge(s.box.y), edge(s.box.y + s.box.h));
    return d <= TEXT_TOLERANCE ? d + 1 : undefined; // +1: an icon at the same distance wins
  }
  const d = gap(t, s.box);
  const tol = Math.max(TEXT_TOLERANCE, 0.5 * Math.min(s.box.w, s.box.h));
  if (d > tol) return undefined;
  // Text written over a big plain shape is a note on it (a callout panel), not its name.
  if (d === 0 && s.generic && s.stencil.family === 'basic' && t.w * t.h < 0.25 * s.box.w * s.box.h) return undefined;
  // Prefer the text centred on the shape (labels sit under or over their icon).
  return d + 0.05 * Math.abs(center(t).x - center(s.box).x);
}

/** Attaches free text cells to unlabelled shapes, closest pairs first. */
export function attachTexts(texts: TextCell[], shapes: Shape[]): void {
  const candidates = shapes.filter((s) => !s.label && (s.role === 'leaf' || s.role === 'group' || s.role === 'marker'));
  if (!candidates.length || !texts.length) return;
  const pairs: { t: TextCell; s: Shape; d: number }[] = [];
  // Grid buckets keep this linear-ish on large pages: only nearby shapes are compared.
  const cell = 256;
  const buckets = new Map<string, Shape[]>();
  for (const s of candidates) {
    const pad = s.role === 'group' ? TEXT_TOLERANCE : Math.max(TEXT_TOLERANCE, 0.5 * Math.min(s.box.w, s.box.h));
    const x0 = Math.floor((s.box.x - pad) / cell);
    const x1 = Math.floor((s.box.x + s.box.w + pad) / cell);
    const y0 = Math.floor((s.box.y - pad) / cell);
    const y1 = Math.floor((s.box.y + s.box.h + pad) / cell);
    // Big groups are only reachable along their top and bottom edges.
    const rows = s.role === 'group' ? [...new Set([y0, Math.floor((s.box.y + pad) / cell), Math.floor((s.box.y + s.box.h - pad) / cell), y1])] : range(y0, y1);
    if ((x1 - x0 + 1) * rows.length > 4096) continue; // absurdly large boxes are not labelled by nearby text
    for (let x = x0; x <= x1; x++) for (const y of rows) {
      const k = `${x},${y}`;
      let list = buckets.get(k);
      if (!list) buckets.set(k, (list = []));
      list.push(s);
    }
  }
  for (const t of texts) {
    const seen = new Set<Shape>();
    const x0 = Math.floor(t.box.x / cell);
    const x1 = Math.floor((t.box.x + t.box.w) / cell);
    const y0 = Math.floor(t.box.y / cell);
    const y1 = Math.floor((t.box.y + t.box.h) / cell);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 4096) continue;
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
      for (const s of buckets.get(`${x},${y}`) ?? []) {
        if (seen.has(s)) continue;
        seen.add(s);
        const d = labelDistance(t.box, s);
        if (d !== undefined) pairs.push({ t, s, d });
      }
    }
  }
  pairs.sort((a, b) => a.d - b.d || a.t.cell.order - b.t.cell.order || a.s.cell.order - b.s.cell.order);
  for (const { t, s } of pairs) {
    if (t.attached || s.label) continue;
    t.attached = s;
    s.label = t.text;
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/**
 * A marker icon (the legacy VPC/cloud icon) sitting on a box's top-left corner turns that box
 * into the container it names. The icon's label names the container when it has one.
 */
export function absorbMarkers(shapes: Shape[]): void {
  const boxes = shapes.filter((s) => s.role === 'group' && s.generic);
  for (const m of shapes) {
    if (m.role !== 'marker') continue;
    const c = center(m.box);
    let best: Shape | undefined;
    for (const g of boxes) {
      if (g.absorbed) continue;
      const reachX = Math.max(2 * m.box.w, 0.2 * g.box.w);
      const reachY = Math.max(2 * m.box.h, 0.2 * g.box.h);
      const nearCorner = c.x >= g.box.x - m.box.w && c.x <= g.box.x + reachX && c.y >= g.box.y - m.box.h && c.y <= g.box.y + reachY;
      if (nearCorner && (!best || g.box.w * g.box.h < best.box.w * best.box.h)) best = g;
    }
    if (!best) continue;
    best.absorbed = m;
    m.absorbedBy = best;
    best.group = m.group!;
    best.generic = false;
    if (m.label) best.label = m.label;
  }
}
