/**
 * The source-arrangement layout, steps 1 and 2 (see source.ts): the containment tree of the
 * author's drawing, missing hints filled in, and the clean-up that clips, splits and evicts so
 * that the mapping only ever sees a clean nesting.
 */
import { arrayOf, canContain, componentSpec } from '../catalog/index.js';
import type { Graph, Resource } from '../graph/types.js';
import type { Box } from './types.js';

export interface Item {
  r: Resource;
  group: boolean;
  parent: Item | undefined;
  children: Item[];
  /** Source box (px): the hint, clipped and split by the clean-up. */
  box: Box;
  /** Components: the point (px) they are placed at. */
  px: number;
  py: number;
  hinted: boolean;
}

export const SURFACES = new Set(['zone', 'area']);
const MAX_DEPTH = 48;
/** Padding (cells) around the content of each container; sg/subnet grow around nested SGs. */
export const PAD: Record<string, number> = { region: 2, vpc: 2, subnet: 2, sg: 1, networkacl: 2 };
export const isAuto = (t: string) => !SURFACES.has(t) && componentSpec(t)?.hasMapSize !== true;
const isGroupType = (t: string | undefined) => !!t && (arrayOf(t) === 'groups' || arrayOf(t) === 'surfaces');
export const named = (it: Item) => !isAuto(it.r.ccType!) && it.r.name !== '';

/** Whether Cloudcraft lets container `c` list `r` (regions and network ACLs take anything). */
const lists = (c: Item, r: Resource) => c.r.ccType === 'region' || c.r.ccType === 'networkacl' || canContain(c.r.ccType!, r.ccType!);

/** The nearest container that is not a floor surface (zone, area): the one whose list decides. */
function structural(p: Item | undefined): Item | undefined {
  while (p && SURFACES.has(p.r.ccType!)) p = p.parent;
  return p;
}

export function buildTree(graph: Graph): { root: Item; items: Item[] } {
  const root: Item = { r: { id: '', address: '', provider: 'generic', sourceType: '', ccType: 'root', name: '', props: {}, in: {} }, group: true, parent: undefined, children: [], box: { x: 0, y: 0, w: 0, h: 0 }, px: 0, py: 0, hinted: false };
  const items = graph.resources.filter((r) => r.ccType).map((r): Item => {
    const h = r.hint;
    const ok = !!h && [h.x, h.y, h.w, h.h].every(Number.isFinite);
    const box = ok ? { x: h!.x, y: h!.y, w: Math.max(h!.w, 1), h: Math.max(h!.h, 1) } : { x: 0, y: 0, w: 1, h: 1 };
    return { r, group: isGroupType(r.ccType), parent: undefined, children: [], box, px: box.x + box.w / 2, py: box.y + box.h / 2, hinted: ok };
  });
  const byId = new Map(items.map((i) => [i.r.id, i]));
  const area = (i: Item) => i.box.w * i.box.h;
  for (const it of items) {
    const c = it.r.in;
    const direct = c.parent ? byId.get(c.parent) : undefined;
    if (direct?.group && direct !== it) {
      it.parent = direct;
      continue;
    }
    const typed = [c.asg, ...(c.securityGroups ?? []), ...(c.subnets ?? []), c.vpc].map((id) => (id ? byId.get(id) : undefined))
      .filter((x): x is Item => !!x && x.group && x !== it);
    const inside = typed.filter((t) => inBox(t.box, it.px, it.py));
    it.parent = (inside.length ? inside : typed).sort((a, b) => area(a) - area(b))[0];
  }
  // A graph may say A in B and B in A: cut each cycle at its last link.
  const state = new Map<Item, 'visiting' | 'done'>();
  for (const it of items) {
    const path: Item[] = [];
    let x: Item | undefined = it;
    while (x && !state.has(x)) {
      state.set(x, 'visiting');
      path.push(x);
      x = x.parent;
    }
    if (x && state.get(x) === 'visiting') path[path.length - 1]!.parent = undefined;
    for (const q of path) state.set(q, 'done');
  }
  // A component a container cannot list moves up (and so out of that box) to one that can.
  for (const it of items) {
    if (it.group) continue;
    for (let a = structural(it.parent); a && !lists(a, it.r); a = structural(it.parent)) it.parent = a.parent;
  }
  // The steps below recurse over the tree: absurd nesting is flattened onto the deepest allowed level.
  const depths = new Map<Item, number>();
  const depthOf = (it: Item): number => {
    const chain: Item[] = [];
    let d = 0;
    for (let p: Item | undefined = it; p; p = p.parent) {
      const known = depths.get(p);
      if (known !== undefined) {
        d = known;
        break;
      }
      chain.push(p);
    }
    for (let i = chain.length - 1; i >= 0; i--) depths.set(chain[i]!, ++d);
    return depths.get(it)!;
  };
  for (const it of items) {
    if (depthOf(it) <= MAX_DEPTH) continue;
    let a = it.parent;
    while (a && depthOf(a) >= MAX_DEPTH) a = a.parent;
    it.parent = a;
    depths.set(it, a ? depthOf(a) + 1 : 1);
  }
  for (const it of items) {
    (it.parent ?? root).children.push(it);
    it.parent ??= root;
  }
  return { root, items };
}

/** Resources without a hint go in a row under their container's content (library use). */
export function fillMissingHints(n: Item, unit: number): void {
  for (const c of n.children) if (c.group) fillMissingHints(c, unit);
  const hinted = n.children.filter((c) => c.hinted);
  const content = bounds(hinted.map((c) => c.box));
  let x = content ? content.x : n.hinted ? n.box.x + unit : 0;
  const y = content ? content.y + content.h + unit : n.hinted ? n.box.y + unit : 0;
  for (const c of n.children) {
    if (c.hinted) continue;
    const w = c.group ? c.box.w : unit;
    const h = c.group ? c.box.h : unit;
    c.box = { x, y, w, h };
    c.px = x + w / 2;
    c.py = y + h / 2;
    c.hinted = true;
    x += w + unit;
  }
  const all = bounds(n.children.map((c) => c.box));
  if (n.r.ccType === 'root' || !all) return;
  const grown = inflate(all, unit / 2);
  n.box = n.hinted ? bounds([n.box, grown])! : grown;
  n.hinted = true;
}

export function bounds(boxes: readonly Box[]): Box | undefined {
  if (!boxes.length) return undefined;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y); x1 = Math.max(x1, b.x + b.w); y1 = Math.max(y1, b.y + b.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export const inflate = (b: Box, d: number): Box => ({ x: b.x - d, y: b.y - d, w: b.w + 2 * d, h: b.h + 2 * d });
const inBox = (b: Box, x: number, y: number) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
export const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** Step 2: clip, split, clamp and evict, top-down, so that step 3 only sees a clean nesting. */
export function normalize(n: Item): void {
  const isRoot = n.r.ccType === 'root';
  const e = isRoot ? 0 : Math.min(1, n.box.w / 8, n.box.h / 8);
  const inner = isRoot ? undefined : inflate(n.box, -e);
  const groups = n.children.filter((c) => c.group);
  if (inner) {
    for (const g of groups) {
      const x0 = Math.max(g.box.x, inner.x), x1 = Math.min(g.box.x + g.box.w, inner.x + inner.w);
      const y0 = Math.max(g.box.y, inner.y), y1 = Math.min(g.box.y + g.box.h, inner.y + inner.h);
      const w = x1 - x0 > inner.w / 64 ? x1 - x0 : Math.min(Math.max(g.box.w, 1), inner.w / 2);
      const h = y1 - y0 > inner.h / 64 ? y1 - y0 : Math.min(Math.max(g.box.h, 1), inner.h / 2);
      const x = x1 - x0 > inner.w / 64 ? x0 : clamp(g.box.x + g.box.w / 2 - w / 2, inner.x, inner.x + inner.w - w);
      const y = y1 - y0 > inner.h / 64 ? y0 : clamp(g.box.y + g.box.h / 2 - h / 2, inner.y, inner.y + inner.h - h);
      g.box = { x, y, w, h };
    }
  }
  groups.sort((a, b) => a.box.x - b.box.x || a.box.y - b.box.y);
  for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) split(groups[i]!, groups[j]!);
  for (const p of n.children) {
    if (p.group) continue;
    if (inner) {
      p.px = clamp(p.px, inner.x, inner.x + inner.w);
      p.py = clamp(p.py, inner.y, inner.y + inner.h);
    }
    for (let round = 0; round < 8; round++) {
      const g = groups.find((q) => inBox(q.box, p.px, p.py));
      if (!g) break;
      if (round < 7 && evict(p, g.box, inner)) continue;
      cut(g, p);
    }
  }
  for (const g of groups) normalize(g);
}

/** Makes two overlapping sibling boxes disjoint: cut at the middle of the smaller overlap. */
function split(a: Item, b: Item): void {
  const ox = Math.min(a.box.x + a.box.w, b.box.x + b.box.w) - Math.max(a.box.x, b.box.x);
  const oy = Math.min(a.box.y + a.box.h, b.box.y + b.box.h) - Math.max(a.box.y, b.box.y);
  if (ox < 0 || oy < 0) return;
  const alongX = ox <= oy;
  const [lo, hi] = (alongX ? a.box.x + a.box.w / 2 <= b.box.x + b.box.w / 2 : a.box.y + a.box.h / 2 <= b.box.y + b.box.h / 2) ? [a, b] : [b, a];
  const o = alongX ? ox : oy;
  const mid = alongX ? Math.max(a.box.x, b.box.x) + o / 2 : Math.max(a.box.y, b.box.y) + o / 2;
  const g = Math.max(o / 4, 1e-3);
  if (alongX) {
    lo.box = { ...lo.box, w: Math.max(mid - g - lo.box.x, 1e-3) };
    const right = hi.box.x + hi.box.w;
    hi.box = { ...hi.box, x: Math.min(mid + g, right - 1e-3), w: Math.max(right - (mid + g), 1e-3) };
  } else {
    lo.box = { ...lo.box, h: Math.max(mid - g - lo.box.y, 1e-3) };
    const bottom = hi.box.y + hi.box.h;
    hi.box = { ...hi.box, y: Math.min(mid + g, bottom - 1e-3), h: Math.max(bottom - (mid + g), 1e-3) };
  }
}

/** Moves a point just outside `b` across its nearest side, if that stays inside `inner`. */
function evict(p: Item, b: Box, inner: Box | undefined): boolean {
  const d = Math.max(1e-3, Math.min(1, b.w / 8, b.h / 8));
  const options: [number, number, number][] = [
    [p.px - b.x, b.x - d, p.py], [b.x + b.w - p.px, b.x + b.w + d, p.py],
    [p.py - b.y, p.px, b.y - d], [b.y + b.h - p.py, p.px, b.y + b.h + d],
  ];
  options.sort((u, v) => u[0] - v[0]);
  for (const [, x, y] of options) {
    if (inner && !inBox(inner, x, y)) continue;
    p.px = x;
    p.py = y;
    return true;
  }
  return false;
}

/** Last resort: shrinks `g` so that point `p` falls outside it, keeping the larger part. */
function cut(g: Item, p: Item): void {
  const b = g.box;
  const d = Math.min(1, b.w / 8, b.h / 8);
  const parts: Box[] = [
    { x: p.px + d, y: b.y, w: b.x + b.w - p.px - d, h: b.h }, { x: b.x, y: b.y, w: p.px - d - b.x, h: b.h },
    { x: b.x, y: p.py + d, w: b.w, h: b.y + b.h - p.py - d }, { x: b.x, y: b.y, w: b.w, h: p.py - d - b.y },
  ].filter((q) => q.w > 0 && q.h > 0);
  g.box = parts.sort((u, v) => v.w * v.h - u.w * u.h)[0] ?? { x: p.px + d, y: p.py + d, w: 1e-3, h: 1e-3 };
}

