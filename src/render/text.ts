/**
 * Text metrics without a font: an estimate of the advance width of a string in a sans-serif
 * face, good enough to size group extents, fit short names on blocks and keep labels in the
 * view box. Deterministic on every machine, which real font metrics would not be.
 */
import type { Box } from '../layout/types.js';
import { TEXT_UNITS_PER_GRID, type TextAxis } from './projection.js';

const NARROW = new Set([...'iljtfrI.,:;!|\'"()[] ']);
const WIDE = new Set([...'mwMWOQGD@%']);

/** Advance width in em of one character. */
function advance(ch: string): number {
  if (NARROW.has(ch)) return 0.32;
  if (WIDE.has(ch)) return 0.85;
  if (ch >= 'A' && ch <= 'Z') return 0.66;
  const code = ch.codePointAt(0)!;
  // CJK and other wide scripts take a full em.
  if (code >= 0x1100) return 1;
  return 0.56;
}

export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * size;
}

export const LINE_HEIGHT = 1.25;

export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Font size (≤ max) at which `text` fits in `width`. */
export function fitSize(text: string, width: number, max: number, min: number): number {
  const w = textWidth(text, 1);
  if (w <= 0) return max;
  return Math.max(min, Math.min(max, width / w));
}

/**
 * The ground footprint of a label, in grid units, for group extents and painter's order. A label
 * along x grows right from its position; one along y grows towards -y (it reads up the screen).
 */
export function textFootprint(x: number, y: number, text: string, size: number, axis: TextAxis): Box {
  const lines = textLines(text);
  const long = Math.max(0, ...lines.map((l) => textWidth(l, size))) / TEXT_UNITS_PER_GRID;
  const tall = (lines.length * size * LINE_HEIGHT) / TEXT_UNITS_PER_GRID;
  if (axis === 'y') return { x, y: y - long, w: tall, h: long };
  return { x, y, w: long, h: tall };
}
