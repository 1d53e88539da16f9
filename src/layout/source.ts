/**
 * The "keep the author's arrangement" layout (LayoutOptions.arrangement = 'source'): maps each
 * resource's `hint` (draw.io pixels) onto the Cloudcraft grid.
 *
 * 1. Tree: a resource sits in `in.parent` (else its smallest typed container). A component a
 *    container cannot hold in Cloudcraft (an S3 bucket drawn inside a subnet) moves up to one
 *    that can, so it is drawn beside that box rather than inside it.
 * 2. Source clean-up, top-down: child boxes are clipped into their parent, overlapping sibling
 *    boxes are split, components become points (their centre) strictly inside their container
 *    and outside its child boxes; nearly aligned points snap to one row/column.
 * 3. Mapping: one monotone, integer-valued function per axis over all box edges and points (a
 *    rubber sheet). Monotone means every left-of/above relation and every containment of the
 *    drawing survives; minimum gaps (a component's cell plus its label, a group's padding) are
 *    forward constraints applied in the same sweep. Hence no overlaps and exact nesting.
 * 4. Boxes shrink-wrap their content as Cloudcraft draws them (auto-sized groups: bounding box
 *    of their listed members plus padding), always within the space step 3 reserved.
 */
import { arrayOf, canContain, componentSpec } from '../catalog/index.js';
import { derivedId } from '../ids.js';
import type { Graph, Resource } from '../graph/types.js';
import { footprintOf, LABEL, labelWidth } from './footprint.js';
import type { Box, LayoutOptions, Scene, SceneGroup, SceneLabel } from './types.js';

interface Item {
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

const SURFACES = new Set(['zone', 'area']);
const MAX_DEPTH = 48;
/** Padding (cells) around the content of each container; sg/subnet grow around nested SGs. */
const PAD: Record<string, number> = { region: 2, vpc: 2, subnet: 2, sg: 1, networkacl: 2 };
const isAuto = (t: string) => !SURFACES.has(t) && componentSpec(t)?.hasMapSize !== true;
const isGroupType = (t: string | undefined) => !!t && (arrayOf(t) === 'groups' || arrayOf(t) === 'surfaces');
const named = (it: Item) => !isAuto(it.r.ccType!) && it.r.name !== '';

/** Whether Cloudcraft lets container `c` list `r` (regions and network ACLs take anything). */
const lists = (c: Item, r: Resource) => c.r.ccType === 'region' || c.r.ccType === 'networkacl' || canContain(c.r.ccType!, r.ccType!);

/** The nearest container that is not a floor surface (zone, area): the one whose list decides. */
function structural(p: Item | undefined): Item | undefined {
  while (p && SURFACES.has(p.r.ccType!)) p = p.parent;
  return p;
}

function buildTree(graph: Graph): { root: Item; items: Item[] } {
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
function fillMissingHints(n: Item, unit: number): void {
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

function bounds(boxes: readonly Box[]): Box | undefined {
  if (!boxes.length) return undefined;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y); x1 = Math.max(x1, b.x + b.w); y1 = Math.max(y1, b.y + b.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const inflate = (b: Box, d: number): Box => ({ x: b.x - d, y: b.y - d, w: b.w + 2 * d, h: b.h + 2 * d });
const inBox = (b: Box, x: number, y: number) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** Step 2: clip, split, clamp and evict, top-down, so that step 3 only sees a clean nesting. */
function normalize(n: Item): void {
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

/** Padding (cells) a container keeps around its content, and extra room on top for a name label. */
function padOf(it: Item, memo: Map<Item, number>): number {
  const known = memo.get(it);
  if (known !== undefined) return known;
  const t = it.r.ccType!;
  let p = isAuto(t) ? PAD[t] ?? 1 : 1;
  if (t === 'sg' || t === 'subnet') for (const c of it.children) if (c.r.ccType === 'sg') p = Math.max(p, padOf(c, memo) + 1);
  memo.set(it, p);
  return p;
}

/** Nearly aligned points share a coordinate, unless a box edge lies between them. */
function snapAligned(points: Item[], edges: number[], axis: 'px' | 'py', tol: number): void {
  const sorted = [...points].sort((a, b) => a[axis] - b[axis]);
  const e = [...edges].sort((a, b) => a - b);
  const edgeIn = (lo: number, hi: number) => {
    let l = 0, h = e.length;
    while (l < h) { const m = (l + h) >> 1; if (e[m]! < lo) l = m + 1; else h = m; }
    return l < e.length && e[l]! <= hi;
  };
  let start = -Infinity;
  for (const p of sorted) {
    if (p[axis] - start > tol || edgeIn(start, p[axis])) start = p[axis];
    else p[axis] = start;
  }
}

interface Ev { v: number; rank: number; sub: number; end: number; f: number; into: [Ev, number][] }

/** Step 3 on one axis: integer positions for every event, monotone, honouring every gap. */
function mapAxis(items: Item[], axis: 'x' | 'y', unit: number, pads: Map<Item, number>): { lo: Map<Item, Ev>; hi: Map<Item, Ev> } {
  const lo = new Map<Item, Ev>();
  const hi = new Map<Item, Ev>();
  const evs: Ev[] = [];
  const ev = (v: number, rank: number, sub: number, end: number): Ev => {
    const e: Ev = { v, rank, sub, end, f: 0, into: [] };
    evs.push(e);
    return e;
  };
  const shared = new Map<string, [Ev, Ev]>();
  const dup = new Map<string, number>();
  for (const it of items) {
    if (it.group) {
      const b = it.box;
      lo.set(it, ev(axis === 'x' ? b.x : b.y, 2, 0, 0));
      hi.set(it, ev(axis === 'x' ? b.x + b.w : b.y + b.h, 0, 0, 0));
      continue;
    }
    // Points on exactly the same spot are told apart along x by a sub-rank.
    const spot = `${it.px},${it.py}`;
    const sub = axis === 'x' ? dup.get(spot) ?? 0 : 0;
    if (axis === 'x') dup.set(spot, sub + 1);
    const v = axis === 'x' ? it.px : it.py;
    const key = `${v},${sub}`;
    let pair = shared.get(key);
    if (!pair) shared.set(key, (pair = [ev(v, 1, sub, 0), ev(v, 1, sub, 1)]));
    lo.set(it, pair[0]);
    hi.set(it, pair[1]);
  }
  const need = (from: Ev, to: Ev, gap: number) => to.into.push([from, gap]);
  for (const it of items) {
    const fp = footprintOf(it.r);
    const size = axis === 'x' ? fp.w : fp.d;
    if (!it.group) {
      need(lo.get(it)!, hi.get(it)!, size + 1); // the cell and its label
      continue;
    }
    const pad = pads.get(it)!;
    const top = axis === 'y' && named(it) ? pad + 1 : pad;
    for (const c of it.children) {
      need(lo.get(it)!, lo.get(c)!, top);
      if (c.group) need(hi.get(c)!, hi.get(it)!, pad);
      else need(lo.get(c)!, hi.get(it)!, (axis === 'x' ? footprintOf(c.r).w : footprintOf(c.r).d) + Math.max(pad, 1));
    }
    // Room for the name label: inside empty auto-sized groups, on the top row of named surfaces.
    const label = isAuto(it.r.ccType!) ? labelWidth(it.r.name || it.r.ccType!) + 2 * pad : named(it) ? labelWidth(it.r.name) + 1 : 0;
    need(lo.get(it)!, hi.get(it)!, axis === 'x' ? Math.ceil(Math.max(label, 1 + 2 * pad)) : top + pad + 1);
  }
  evs.sort((a, b) => a.v - b.v || a.rank - b.rank || a.sub - b.sub || a.end - b.end);
  const order = new Map(evs.map((e, i) => [e, i]));
  let r = 0;
  evs.forEach((e, i) => {
    if (i > 0) r += (e.v - evs[i - 1]!.v) / unit;
    let f = i > 0 ? Math.max(Math.round(r), evs[i - 1]!.f) : 0;
    for (const [from, gap] of e.into) if (order.get(from)! < i) f = Math.max(f, from.f + gap);
    e.f = f;
    r = Math.max(r, f);
  });
  return { lo, hi };
}

export function sourceLayout(graph: Graph, _options: LayoutOptions = {}): Scene {
  const { root, items } = buildTree(graph);
  const sizes = items.filter((i) => !i.group && i.hinted).map((i) => Math.max(i.box.w, i.box.h)).sort((a, b) => a - b);
  const unit = clamp(sizes.length ? sizes[sizes.length >> 1]! : 60, 16, 256);
  fillMissingHints(root, unit);
  normalize(root);
  const points = items.filter((i) => !i.group);
  const groupItems = items.filter((i) => i.group);
  snapAligned(points, groupItems.flatMap((g) => [g.box.x, g.box.x + g.box.w]), 'px', unit * 0.2);
  snapAligned(points, groupItems.flatMap((g) => [g.box.y, g.box.y + g.box.h]), 'py', unit * 0.2);
  const pads = new Map<Item, number>();
  for (const g of groupItems) padOf(g, pads);
  const X = mapAxis(items, 'x', unit, pads);
  const Y = mapAxis(items, 'y', unit, pads);
  return buildScene(root, X, Y, pads);
}

/** Step 4: final boxes (post-order), Cloudcraft membership lists and labels. */
function buildScene(root: Item, X: ReturnType<typeof mapAxis>, Y: ReturnType<typeof mapAxis>, pads: Map<Item, number>): Scene {
  const scene: Scene = { nodes: [], groups: [], labels: [] };
  const boxOf = new Map<string, Box>();
  const groupOf = new Map<Item, SceneGroup>();
  const leaves: Item[] = [];
  const labelOf = (id: string, text: string, x: number, y: number, anchor: string, parent: SceneGroup | undefined): SceneLabel => {
    const l: SceneLabel = { id, text, x, y, anchor, w: labelWidth(text), h: LABEL.depth };
    if (parent) l.parent = parent.id;
    scene.labels.push(l);
    boxOf.set(id, { x, y, w: l.w!, h: l.h! });
    return l;
  };
  const chain = (it: Item): Item[] => {
    const out: Item[] = [];
    for (let p = it.parent; p && p !== root; p = p.parent) out.push(p);
    return out;
  };
  /** Cloudcraft lists an object in its nearest container that takes its type, and in every SG around it. */
  const enlist = (id: string, type: string, ancestors: Item[]) => {
    let structural = false;
    let insideAsg = false;
    for (const a of ancestors) {
      const t = a.r.ccType!;
      const g = groupOf.get(a)!;
      if (SURFACES.has(t)) continue;
      if (t === 'sg') {
        if (!insideAsg && type !== 'sg' && canContain('sg', type)) g.members.push(id);
      } else if (!structural) {
        if (canContain(t, type) && !(t === 'region' && type === 'region')) {
          g.members.push(id);
          structural = true;
        } else if (t !== 'asg' && componentSpec(t)?.hasMapSize !== true) structural = true;
      }
      if (t === 'asg') insideAsg = true;
    }
  };
  // Pre-order: create groups (so members can be listed), place nodes.
  const visit = (n: Item) => {
    for (const c of n.children) {
      const parent = n === root ? undefined : groupOf.get(n);
      if (c.group) {
        const g: SceneGroup = { id: c.r.id, ccType: c.r.ccType!, name: c.r.name, box: { x: 0, y: 0, w: 0, h: 0 }, members: [], resourceId: c.r.id };
        if (c.r.region) g.region = c.r.region;
        if (parent) g.parent = parent.id;
        if (isAuto(g.ccType)) g.padding = pads.get(c)!;
        groupOf.set(c, g);
        scene.groups.push(g);
        visit(c);
      } else {
        const fp = footprintOf(c.r);
        const box = { x: X.lo.get(c)!.f, y: Y.lo.get(c)!.f, w: fp.w, h: fp.d };
        scene.nodes.push(parent ? { id: c.r.id, box, parent: parent.id } : { id: c.r.id, box });
        leaves.push(c);
        boxOf.set(c.r.id, box);
        if (c.r.name) labelOf(derivedId('label', c.r.id), c.r.name, box.x, box.y + box.h + LABEL.offset, c.r.id, parent);
      }
    }
  };
  visit(root);
  for (const g of groupOf.keys()) enlist(g.r.id, g.r.ccType!, chain(g));
  for (const c of leaves) enlist(c.r.id, c.r.ccType!, chain(c));
  // Zones and areas are floor surfaces (no Cloudcraft list); their members say what sits on them.
  for (const [it, g] of groupOf) if (SURFACES.has(g.ccType)) g.members.push(...it.children.map((c) => c.r.id));
  // Post-order: boxes from content, inside the space the mapping reserved.
  const finish = (it: Item) => {
    for (const c of it.children) if (c.group) finish(c);
    const g = groupOf.get(it)!;
    const reserved = { x: X.lo.get(it)!.f, y: Y.lo.get(it)!.f, w: X.hi.get(it)!.f - X.lo.get(it)!.f, h: Y.hi.get(it)!.f - Y.lo.get(it)!.f };
    const visual = it.children.map((c) => boxOf.get(c.r.id)!);
    const pad = pads.get(it)!;
    if (!isAuto(g.ccType)) {
      const content = bounds(visual);
      const top = named(it) ? pad + 1 : pad;
      g.box = content ? { x: content.x - pad, y: content.y - top, w: content.w + 2 * pad, h: content.h + top + pad } : reserved;
      if (named(it)) {
        // Widen to the label, within the reserved space (the mapping reserved the label's width).
        const need = labelWidth(g.name) + 1;
        const right = Math.min(reserved.x + reserved.w, Math.max(g.box.x + g.box.w, g.box.x + need));
        const left = Math.max(reserved.x, Math.min(g.box.x, right - need));
        g.box = { ...g.box, x: left, w: right - left };
        const l = labelOf(derivedId('label', g.id), g.name, g.box.x + 0.5, g.box.y + 0.25, g.id, g);
        enlist(l.id, 'isotext', [it, ...chain(it)]);
      }
    } else {
      if (!g.members.length) {
        const l = labelOf(derivedId('label', g.id), g.name || g.ccType, reserved.x + pad, reserved.y + pad, g.id, g);
        g.members.push(l.id);
      }
      const listed = bounds(g.members.map((m) => boxOf.get(m)).filter((b): b is Box => !!b))!;
      const tight = inflate(listed, pad);
      const covers = visual.every((b) => b.x >= tight.x && b.y >= tight.y && b.x + b.w <= tight.x + tight.w && b.y + b.h <= tight.y + tight.h);
      g.box = covers ? tight : inflate(bounds([listed, ...visual])!, pad);
    }
    boxOf.set(g.id, g.box);
  };
  for (const c of root.children) if (c.group) finish(c);
  return scene;
}
