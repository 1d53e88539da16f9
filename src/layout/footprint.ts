/**
 * How much floor a component covers, how tall it stands and how much room its label needs, in
 * grid units. Cloudcraft documents none of this except `block` (width/depth/height fields), so
 * every other type is a 1×1 service block of height 1; the figures below are estimates kept in
 * one place so that a correction is a one-line change.
 */
import type { Resource } from '../graph/types.js';

export interface Footprint {
  /** Extent along x (grid cells). */
  w: number;
  /** Extent along y (grid cells). */
  d: number;
  /** Visual height above the floor, used to keep labels out of the shadow of taller neighbours. */
  height: number;
}

const SERVICE_BLOCK: Footprint = { w: 1, d: 1, height: 1 };

/** Types that are not 1×1×1. Flat objects (text, icons lying on the floor) have height 0. */
const FOOTPRINT_OF_TYPE: Record<string, Footprint> = {
  block: { w: 2, d: 2, height: 1 },
  isotext: { w: 1, d: 1, height: 0 },
  icon: { w: 1, d: 1, height: 0 },
  image: { w: 1, d: 1, height: 0 },
};

/** Size fields a component may carry that change its footprint (block: width × depth, height). */
const SIZE_FIELDS: Record<string, { w?: string; d?: string; height?: string }> = {
  block: { w: 'width', d: 'depth', height: 'height' },
};

function positive(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.min(n, 100) : undefined;
}

export function footprintOf(r: Pick<Resource, 'ccType' | 'props'> | undefined): Footprint {
  const type = r?.ccType ?? '';
  const base = FOOTPRINT_OF_TYPE[type] ?? SERVICE_BLOCK;
  const fields = SIZE_FIELDS[type];
  if (!fields || !r) return base;
  return {
    w: (fields.w && positive(r.props[fields.w])) || base.w,
    d: (fields.d && positive(r.props[fields.d])) || base.d,
    height: (fields.height && positive(r.props[fields.height])) || base.height,
  };
}

/**
 * Label text metrics for `isotext` at the emitted textSize (12). Cloudcraft lays text flat on the
 * floor running along +x from its mapPos; these are conservative estimates of its extent.
 */
export const LABEL = {
  /** Grid cells per character. */
  charWidth: 0.14,
  /** Extent of one line of text along y. */
  depth: 0.5,
  /** Gap between a component's front edge and its label. */
  offset: 0.25,
  /** Never narrower than this (an empty name still gets a slot). */
  minWidth: 1,
  /** Free floor kept after the end of a label before the next thing along x. */
  tail: 0.5,
} as const;

export function labelWidth(text: string): number {
  // Count code points, not UTF-16 units, so emoji and CJK names are not measured double.
  let n = 0;
  for (const _ of text) n++;
  return Math.max(LABEL.minWidth, Math.round(n * LABEL.charWidth * 4) / 4);
}

/** The lane a component's label takes in front of it (offset + text depth). */
export const LABEL_LANE = LABEL.offset + LABEL.depth;
