/**
 * Inside a VPC: availability zones side by side across the flow, and in every zone its subnets
 * in tier rows along the flow (public, then private, then isolated), the same row in every zone
 * holding the subnets that play the same part (matched by name without the zone marker), so
 * tiers line up across zones. Subnets without a zone form extra columns without a zone surface.
 *
 * The matrix grows outwards from an anchor — the start of the first row after the public tier,
 * on the line between the first two columns: public rows end at the anchor and grow against
 * the flow, later rows grow with it; the first column grows up (its content is laid out from
 * its far edge), later ones down. So a subnet that grows moves no other subnet, except a middle
 * row or column pushing the ones beyond it.
 */
const TIER_RANK: Record<string, number> = { public: 0, private: 1, isolated: 2 };
/** Surface margin around a zone's subnets; the top (y) side also holds the zone's name. */
export const ZONE_MARGIN = 1;
export const ZONE_LABEL_ROOM = 1;
/** Middle columns take their breadth in steps of this many cells. */
const MIDDLE_STEP = 18;

export interface MatrixSubnet {
  /** Zone name, or undefined for a subnet without one. */
  zone: string | undefined;
  name: string;
  tier: 'public' | 'private' | 'isolated' | undefined;
}

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

export interface MatrixCells {
  rowOf: Int32Array;
  columnOf: Int32Array;
  rows: number;
  columns: number;
  /** Whether each row holds a public tier. */
  publicRow: boolean[];
}

/** Which row and column every subnet takes (columns: zones in the given order, then zone-less ones). */
export function matrixCells(subnets: readonly MatrixSubnet[], zones: readonly string[]): MatrixCells {
  const zoneIndex = new Map(zones.map((z, i) => [z, i]));
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
  const publicRow = rowKeys.map((k) => k.startsWith(`${TIER_RANK['public']}\u0000`));
  return { rowOf, columnOf, rows: rowKeys.length, columns, publicRow };
}

export interface MatrixGeometry {
  /** Top-left of each subnet, relative to the anchor (flow, cross), and which way it grows: up (first column), against the flow (public rows). */
  subnetAt: { f: number; c: number; flip: { c: boolean; f: boolean } }[];
  /** Surface of each zone column (flow, cross, length, breadth), relative to the anchor. */
  zoneAt: { f: number; c: number; fl: number; cl: number }[];
  /** Extent of the matrix relative to the anchor. */
  f0: number;
  f1: number;
  c0: number;
  c1: number;
}

/**
 * Positions relative to the anchor. `size[i]` is subnet i's extent along/across the flow;
 * `zoneLabel[z]` the width of zone z's name; `labelOnFlowSide`: the zone name sits on the flow
 * side of the surface (flow down) rather than across it (flow right).
 */
export function matrixGeometry(cells: MatrixCells, size: readonly { f: number; c: number }[], zoneCount: number,
  zoneLabel: readonly number[], labelOnFlowSide: boolean, gap: number): MatrixGeometry {
  const { rowOf, columnOf, rows, columns } = cells;
  const rowF = new Float64Array(rows), colC = new Float64Array(columns);
  size.forEach((s, i) => {
    rowF[rowOf[i]!] = Math.max(rowF[rowOf[i]!]!, s.f);
    colC[columnOf[i]!] = Math.max(colC[columnOf[i]!]!, s.c);
  });
  // A zone's name runs along x: the surface must be wide enough for it.
  let labelRun = 0;
  for (let z = 0; z < zoneCount; z++) {
    if (labelOnFlowSide) colC[z] = Math.max(colC[z]!, zoneLabel[z] ?? 0);
    else labelRun = Math.max(labelRun, (zoneLabel[z] ?? 0) + 1);
  }
  // A middle column pushes the columns after it when it grows: it keeps room to grow in.
  for (let k = 1; k + 1 < columns; k++) colC[k] = Math.ceil(colC[k]! / MIDDLE_STEP) * MIDDLE_STEP;
  const m = ZONE_MARGIN;
  const flowStart = labelOnFlowSide ? m + ZONE_LABEL_ROOM : m;
  const crossStart = labelOnFlowSide ? m : m + ZONE_LABEL_ROOM;

  // Rows: the first non-public row starts at 0; public rows end before it.
  let anchorRow = cells.publicRow.findIndex((p) => !p);
  if (anchorRow < 0) anchorRow = rows;
  const rowStart = new Float64Array(rows);
  for (let r = anchorRow; r < rows; r++) rowStart[r] = r === anchorRow ? 0 : rowStart[r - 1]! + rowF[r - 1]! + gap;
  let end = 0;
  for (let r = anchorRow - 1; r >= 0; r--) {
    rowStart[r] = end - gap - rowF[r]!;
    end = rowStart[r]!;
  }
  const first = rows ? rowStart[0]! : 0;
  const last = rows ? rowStart[rows - 1]! + rowF[rows - 1]! : 0;

  // Columns: with two or more, the first ends on the anchor line and grows up.
  const colStart = new Float64Array(columns);
  const surfaced = (k: number) => k < zoneCount;
  const before = (k: number) => (surfaced(k) ? crossStart : 0);
  const after = (k: number) => (surfaced(k) ? m : 0);
  const split = columns >= 2;
  let at = 0;
  for (let k = 0; k < columns; k++) {
    if (k === 0 && split) {
      colStart[0] = -after(0) - colC[0]!;
      at = gap;
      continue;
    }
    colStart[k] = at + before(k);
    at = colStart[k]! + colC[k]! + after(k) + gap;
  }
  const subnetAt = size.map((s, i) => {
    const r = rowOf[i]!, k = columnOf[i]!;
    const pub = r < anchorRow;
    const up = split && k === 0;
    return {
      f: pub ? rowStart[r]! + rowF[r]! - s.f : rowStart[r]!,
      c: up ? colStart[k]! + colC[k]! - s.c : colStart[k]!,
      flip: { c: up, f: pub },
    };
  });
  const fl = Math.max(last - first + flowStart + m, labelRun);
  const zoneAt = Array.from({ length: zoneCount }, (_, k) => ({ f: first - flowStart, c: colStart[k]! - crossStart, fl, cl: crossStart + colC[k]! + m }));
  const c0 = columns ? Math.min(...Array.from({ length: columns }, (_, k) => colStart[k]! - before(k))) : 0;
  const c1 = columns ? Math.max(...Array.from({ length: columns }, (_, k) => colStart[k]! + colC[k]! + after(k))) : 0;
  return { subnetAt, zoneAt, f0: first - (zoneCount ? flowStart : 0), f1: zoneCount ? first - flowStart + fl : last, c0, c1 };
}
