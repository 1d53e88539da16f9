/**
 * What the packing works with: items (a component's cell or a child container's box) with the
 * free space they keep after them, sized blocks that can be placed, and the context of one
 * layout run. `arrange` turns items and their edges into a block: layers (order.ts), order
 * (sweep.ts), geometry (block.ts).
 */
import type { Graph, Resource } from '../graph/types.js';
import type { Axis } from './axis.js';
import { arrangeBlock, crossTarget, layerSpread, type BlockItem } from './block.js';
import type { LiftedEdges, OutsideEdges } from './lift.js';
import { assignLayers } from './order.js';
import type { Positions } from './scene.js';
import { orderLayers } from './sweep.js';
import type { TreeNode } from './tree.js';

export interface Item {
  w: number;
  h: number;
  gx: number;
  gy: number;
  floor: number;
  /** Stays on its floor (a VPC among regional services is placed by role, not by its edges). */
  pinned?: boolean;
  key: string;
  place(x: number, y: number): void;
}

export interface Sized {
  w: number;
  h: number;
  /** Flow offset of the block's anchor (its first pinned item), when it has one. */
  anchorFlow?: number;
  place(x: number, y: number): void;
}

export interface PackContext {
  byId: Map<string, Resource>;
  axis: Axis;
  spacing: number;
  iso: boolean;
  /** Tallest component, for the isometric label rule. */
  tallest: number;
  lifted: LiftedEdges;
  outside: OutsideEdges;
  /** From the previous pass: where each edge end was, and each container's content origin. */
  anchors?: Map<string, { x: number; y: number }>;
  origins?: Map<TreeNode, { x: number; y: number }>;
  prev?: Positions;
  edges: Graph['edges'];
  /** Structural flow position of containers inside VPCs (see resourceFlow). */
  flows: Map<TreeNode, number>;
  pos: Positions;
}

export interface Ghosts {
  item: number[];
  /** Position across the flow, relative to the container's content origin. */
  pos: number[];
  /** Per item: outside neighbours after the container along the flow minus those before it. */
  pull?: Float64Array;
}

export interface Links {
  from: number[];
  to: number[];
  weight: number[];
  offFrom?: number[];
  offTo?: number[];
}

/**
 * Room given to a child container: its size rounded up on a coarse ladder (about 1/8 of the size,
 * at least 2 cells), so that one more component inside rarely pushes its neighbours away.
 */
export function slack(v: number): number {
  const step = Math.max(2, 2 ** Math.floor(Math.log2(Math.max(v, 1) / 8)));
  return Math.ceil(v / step) * step;
}

/**
 * Wanted cross/flow ratio of blocks before layers wrap: containers run long across the flow
 * (fewer wrapped sub-columns, fewer crossings); clusters of VPCs spread along it.
 */
const BLOCK_ASPECT = 2;
export const CLUSTER_ASPECT = 0.5;

/** Layers, orders and packs items; positions are relative to the content origin. */
export function arrange(items: Item[], links: Links, axis: Axis, ghosts: Ghosts = { item: [], pos: [] }, aspect = BLOCK_ASPECT): Sized {
  const { from, to, weight } = links;
  const n = items.length;
  const byKey = items.map((_, i) => i).sort((a, b) => (items[a]!.key < items[b]!.key ? -1 : items[a]!.key > items[b]!.key ? 1 : 0));
  const rank = new Int32Array(n);
  byKey.forEach((v, i) => { rank[v] = i; });
  const block: BlockItem[] = items.map((it) => ({
    flow: axis.flow(it.w, it.h), cross: axis.cross(it.w, it.h), gapFlow: axis.flow(it.gx, it.gy), gapCross: axis.cross(it.gx, it.gy),
  }));
  const problem = { n, floor: items.map((it) => it.floor), pinned: items.map((it) => (it.pinned ? 1 : 0)), rank, cross: block.map((b) => b.cross + b.gapCross), from, to, weight, offFrom: links.offFrom, offTo: links.offTo, ghostItem: ghosts.item, ghostPos: ghosts.pos, pull: ghosts.pull };
  const layerOf = assignLayers(problem);
  const firstCut: number[][] = [];
  for (const v of byKey) (firstCut[layerOf[v]!] ??= []).push(v);
  const target = crossTarget(block, aspect);
  const spread = layerSpread(block, firstCut, target);
  const layers = orderLayers(problem, layerOf, spread);
  const geo = arrangeBlock(block, layers, spread, { ...links, ghostItem: ghosts.item, ghostPos: ghosts.pos, pinned: problem.pinned }, slack);
  const size = axis.xy(geo.flowLen, geo.crossLen);
  const pinned = items.findIndex((it) => it.pinned);
  return {
    w: size.x,
    h: size.y,
    ...(pinned >= 0 ? { anchorFlow: geo.flowPos[pinned]! } : {}),
    place(x, y) {
      for (let i = 0; i < n; i++) {
        const p = axis.xy(geo.flowPos[i]!, geo.crossPos[i]!);
        items[i]!.place(x + p.x, y + p.y);
      }
    },
  };
}

