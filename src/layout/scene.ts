/**
 * Positions → Scene. Two relations are written for every object:
 *
 * - `parent`: the visual container (the group whose box it sits in), used for nesting checks.
 * - `members`: Cloudcraft's membership lists (`nodes`), which are not a tree: an object is listed
 *   by its nearest enclosing container that accepts its type (an SG inside a subnet is listed by
 *   the VPC, since subnets do not take SGs), and additionally by every security group around it
 *   (SG membership is a fact about the resource, not a place). Zones and areas are floor
 *   surfaces and list nothing. Labels are members too where their container accepts `isotext`,
 *   so moving a group in Cloudcraft moves its labels with it.
 *
 * Auto-sized groups (vpc, subnet, sg, region, networkacl) get the box Cloudcraft will draw:
 * the bounding box of their members plus their padding; nested SG paddings shrink so that an
 * inner SG stays inside the outer one.
 */
import { canContain, componentSpec } from '../catalog/index.js';
import { derivedId } from '../ids.js';
import type { Resource } from '../graph/types.js';
import { LABEL, labelWidth } from './footprint.js';
import type { TreeNode } from './tree.js';
import { ZONE_LABEL_ROOM, ZONE_MARGIN } from './matrix.js';
import type { Box, Scene, SceneGroup, SceneLabel } from './types.js';

/** Margin and name room of area surfaces (as pack.ts allocates them). */
const AREA_MARGIN = 1;
const AREA_NAME_ROOM = 1;

export interface Positions {
  /** Footprint of every component. */
  leaf: Map<string, Box>;
  /** Allocated box of every drawn container. */
  group: Map<TreeNode, Box>;
  /** Where a container's own name label goes (zones, areas, ASGs, empty groups). */
  groupLabel: Map<TreeNode, { x: number; y: number }>;
}

/**
 * Drawn padding of auto-sized groups, in whole cells so components stay on grid points. A
 * subnet lists the components inside its security groups, so it pads one more than its widest
 * SG; nested SGs pad one more than the SGs inside them.
 */
const BASE_PADDING: Record<string, number> = { region: 2, vpc: 2, subnet: 2, sg: 1, networkacl: 2 };
const paddingMemo = new WeakMap<TreeNode, number>();

export function drawnPadding(n: TreeNode): number | undefined {
  const base = BASE_PADDING[n.ccType];
  if (base === undefined || !isAutoSized(n.ccType)) return undefined;
  let p = paddingMemo.get(n);
  if (p !== undefined) return p;
  p = base;
  if (n.kind === 'sg' || n.kind === 'subnet') {
    for (const c of n.children) if (c.kind === 'sg') p = Math.max(p, drawnPadding(c)! + 1);
  }
  paddingMemo.set(n, p);
  return p;
}

export function isAutoSized(type: string): boolean {
  return type !== 'zone' && type !== 'area' && componentSpec(type)?.hasMapSize !== true;
}

/** Containers that are floor surfaces or layout-only: they never list members. */
const NO_LIST = new Set(['root', 'bundle', 'zone', 'area']);

export function buildScene(tree: TreeNode, pos: Positions, byId: ReadonlyMap<string, Resource>, dir: 'right' | 'down' = 'right'): Scene {
  const scene: Scene = { nodes: [], groups: [], labels: [] };
  const groupOf = new Map<TreeNode, SceneGroup>();
  const byGroupId = new Map<string, SceneGroup>();
  const boxOf = new Map<string, Box>();

  /** Adds an object to the membership lists of its containers (chain: nearest first). */
  const enlist = (id: string, type: string, chain: readonly TreeNode[]) => {
    if (type === 'zone' || type === 'area') return;
    let structural = false;
    let insideAsg = false;
    for (const a of chain) {
      if (a.kind === 'sg') {
        if (!insideAsg && canContain('sg', type) && type !== 'sg') groupOf.get(a)!.members.push(id);
        continue;
      }
      if (NO_LIST.has(a.kind)) continue;
      if (!structural) {
        if (canContain(a.ccType, type) && !(a.kind === 'region' && type === 'region')) {
          groupOf.get(a)!.members.push(id);
          structural = true;
        } else if (a.kind !== 'asg' && a.kind !== 'parent' && !(type === 'sg' && a.kind === 'subnet')) {
          // A network container that does not take it: listed nowhere. Security groups are
          // VPC-level in Cloudcraft, so one drawn inside a subnet is listed by the VPC.
          structural = true;
        }
      }
      if (a.kind === 'asg') insideAsg = true;
    }
  };

  const labelFor = (id: string, text: string, x: number, y: number, anchor: string, parent: SceneGroup | undefined): SceneLabel => {
    const l: SceneLabel = { id, text, x, y, anchor, w: labelWidth(text), h: LABEL.depth };
    if (parent) l.parent = parent.id;
    scene.labels.push(l);
    boxOf.set(id, { x, y, w: l.w!, h: l.h! });
    return l;
  };

  /** Name labels of zones (and other named containers), by group id. */
  const zoneLabel = new Map<string, SceneLabel>();
  const visit = (n: TreeNode, chain: TreeNode[]) => {
    const visual = chain.find((a) => groupOf.has(a));
    const parentGroup = visual ? groupOf.get(visual) : undefined;
    let self: SceneGroup | undefined;
    if (n.kind !== 'root' && n.kind !== 'bundle') {
      const box = pos.group.get(n);
      if (!box) throw new Error(`layout: container ${n.kind} ${n.name} was never placed`);
      self = { id: n.id, ccType: n.ccType, name: n.name, box, members: [] };
      if (n.resourceId) self.resourceId = n.resourceId;
      if (n.region) self.region = n.region;
      if (parentGroup) self.parent = parentGroup.id;
      const pad = drawnPadding(n);
      if (pad !== undefined) self.padding = pad;
      groupOf.set(n, self);
      byGroupId.set(self.id, self);
      enlist(n.id, n.ccType, chain);
    }
    const inner = self ? [n, ...chain] : n.kind === 'bundle' ? [n, ...chain] : chain;
    const here = self ?? parentGroup;
    for (const id of n.leaves) {
      const box = pos.leaf.get(id)!;
      const node = here ? { id, box, parent: here.id } : { id, box };
      scene.nodes.push(node);
      boxOf.set(id, box);
      enlist(id, byId.get(id)?.ccType ?? '', inner);
      const l = labelFor(derivedId('label', id), byId.get(id)?.name ?? '', box.x, box.y + box.h + LABEL.offset, id, here);
      enlist(l.id, 'isotext', inner);
    }
    const at = pos.groupLabel.get(n);
    if (self && at) {
      const l = labelFor(derivedId('label', n.id), n.name, at.x, at.y, n.id, self);
      zoneLabel.set(n.id, l);
      // A zone's name belongs to the VPC around it; any other name label to the group itself.
      enlist(l.id, 'isotext', n.kind === 'zone' ? chain : inner);
    }
    for (const c of n.children) visit(c, inner);
    if (self) {
      boxOf.set(self.id, self.box);
      scene.groups.push(self);
    }
  };
  visit(tree, []);

  // Auto-sized boxes, innermost first (groups were pushed children-first). A VPC's zone
  // surfaces are fitted to its drawn subnets just before the VPC itself.
  const zonesOf = new Map<string, SceneGroup[]>();
  for (const g of scene.groups) {
    if (g.ccType !== 'zone' || !g.parent) continue;
    const list = zonesOf.get(g.parent);
    if (list) list.push(g);
    else zonesOf.set(g.parent, [g]);
  }
  const subnetsOf = new Map<string, SceneGroup[]>();
  for (const g of scene.groups) {
    if (!g.parent || groupById(g.parent)?.ccType !== 'zone') continue;
    const list = subnetsOf.get(g.parent);
    if (list) list.push(g);
    else subnetsOf.set(g.parent, [g]);
  }
  function groupById(id: string): SceneGroup | undefined {
    return byGroupId.get(id);
  }
  const inside = new Map<string, Box[]>();
  const addInside = (parent: string | undefined, b: Box) => {
    if (parent) (inside.get(parent) ?? inside.set(parent, []).get(parent)!).push(b);
  };
  for (const n of scene.nodes) addInside(n.parent, n.box);
  for (const l of scene.labels) if (zoneLabel.get(l.parent ?? '') !== l) addInside(l.parent, { x: l.x, y: l.y, w: l.w!, h: l.h! });
  for (const g of scene.groups) {
    if (g.ccType === 'area') {
      const label = zoneLabel.get(g.id);
      fitArea(g, inside.get(g.id) ?? [], label);
      boxOf.set(g.id, g.box);
      if (label) boxOf.set(label.id, { x: label.x, y: label.y, w: label.w!, h: label.h! });
    }
    addInside(g.parent, g.box);
    const zones = zonesOf.get(g.id);
    if (zones) {
      fitZones(zones, subnetsOf, zoneLabel, dir);
      for (const z of zones) {
        boxOf.set(z.id, z.box);
        const l = zoneLabel.get(z.id);
        if (l) boxOf.set(l.id, { x: l.x, y: l.y, w: l.w!, h: l.h! });
      }
    }
    if (!isAutoSized(g.ccType) || g.members.length === 0) continue;
    const b = boundsOf(g.members.map((m) => boxOf.get(m)));
    if (!b) continue;
    const p = g.padding ?? 0;
    g.box = { x: b.x - p, y: b.y - p, w: b.w + 2 * p, h: b.h + 2 * p };
    boxOf.set(g.id, g.box);
  }
  return scene;
}

function boundsOf(boxes: readonly (Box | undefined)[]): Box | undefined {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    if (!b) continue;
    x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w); y1 = Math.max(y1, b.y + b.h);
  }
  return x0 === Infinity ? undefined : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * Zone surfaces around the drawn subnets: across the flow each zone wraps its own subnets, along
 * the flow every zone of the VPC spans all of them (so the zones line up), with a margin and
 * room for the zone's name at the top. The name label moves with the surface.
 */
function fitZones(zones: readonly SceneGroup[], subnetsOf: ReadonlyMap<string, SceneGroup[]>, labels: ReadonlyMap<string, SceneLabel>, dir: 'right' | 'down'): void {
  const all = boundsOf(zones.flatMap((z) => (subnetsOf.get(z.id) ?? []).map((s) => s.box)));
  if (!all) return;
  for (const z of zones) {
    const own = boundsOf((subnetsOf.get(z.id) ?? []).map((s) => s.box)) ?? all;
    const [x0, x1] = dir === 'right' ? [all.x, all.x + all.w] : [own.x, own.x + own.w];
    const [y0, y1] = dir === 'right' ? [own.y, own.y + own.h] : [all.y, all.y + all.h];
    const label = labels.get(z.id);
    const m = ZONE_MARGIN;
    const w = Math.max(x1 - x0 + 2 * m, (label?.w ?? 0) + 1);
    z.box = { x: x0 - m, y: y0 - m - ZONE_LABEL_ROOM, w, h: y1 - y0 + 2 * m + ZONE_LABEL_ROOM };
    if (label) {
      label.x = z.box.x + 0.5;
      label.y = z.box.y + 0.25;
    }
  }
}

/**
 * An area (a module or stack surface) is drawn around what it holds, with its margin and its name
 * room at the top, within the room the layout gave it: the room may be larger (it keeps space for
 * growth), the drawn surface is not.
 */
function fitArea(g: SceneGroup, content: readonly Box[], label: SceneLabel | undefined): void {
  const b = boundsOf(content);
  if (!b) return;
  const room = g.box, m = AREA_MARGIN, top = AREA_NAME_ROOM;
  const w = Math.max(b.w + 2 * m, (label?.w ?? 0) + 1);
  const x = Math.max(room.x, Math.min(b.x - m, room.x + room.w - w));
  const y = Math.max(room.y, b.y - m - top);
  g.box = { x, y, w, h: b.y + b.h + m - y };
  if (label) {
    label.x = x + m;
    label.y = y + 0.25;
  }
}
