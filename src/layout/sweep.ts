/**
 * Crossing reduction inside one container: the classic layer sweep. Edges spanning several
 * layers get a virtual node in every layer they pass, so long edges take part in the ordering;
 * each sweep sorts a layer by the barycenter of its neighbours in the layer before (down) or
 * after (up) — attaching at their real ends inside container items ("ports") and including the
 * pull of outside neighbours — then adjacent nodes are swapped where that removes crossings
 * (transpose). The order with the fewest crossings wins. Linear in edges per sweep.
 */
import { adjacency, type OrderProblem } from './order.js';

interface Extended {
  /** Layer of every node, real (0..n-1) then virtual. */
  layer: number[];
  cross: number[];
  from: number[];
  to: number[];
  weight: number[];
  offFrom: number[];
  offTo: number[];
}

/** Adds virtual nodes along edges that span more than one layer; edges inside one layer drop out. */
function extend(p: OrderProblem, layerOf: Int32Array): Extended {
  const x: Extended = { layer: Array.from(layerOf), cross: Array.from(p.cross), from: [], to: [], weight: [], offFrom: [], offTo: [] };
  for (let i = 0; i < p.from.length; i++) {
    let a = p.from[i]!, b = p.to[i]!;
    let oa = p.offFrom?.[i] ?? 0, ob = p.offTo?.[i] ?? 0;
    if (layerOf[a] === layerOf[b] || a === b) continue;
    if (layerOf[a]! > layerOf[b]!) { [a, b] = [b, a]; [oa, ob] = [ob, oa]; }
    let prev = a, prevOff = oa;
    for (let l = layerOf[a]! + 1; l < layerOf[b]!; l++) {
      const d = x.layer.length;
      x.layer.push(l);
      x.cross.push(0);
      x.from.push(prev); x.to.push(d); x.weight.push(p.weight[i]!); x.offFrom.push(prevOff); x.offTo.push(0);
      prev = d; prevOff = 0;
    }
    x.from.push(prev); x.to.push(b); x.weight.push(p.weight[i]!); x.offFrom.push(prevOff); x.offTo.push(ob);
  }
  return x;
}

/**
 * Orders the items of every layer. `spread[l]` is how many sub-columns layer l wraps into, so
 * that position estimates match the geometry.
 */
export function orderLayers(p: OrderProblem, layerOf: Int32Array, spread: ArrayLike<number>, sweeps = 6): number[][] {
  const { n, rank } = p;
  const count = layerOf.reduce((m, l) => Math.max(m, l + 1), 0);
  const byRank = Array.from({ length: n }, (_, i) => i).sort((a, b) => rank[a]! - rank[b]!);
  const realLayers: number[][] = Array.from({ length: count }, () => []);
  for (const v of byRank) realLayers[layerOf[v]!]!.push(v);
  const ghosts = p.ghostItem?.length ?? 0;
  // Pinned items (network containers among services) lead their layer: they are the anchors the
  // rest of the drawing hangs from, so services around them never push them.
  const pinnedFirst = (layers: number[][]) => (p.pinned ? layers.map((l) => [...l.filter((v) => p.pinned![v]), ...l.filter((v) => !p.pinned![v])]) : layers);
  if ((p.from.length === 0 && ghosts === 0) || count === 0) return pinnedFirst(realLayers);

  const x = extend(p, layerOf);
  const total = x.layer.length;
  const layers = realLayers.map((l) => l.slice());
  for (let d = n; d < total; d++) layers[x.layer[d]!]!.push(d);
  const adj = adjacency(total, x.from, x.to, x.weight, true, x.offFrom, x.offTo);
  const gSum = new Float64Array(total), gW = new Float64Array(total);
  for (let i = 0; i < ghosts; i++) {
    const v = p.ghostItem![i]!;
    gSum[v] = gSum[v]! + p.ghostPos![i]!;
    gW[v] = gW[v]! + 1;
  }

  const pos = new Float64Array(total);
  const place = (l: number) => {
    let acc = 0;
    const s = Math.max(1, spread[l] ?? 1);
    for (const v of layers[l]!) {
      pos[v] = (acc + x.cross[v]! / 2) / s;
      acc += x.cross[v]!;
    }
  };
  for (let l = 0; l < count; l++) place(l);

  const bary = new Float64Array(total);
  const current = new Float64Array(total);
  const sortLayer = (l: number, side: -1 | 1) => {
    const list = layers[l]!;
    for (let i = 0; i < list.length; i++) {
      const v = list[i]!;
      current[v] = i;
      let sum = gSum[v]!, wsum = gW[v]!;
      for (let k = adj.start[v]!; k < adj.start[v + 1]!; k++) {
        const u = adj.nbr[k]!;
        if (x.layer[u] !== l + side) continue;
        sum += (pos[u]! + adj.nbrOff[k]! - adj.selfOff[k]!) * adj.w[k]!;
        wsum += adj.w[k]!;
      }
      bary[v] = wsum > 0 ? sum / wsum : pos[v]!;
    }
    list.sort((a, b) => bary[a]! - bary[b]! || current[a]! - current[b]!);
    place(l);
  };

  /** Weighted crossings of the edges of u and v towards layer `side` when u comes before v. */
  const pairCrossings = (u: number, v: number, side: number): number => {
    let c = 0;
    for (let i = adj.start[u]!; i < adj.start[u + 1]!; i++) {
      const a = adj.nbr[i]!;
      if (x.layer[a] !== side) continue;
      const pa = pos[a]! + adj.nbrOff[i]!;
      for (let j = adj.start[v]!; j < adj.start[v + 1]!; j++) {
        const b = adj.nbr[j]!;
        if (x.layer[b] === side && pa > pos[b]! + adj.nbrOff[j]!) c += adj.w[i]! * adj.w[j]!;
      }
    }
    return c;
  };
  const transpose = () => {
    for (let round = 0; round < 4; round++) {
      let improved = false;
      for (let l = 0; l < count; l++) {
        const list = layers[l]!;
        for (let i = 0; i + 1 < list.length; i++) {
          const u = list[i]!, v = list[i + 1]!;
          const du = adj.start[u + 1]! - adj.start[u]!, dv = adj.start[v + 1]! - adj.start[v]!;
          if (du === 0 || dv === 0 || du * dv > 4096) continue;
          const keep = pairCrossings(u, v, l - 1) + pairCrossings(u, v, l + 1) + ghostPair(u, v);
          const swap = pairCrossings(v, u, l - 1) + pairCrossings(v, u, l + 1) + ghostPair(v, u);
          if (swap < keep) {
            list[i] = v; list[i + 1] = u;
            place(l);
            improved = true;
          }
        }
      }
      if (!improved) break;
    }
  };
  const ghostAt = (v: number) => (gW[v]! > 0 ? gSum[v]! / gW[v]! : undefined);
  const ghostPair = (u: number, v: number): number => {
    const a = ghostAt(u), b = ghostAt(v);
    return a !== undefined && b !== undefined && a > b ? 1 : 0;
  };

  const crossings = (): number => {
    let c = 0;
    for (let l = 0; l + 1 < count; l++) {
      const pairs: [number, number, number][] = [];
      for (const v of layers[l]!) {
        for (let k = adj.start[v]!; k < adj.start[v + 1]!; k++) {
          const u = adj.nbr[k]!;
          if (x.layer[u] === l + 1) pairs.push([pos[v]! + adj.selfOff[k]!, pos[u]! + adj.nbrOff[k]!, adj.w[k]!]);
        }
      }
      c += inversions(pairs);
    }
    if (ghosts > 1) {
      for (let l = 0; l < count; l++) {
        const pairs: [number, number, number][] = [];
        for (const v of layers[l]!) if (gW[v]! > 0) pairs.push([pos[v]!, ghostAt(v)!, gW[v]!]);
        c += inversions(pairs);
      }
    }
    return c;
  };

  const snapshot = () => layers.map((l) => l.filter((v) => v < n));
  let best = snapshot();
  let bestCrossings = crossings();
  for (let s = 0; s < sweeps && bestCrossings > 0; s++) {
    for (let l = ghosts ? 0 : 1; l < count; l++) sortLayer(l, -1);
    for (let l = count - 2; l >= 0; l--) sortLayer(l, 1);
    transpose();
    const c = crossings();
    if (c < bestCrossings) {
      bestCrossings = c;
      best = snapshot();
    }
  }
  return pinnedFirst(best);
}

/** Weighted inversions of the second coordinate after sorting by the first (merge sort). */
export function inversions(pairs: [number, number, number][]): number {
  const m = pairs.length;
  if (m < 2) return 0;
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let idx = Array.from({ length: m }, (_, i) => i);
  let tmp = new Array<number>(m);
  let total = 0;
  for (let width = 1; width < m; width *= 2) {
    for (let lo = 0; lo < m; lo += 2 * width) {
      const mid = Math.min(lo + width, m), hi = Math.min(lo + 2 * width, m);
      let leftWeight = 0;
      for (let i = lo; i < mid; i++) leftWeight += pairs[idx[i]!]![2];
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (pairs[idx[i]!]![1] <= pairs[idx[j]!]![1]) { leftWeight -= pairs[idx[i]!]![2]; tmp[k++] = idx[i++]!; }
        else { total += leftWeight * pairs[idx[j]!]![2]; tmp[k++] = idx[j++]!; }
      }
      while (i < mid) tmp[k++] = idx[i++]!;
      while (j < hi) tmp[k++] = idx[j++]!;
    }
    [idx, tmp] = [tmp, idx];
  }
  return total;
}
