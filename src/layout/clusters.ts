/**
 * With several network containers among regional services (many VPCs in one region), each
 * service joins the container it talks to most — directly, or through services it talks to —
 * and every container is laid out with its satellite services as one cluster. Clusters then
 * stack across the flow. Edges stay inside their cluster instead of running past other VPCs.
 * Services tied to no container form a cluster of their own.
 */
import type { Axis } from './axis.js';
import { CLUSTER_ASPECT, slack, type Item, type Sized } from './items.js';

export interface ClusterLinks {
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  weight: ArrayLike<number>;
}

/**
 * Groups item indices into clusters (one per container item, plus one for the unattached
 * services), or undefined when there are fewer than two containers. Deterministic: ties go to
 * the container with the lower index.
 */
export function clusterItems(n: number, isContainer: (i: number) => boolean, links: ClusterLinks): number[][] | undefined {
  const containers: number[] = [];
  for (let i = 0; i < n; i++) if (isContainer(i)) containers.push(i);
  if (containers.length < 2) return undefined;
  const home = new Int32Array(n).fill(-1);
  for (const c of containers) home[c] = c;

  // Direct weight from each service to each container.
  const weightTo = new Map<number, Map<number, number>>();
  const nbrs: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < links.from.length; k++) {
    const a = links.from[k]!, b = links.to[k]!, w = links.weight[k]!;
    nbrs[a]!.push(b);
    nbrs[b]!.push(a);
    for (const [s, c] of [[a, b], [b, a]] as const) {
      if (isContainer(s) || !isContainer(c)) continue;
      let m = weightTo.get(s);
      if (!m) weightTo.set(s, (m = new Map()));
      m.set(c, (m.get(c) ?? 0) + w);
    }
  }
  const frontier: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = weightTo.get(i);
    if (!m) continue;
    let best = -1, bestW = -1;
    for (const c of containers) {
      const w = m.get(c) ?? 0;
      if (w > bestW) { best = c; bestW = w; }
    }
    home[i] = best;
    frontier.push(i);
  }
  // Services reached only through other services follow them (breadth first, in index order).
  for (let qi = 0; qi < frontier.length; qi++) {
    const v = frontier[qi]!;
    for (const u of [...nbrs[v]!].sort((p, q) => p - q)) {
      if (home[u] !== -1) continue;
      home[u] = home[v]!;
      frontier.push(u);
    }
  }
  const groups = new Map<number, number[]>(containers.map((c) => [c, [] as number[]]));
  const loose: number[] = [];
  for (let i = 0; i < n; i++) {
    if (home[i] === -1) loose.push(i);
    else groups.get(home[i]!)!.push(i);
  }
  const out = [...groups.values()];
  if (loose.length) out.push(loose);
  return out;
}

/**
 * Clusters on a grid, in name order (edges between VPCs are few, and order by name never
 * reshuffles when one resource is added): a fixed number of columns for the cluster count, every
 * column as wide as the widest cluster on the coarse ladder, rows as tall as their tallest.
 */
export function clusterGrid(clusters: Item[], axis: Axis): Sized {
  const order = clusters.map((_, i) => i).sort((a, b) => (clusters[a]!.key < clusters[b]!.key ? -1 : clusters[a]!.key > clusters[b]!.key ? 1 : 0));
  const cols = Math.max(1, Math.round(Math.sqrt(clusters.length / CLUSTER_ASPECT)));
  const flowOf = (it: Item) => axis.flow(it.w, it.h), crossOf = (it: Item) => axis.cross(it.w, it.h);
  const colPitch = slack(Math.max(...clusters.map((it) => flowOf(it) + axis.flow(it.gx, it.gy))));
  const rows = Math.ceil(order.length / cols);
  const rowStart: number[] = [];
  let acc = 0, crossLen = 0;
  for (let r = 0; r < rows; r++) {
    rowStart.push(acc);
    const inRow = order.slice(r * cols, (r + 1) * cols).map((i) => clusters[i]!);
    const tall = Math.max(...inRow.map(crossOf));
    crossLen = Math.max(crossLen, acc + tall);
    acc = slack(acc + tall + Math.max(...inRow.map((it) => axis.cross(it.gx, it.gy))));
  }
  let flowLen = 0;
  order.forEach((i, k) => { flowLen = Math.max(flowLen, (k % cols) * colPitch + flowOf(clusters[i]!)); });
  const size = axis.xy(flowLen, crossLen);
  return {
    w: size.x,
    h: size.y,
    place(x, y) {
      order.forEach((i, k) => {
        const p = axis.xy((k % cols) * colPitch, rowStart[Math.floor(k / cols)]!);
        clusters[i]!.place(x + p.x, y + p.y);
      });
    },
  };
}

