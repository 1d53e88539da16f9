/**
 * First layout engine: nested packing on the Cloudcraft grid. Every container is laid out from
 * the inside out (components on a pitch grid, child containers in rows), sized to its content
 * plus padding, then positioned top-down. Correct by construction: siblings never overlap and
 * every group box holds exactly its subtree.
 */
import { componentSpec } from '../catalog/index.js';
import { derivedId } from '../ids.js';
import type { Graph, Resource } from '../graph/types.js';
import { buildTree, type TreeNode } from './tree.js';
import type { Box, LayoutOptions, Scene, SceneGroup, SceneLabel } from './types.js';

/** Padding inside each container kind; vpc/subnet/sg use Cloudcraft's default of 1.5. */
const PADDING: Record<string, number> = { region: 2, vpc: 1.5, zone: 1, subnet: 1.5, sg: 1, asg: 0.5, parent: 1.5 };
const GAP = 2;
/** Footprints in grid cells for components that are not 1×1. */
const FOOTPRINT: Record<string, readonly [number, number]> = {};

interface Sized {
  w: number;
  h: number;
  /** Places this item with its top-left corner at (x, y). */
  place(x: number, y: number): void;
}

export function packLayout(graph: Graph, options: LayoutOptions = {}): Scene {
  const spacing = options.spacing ?? 2;
  const byId = new Map(graph.resources.map((r) => [r.id, r]));
  const tree = buildTree(graph);
  const scene: Scene = { nodes: [], groups: [], labels: [] };
  const labelOf = (r: Resource, x: number, y: number): SceneLabel =>
    ({ id: derivedId('label', r.id), text: r.name, x, y, anchor: r.id });

  function leafBlock(ids: string[]): Sized | undefined {
    if (ids.length === 0) return undefined;
    const sizes: (readonly [number, number])[] = ids.map((id) => FOOTPRINT[byId.get(id)?.ccType ?? ''] ?? [1, 1] as const);
    const cellW = Math.max(...sizes.map((s) => s[0])) + spacing + 1; // +1: label text runs to the right
    const cellH = Math.max(...sizes.map((s) => s[1])) + spacing;
    const cols = Math.max(1, Math.ceil(Math.sqrt(ids.length * 1.5)));
    const rows = Math.ceil(ids.length / cols);
    const lastW = sizes.reduce((m, s) => Math.max(m, s[0]), 1);
    const lastH = sizes.reduce((m, s) => Math.max(m, s[1]), 1);
    return {
      w: (Math.min(cols, ids.length) - 1) * cellW + lastW,
      h: (rows - 1) * cellH + lastH + 1, // +1: the label row under the last components
      place(x, y) {
        ids.forEach((id, i) => {
          const [w, h] = sizes[i]!;
          const nx = x + (i % cols) * cellW;
          const ny = y + Math.floor(i / cols) * cellH;
          scene.nodes.push({ id, box: { x: nx, y: ny, w, h } });
          scene.labels.push(labelOf(byId.get(id)!, nx, ny + h + 0.25));
        });
      },
    };
  }

  /** Arranges items in rows no wider than a target width (columns for zones' subnets). */
  function arrange(items: Sized[], mode: 'rows' | 'column' | 'row'): Sized {
    const area = items.reduce((s, i) => s + i.w * i.h, 0);
    const maxItemW = Math.max(...items.map((i) => i.w));
    const limit = mode === 'column' ? 0 : mode === 'row' ? Infinity : Math.max(maxItemW, Math.sqrt(area) * 1.6);
    const rows: Sized[][] = [];
    let current: Sized[] = [];
    let width = 0;
    for (const item of items) {
      if (current.length && width + GAP + item.w > limit) {
        rows.push(current);
        current = [];
        width = 0;
      }
      width += (current.length ? GAP : 0) + item.w;
      current.push(item);
    }
    if (current.length) rows.push(current);
    const rowW = rows.map((r) => r.reduce((s, i, k) => s + i.w + (k ? GAP : 0), 0));
    const rowH = rows.map((r) => Math.max(...r.map((i) => i.h)));
    return {
      w: Math.max(...rowW),
      h: rowH.reduce((s, h, k) => s + h + (k ? GAP : 0), 0),
      place(x, y) {
        let cy = y;
        rows.forEach((row, k) => {
          let cx = x;
          for (const item of row) {
            item.place(cx, cy);
            cx += item.w + GAP;
          }
          cy += rowH[k]! + GAP;
        });
      },
    };
  }

  function container(n: TreeNode): Sized | undefined {
    const parts: Sized[] = [];
    const leaves = leafBlock(n.leaves);
    if (leaves) parts.push(leaves);
    for (const c of n.children) {
      const s = container(c);
      if (s) parts.push(s);
    }
    if (n.kind === 'root' || n.kind === 'outside') {
      return parts.length ? arrange(parts, n.kind === 'root' ? 'row' : 'rows') : undefined;
    }
    const pad = PADDING[n.kind] ?? 1.5;
    const group: SceneGroup = { id: n.id!, ccType: n.ccType!, name: n.name ?? '', box: { x: 0, y: 0, w: 0, h: 0 }, members: [] };
    if (n.resourceId) group.resourceId = n.resourceId;
    if (n.region) group.region = n.region;
    if (n.kind !== 'zone' && n.kind !== 'asg') group.padding = pad;
    let content: Sized | undefined;
    let emptyLabel: SceneLabel | undefined;
    if (parts.length) {
      content = arrange(parts, n.kind === 'vpc' && n.children.some((c) => c.kind === 'zone') ? 'row' : n.kind === 'zone' ? 'column' : 'rows');
    } else {
      // An empty container would have no extent in Cloudcraft (it wraps its members), so its
      // name label becomes its one member.
      emptyLabel = { id: derivedId('label', n.id!), text: n.name ?? '', x: 0, y: 0, anchor: n.id! };
      content = { w: 3, h: 1, place: (x, y) => { emptyLabel!.x = x; emptyLabel!.y = y; } };
    }
    const top = n.kind === 'zone' ? pad + 1 : pad; // room for the zone's name
    const inner = content;
    return {
      w: inner.w + 2 * pad,
      h: inner.h + top + pad,
      place(x, y) {
        group.box = { x, y, w: inner.w + 2 * pad, h: inner.h + top + pad };
        const before = { nodes: scene.nodes.length, groups: scene.groups.length, labels: scene.labels.length };
        inner.place(x + pad, y + top);
        // Direct members: nodes placed by this container's own leaf block and its direct child groups.
        const childIds = new Set(n.children.map((c) => c.id).filter((id): id is string => !!id));
        const leafIds = new Set(n.leaves);
        group.members = [
          ...scene.nodes.slice(before.nodes).map((s) => s.id).filter((id) => leafIds.has(id)),
          ...scene.groups.slice(before.groups).map((g) => g.id).filter((id) => childIds.has(id)),
        ];
        if (emptyLabel) {
          scene.labels.push(emptyLabel);
          // Auto-sized groups wrap their members, so the label gives the group its extent.
          if (!componentSpec(group.ccType)?.hasMapSize && group.ccType !== 'zone') group.members.push(emptyLabel.id);
        }
        if (n.kind === 'zone') scene.labels.push({ id: derivedId('label', n.id!), text: n.name ?? '', x: x + 0.5, y: y + 0.25, anchor: n.id! });
        scene.groups.push(group);
      },
    };
  }

  const all = container(tree);
  all?.place(0, 0);
  return scene;
}

export function boxContains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x - 1e-9 && inner.y >= outer.y - 1e-9 &&
    inner.x + inner.w <= outer.x + outer.w + 1e-9 && inner.y + inner.h <= outer.y + outer.h + 1e-9;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w - 1e-9 && b.x < a.x + a.w - 1e-9 && a.y < b.y + b.h - 1e-9 && b.y < a.y + a.h - 1e-9;
}
