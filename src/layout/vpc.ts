/**
 * Inside a VPC: availability zones side by side across the flow, and in every zone its subnets
 * in tier rows along the flow (public, then private, then isolated), the same row in every zone
 * holding the subnets that play the same part (matched by name without the zone marker), so
 * tiers line up across zones. Subnets without a zone form extra columns without a zone surface.
 * VPC-level components (gateways, endpoints, things known only by their VPC) sit in a band before
 * the matrix (entry/network roles) or after it (everything else).
 */
import type { Axis } from './axis.js';

export interface MatrixSubnet {
  /** Zone name, or undefined for a subnet without one. */
  zone: string | undefined;
  name: string;
  tier: 'public' | 'private' | 'isolated' | undefined;
  /** Allocation size in x/y. */
  w: number;
  h: number;
}

export interface MatrixZone {
  zone: string;
  /** Label width (the zone name must fit inside the surface). */
  labelWidth: number;
}

export interface MatrixResult {
  /** Offset of each subnet (x/y, relative to the matrix origin). */
  subnetPos: { x: number; y: number }[];
  /** Box of each zone surface (relative), in input order of `zones`. */
  zoneBox: { x: number; y: number; w: number; h: number }[];
  w: number;
  h: number;
}

const TIER_RANK: Record<string, number> = { public: 0, private: 1, isolated: 2 };
/** Surface margin around a zone's subnets; the top (y) side also holds the zone's name. */
export const ZONE_MARGIN = 1;
export const ZONE_LABEL_ROOM = 1;

/** A subnet's part without the zone marker: `PublicSubnet1`, `public-a`, `app-us-east-1b` → `publicsubnet`, `public`, `app`. */
export function rowKey(name: string, zone: string | undefined): string {
  let k = name;
  if (zone) k = k.split(zone).join(' ').split(zone.toLowerCase()).join(' ');
  for (let i = 0; i < 4; i++) {
    const before = k;
    k = k.replace(/[\s\-_.()[\]]+$/, '')
      .replace(/(?:az|AZ|zone|Zone)?\d+[a-zA-Z]?$/, '')
      .replace(/[\s\-_.][a-fA-F]$/, '')
      .replace(/([a-z0-9])[A-F]$/, '$1');
    if (k === before) break;
  }
  return k.toLowerCase();
}

export function arrangeMatrix(subnets: readonly MatrixSubnet[], zones: readonly MatrixZone[], axis: Axis, gap: number): MatrixResult {
  const zoneIndex = new Map(zones.map((z, i) => [z.zone, i]));
  // Columns: one per zone, then one per position inside a tier for zone-less subnets.
  const columnOf = new Int32Array(subnets.length);
  const keyOf = subnets.map((s) => `${TIER_RANK[s.tier ?? 'private']}\u0000${rowKey(s.name, s.zone)}`);
  const zoneless = subnets.map((_, i) => i).filter((i) => subnets[i]!.zone === undefined || !zoneIndex.has(subnets[i]!.zone!));
  zoneless.sort((a, b) => (keyOf[a]! < keyOf[b]! ? -1 : keyOf[a]! > keyOf[b]! ? 1 : subnets[a]!.name.localeCompare(subnets[b]!.name) || a - b));
  const perTier = new Map<string, number>();
  for (const i of zoneless) {
    const tier = keyOf[i]!.split('\u0000')[0]!;
    const k = perTier.get(tier) ?? 0;
    perTier.set(tier, k + 1);
    columnOf[i] = zones.length + k;
  }
  for (let i = 0; i < subnets.length; i++) {
    const z = subnets[i]!.zone;
    if (z !== undefined && zoneIndex.has(z)) columnOf[i] = zoneIndex.get(z)!;
  }
  const columns = Math.max(zones.length, ...Array.from(columnOf, (c) => c + 1), 0);

  // Rows: per tier, subnets that play the same part share a row across the columns. Parts are
  // matched by name key when the keys agree (every column holds at most one of each and the tier
  // needs no more rows than its fullest column); otherwise the k-th subnet of the tier (in key
  // order) of every column shares row k.
  const tierOf = (i: number) => keyOf[i]!.split('\u0000')[0]!;
  const partOf = (i: number) => keyOf[i]!.split('\u0000')[1]!;
  const order = subnets.map((_, i) => i).sort((a, b) => (keyOf[a]! < keyOf[b]! ? -1 : keyOf[a]! > keyOf[b]! ? 1 : 0) || subnets[a]!.name.localeCompare(subnets[b]!.name) || a - b);
  const byTier = new Map<string, number[]>();
  for (const i of order) (byTier.get(tierOf(i)) ?? byTier.set(tierOf(i), []).get(tierOf(i))!).push(i);
  const rowKeyOf: string[] = new Array<string>(subnets.length);
  for (const [tier, list] of byTier) {
    const perColumn = new Map<number, number[]>();
    for (const i of list) (perColumn.get(columnOf[i]!) ?? perColumn.set(columnOf[i]!, []).get(columnOf[i]!)!).push(i);
    const fullest = Math.max(...[...perColumn.values()].map((l) => l.length));
    const parts = new Set(list.map(partOf));
    const unique = [...perColumn.values()].every((l) => new Set(l.map(partOf)).size === l.length);
    const byKey = unique && parts.size === fullest;
    for (const l of perColumn.values()) {
      l.forEach((i, k) => { rowKeyOf[i] = `${tier}\u0000${byKey ? partOf(i) : String(k).padStart(4, '0')}`; });
    }
  }
  const rowKeys = [...new Set(rowKeyOf)].sort();
  const rowIndex = new Map(rowKeys.map((k, r) => [k, r]));
  const rowOf = Int32Array.from(rowKeyOf, (k) => rowIndex.get(k)!);

  // Sizes along the flow (rows) and across it (columns).
  const rowFlow = new Float64Array(rowKeys.length);
  const colCross = new Float64Array(columns);
  subnets.forEach((s, i) => {
    rowFlow[rowOf[i]!] = Math.max(rowFlow[rowOf[i]!]!, axis.flow(s.w, s.h));
    colCross[columnOf[i]!] = Math.max(colCross[columnOf[i]!]!, axis.cross(s.w, s.h));
  });
  // The zone's name runs along x: make sure the surface is wide enough for it.
  zones.forEach((z, c) => {
    if (axis.dir === 'down') colCross[c] = Math.max(colCross[c]!, z.labelWidth);
  });
  let rowsLen = 0;
  rowFlow.forEach((f, r) => { rowsLen += f + (r ? gap : 0); });
  if (axis.dir === 'right') rowsLen = Math.max(rowsLen, ...zones.map((z) => z.labelWidth));

  // Margins of a zone column in flow/cross terms: the label room is on the y side.
  const m = ZONE_MARGIN;
  const flowStart = axis.dir === 'down' ? m + ZONE_LABEL_ROOM : m;
  const crossStart = axis.dir === 'down' ? m : m + ZONE_LABEL_ROOM;
  const rowStart = new Float64Array(rowKeys.length);
  let acc = flowStart;
  rowFlow.forEach((f, r) => { rowStart[r] = acc; acc += f + gap; });
  const flowLen = flowStart + rowsLen + m;

  const colStart = new Float64Array(columns);
  let cacc = 0;
  for (let c = 0; c < columns; c++) {
    const surfaced = c < zones.length;
    colStart[c] = cacc + (surfaced ? crossStart : 0);
    cacc += (surfaced ? crossStart + colCross[c]! + m : colCross[c]!) + gap;
  }
  const crossLen = Math.max(0, cacc - gap);

  const subnetPos = subnets.map((_, i) => axis.xy(rowStart[rowOf[i]!]!, colStart[columnOf[i]!]!));
  const zoneBox = zones.map((_, c) => {
    const p = axis.xy(0, colStart[c]! - crossStart);
    const s = axis.xy(flowLen, crossStart + colCross[c]! + m);
    return { x: p.x, y: p.y, w: s.x, h: s.y };
  });
  const size = axis.xy(flowLen, crossLen);
  return { subnetPos, zoneBox, w: size.x, h: size.y };
}
