/**
 * Where an object stands. `mapPos` is either grid coordinates `[x, y]` or, in blueprints saved by
 * Cloudcraft, a position relative to another object: `{ relTo: id, offset: [dx, dy] }` (labels
 * that follow their component). Relative positions are resolved through the chain, with a guard
 * against cycles; anything unresolvable is undefined, and the caller reports it.
 */
import type { Pt } from './projection.js';

/** Beyond this a coordinate is garbage, not a diagram (and would print in exponent notation). */
export const MAX_COORD = 1e6;

export const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORD;

export function point(v: unknown): Pt | undefined {
  return Array.isArray(v) && v.length >= 2 && finite(v[0]) && finite(v[1]) ? [v[0], v[1]] : undefined;
}

/** The object a relative mapPos is relative to, if it is one. */
export function relativeTo(mapPos: unknown): string | undefined {
  if (typeof mapPos !== 'object' || mapPos === null || Array.isArray(mapPos)) return undefined;
  const relTo = (mapPos as { relTo?: unknown }).relTo;
  return typeof relTo === 'string' ? relTo : undefined;
}

export type PositionOf = (id: string) => Pt | undefined;

/** A memoised resolver over every object's raw `mapPos`, by id. */
export function positionResolver(rawMapPos: ReadonlyMap<string, unknown>): PositionOf {
  const resolved = new Map<string, Pt | undefined>();
  const visiting = new Set<string>();
  const resolve = (id: string): Pt | undefined => {
    if (resolved.has(id)) return resolved.get(id);
    const raw = rawMapPos.get(id);
    let p = point(raw);
    const base = relativeTo(raw);
    if (!p && base !== undefined && !visiting.has(base)) {
      visiting.add(id);
      const at = resolve(base);
      visiting.delete(id);
      const offset = point((raw as { offset?: unknown }).offset) ?? [0, 0];
      const sum: Pt = at ? [at[0] + offset[0], at[1] + offset[1]] : [NaN, NaN];
      p = at && finite(sum[0]) && finite(sum[1]) ? sum : undefined;
    }
    resolved.set(id, p);
    return p;
  };
  return resolve;
}
