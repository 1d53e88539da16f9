/**
 * Geometry of one layered block, in flow/cross coordinates (flow = the main direction, cross =
 * across it). Each layer is a column along the flow; its items stack across the flow in their
 * order. A layer longer than the target length wraps into several sub-columns, filled row by
 * row so that the order (and thus the crossing reduction) still reads top to bottom.
 */
import { adjacency, type OrderProblem } from './order.js';

export interface BlockItem {
  flow: number;
  cross: number;
  /** Free space kept after the item along each axis (label tails, spacing). */
  gapFlow: number;
  gapCross: number;
}

export interface BlockGeometry {
  flowPos: Float64Array;
  crossPos: Float64Array;
  /** Extent of the items themselves (trailing gaps excluded). */
  flowLen: number;
  crossLen: number;
}

/**
 * Target length across the flow: about the side of a square holding every item, on a coarse
 * ladder (steps of 1/8 of a power of two) so that one more item rarely changes any wrapping.
 */
export function crossTarget(items: readonly BlockItem[], aspect = 1): number {
  let area = 0;
  let widest = 0;
  for (const it of items) {
    area += (it.flow + it.gapFlow) * (it.cross + it.gapCross);
    widest = Math.max(widest, it.cross);
  }
  return Math.max(widest, ladder(Math.sqrt(area * aspect)));
}

/** Free room kept before a layer that holds an anchor. */
const ANCHOR_ROOM = 4;

export function ladder(v: number): number {
  if (v <= 8) return 8;
  const p = 2 ** Math.floor(Math.log2(v));
  const step = p / 4;
  return Math.ceil(v / step) * step;
}

/** How many sub-columns each layer needs so that none is much longer than the target. */
export function layerSpread(items: readonly BlockItem[], layers: readonly (readonly number[])[], target: number): Int32Array {
  const spread = new Int32Array(layers.length);
  layers.forEach((layer, l) => {
    let len = 0;
    for (const v of layer) len += items[v]!.cross + items[v]!.gapCross;
    spread[l] = Math.max(1, Math.min(layer.length, Math.ceil(len / target)));
  });
  return spread;
}

/** Edges between items, their ports, pulls towards outside neighbours and anchors (pinned items keep the start of their layer). */
export type BlockLinks = Pick<OrderProblem, 'from' | 'to' | 'weight' | 'offFrom' | 'offTo' | 'ghostItem' | 'ghostPos' | 'pinned'>;

export function arrangeBlock(items: readonly BlockItem[], layers: readonly (readonly number[])[], spread: ArrayLike<number>, links?: BlockLinks,
  quantize?: (v: number) => number): BlockGeometry {
  const flowPos = new Float64Array(items.length);
  const crossPos = new Float64Array(items.length);
  let flowAt = 0;
  let flowLen = 0;
  let crossLen = 0;
  layers.forEach((layer, l) => {
    if (layer.length === 0) return;
    const cols = Math.max(1, spread[l] ?? 1);
    // Width of each sub-column and height of each row.
    const colW = new Float64Array(cols);
    const colOuter = new Float64Array(cols);
    const rows = Math.ceil(layer.length / cols);
    const rowH = new Float64Array(rows);
    const rowOuter = new Float64Array(rows);
    // Leaf layers: every sub-column and row takes the layer's largest item, so the layer's size
    // does not depend on the order inside it. Layers of containers (VPCs, clusters) size each
    // sub-column and row on its own and start them on the coarse ladder instead.
    const containers = !!quantize && layer.some((v) => links?.pinned?.[v]);
    let maxW = 0, maxOuterW = 0, maxH = 0, maxOuterH = 0;
    for (const v of layer) {
      const it = items[v]!;
      maxW = Math.max(maxW, it.flow);
      maxOuterW = Math.max(maxOuterW, it.flow + it.gapFlow);
      maxH = Math.max(maxH, it.cross);
      maxOuterH = Math.max(maxOuterH, it.cross + it.gapCross);
    }
    layer.forEach((v, i) => {
      const it = items[v]!;
      const c = i % cols, r = Math.floor(i / cols);
      colW[c] = Math.max(colW[c]!, containers ? it.flow : maxW);
      colOuter[c] = Math.max(colOuter[c]!, containers ? it.flow + it.gapFlow : maxOuterW);
      const uniform = cols > 1 && !containers;
      rowH[r] = Math.max(rowH[r]!, uniform ? maxH : it.cross);
      rowOuter[r] = Math.max(rowOuter[r]!, uniform ? maxOuterH : it.cross + it.gapCross);
    });
    const colStart = new Float64Array(cols);
    let acc = flowAt;
    for (let c = 0; c < cols; c++) {
      colStart[c] = acc;
      flowLen = Math.max(flowLen, acc + colW[c]!);
      acc += colOuter[c]!;
      if (containers && c + 1 < cols) acc = quantize!(acc);
    }
    const rowStart = new Float64Array(rows);
    let racc = 0;
    for (let r = 0; r < rows; r++) {
      rowStart[r] = racc;
      crossLen = Math.max(crossLen, racc + rowH[r]!);
      racc += rowOuter[r]!;
      if (containers) racc = quantize!(racc);
    }
    layer.forEach((v, i) => {
      flowPos[v] = colStart[i % cols]!;
      crossPos[v] = rowStart[Math.floor(i / cols)]!;
    });
    // The next layer starts on a coarse ladder: a slightly wider layer here does not move it.
    // A layer holding an anchor (a pinned VPC) keeps extra room before it, so that entry
    // services growing a little never push the network.
    const next = layers[l + 1];
    const anchored = next?.some((v) => links?.pinned?.[v]);
    flowAt = quantize ? quantize(acc + (anchored ? ANCHOR_ROOM : 0)) : acc;
  });
  if (links) alignAcross(items, layers, spread, links, crossPos, crossLen);
  return { flowPos, crossPos, flowLen, crossLen };
}

/**
 * Moves the items of single-column layers across the flow towards the centres of their
 * neighbours (in the layers before, then after, then both), keeping their order, whole-cell
 * positions and the block's length. Straighter edges, and edges no longer run along a row.
 */
function alignAcross(items: readonly BlockItem[], layers: readonly (readonly number[])[], spread: ArrayLike<number>, links: BlockLinks,
  crossPos: Float64Array, crossLen: number): void {
  const n = items.length;
  const layerOf = new Int32Array(n);
  layers.forEach((layer, l) => { for (const v of layer) layerOf[v] = l; });
  const { start, nbr, w, selfOff, nbrOff } = adjacency(n, links.from, links.to, links.weight, true, links.offFrom, links.offTo);
  const gSum = new Float64Array(n), gW = new Float64Array(n);
  for (let i = 0; i < (links.ghostItem?.length ?? 0); i++) {
    const v = links.ghostItem![i]!;
    gSum[v] = gSum[v]! + links.ghostPos![i]!;
    gW[v] = gW[v]! + 1;
  }
  const centre = (v: number) => crossPos[v]! + items[v]!.cross / 2;
  const bound = Math.ceil(crossLen);
  const pass = (l: number, side: -1 | 0 | 1) => {
    const layer = layers[l]!;
    if ((spread[l] ?? 1) > 1 || layer.length === 0) return;
    const want = new Float64Array(layer.length);
    layer.forEach((v, i) => {
      let sum = gSum[v]!, wsum = gW[v]!;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const u = nbr[k]!, lu = layerOf[u]!;
        if (lu === l || (side < 0 && lu > l) || (side > 0 && lu < l)) continue;
        sum += (centre(u) + nbrOff[k]! - selfOff[k]!) * w[k]!; wsum += w[k]!;
      }
      want[i] = links.pinned?.[v] ? 0 : wsum > 0 ? Math.round(sum / wsum - items[v]!.cross / 2) : crossPos[v]!;
    });
    // Closest order-keeping placement: push forward past the previous item, then pull back
    // so that the layer ends within the block.
    const pos = new Float64Array(layer.length);
    let prevEnd = 0;
    layer.forEach((v, i) => {
      pos[i] = Math.max(want[i]!, prevEnd, 0);
      prevEnd = pos[i]! + items[v]!.cross + items[v]!.gapCross;
    });
    let nextStart = bound + items[layer[layer.length - 1]!]!.gapCross;
    for (let i = layer.length - 1; i >= 0; i--) {
      const it = items[layer[i]!]!;
      pos[i] = Math.max(0, Math.floor(Math.min(pos[i]!, nextStart - it.gapCross - it.cross) + 1e-9));
      nextStart = pos[i]!;
    }
    layer.forEach((v, i) => { crossPos[v] = pos[i]!; });
  };
  for (let l = 1; l < layers.length; l++) pass(l, -1);
  for (let l = layers.length - 2; l >= 0; l--) pass(l, 1);
  for (let l = 0; l < layers.length; l++) pass(l, 0);
}
