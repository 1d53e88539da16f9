/**
 * The source-arrangement layout, steps 3 and 4 (see source.ts): the monotone rubber-sheet mapping
 * of every box edge and point onto whole grid cells, and the final boxes, membership lists and
 * labels.
 */
import { canContain, componentSpec } from '../catalog/index.js';
import { derivedId } from '../ids.js';
import type { Resource } from '../graph/types.js';
import { footprintOf, LABEL, labelWidth } from './footprint.js';
import { bounds, inflate, isAuto, type Item, named, PAD, SURFACES } from './source-tree.js';
import type { Box, Scene, SceneGroup, SceneLabel } from './types.js';

/** Padding (cells) a container keeps around its content, and extra room on top for a name label. */
export function padOf(it: Item, memo: Map<Item, number>): number {
  const known = memo.get(it);
  if (known !== undefined) return known;
  const t = it.r.ccType!;
  let p = isAuto(t) ? PAD[t] ?? 1 : 1;
  if (t === 'sg' || t === 'subnet') for (const c of it.children) if (c.r.ccType === 'sg') p = Math.max(p, padOf(c, memo) + 1);
  memo.set(it, p);
  return p;
}

/** Nearly aligned points share a coordinate, unless a box edge lies between them. */
export function snapAligned(points: Item[], edges: number[], axis: 'px' | 'py', tol: number): void {
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
export function mapAxis(items: Item[], axis: 'x' | 'y', unit: number, pads: Map<Item, number>): { lo: Map<Item, Ev>; hi: Map<Item, Ev> } {
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

/** Step 4: final boxes (post-order), Cloudcraft membership lists and labels. */
export function buildSourceScene(root: Item, X: ReturnType<typeof mapAxis>, Y: ReturnType<typeof mapAxis>, pads: Map<Item, number>): Scene {
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
