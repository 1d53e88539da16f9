/**
 * Layering of the items of one container (components and child containers), from the edges
 * between them. Layers follow the main flow; every item has a floor (its role: entry before
 * compute before messaging before data), edges that run against the roles are turned round for
 * layering only, remaining cycles are broken by a depth-first search, and each item takes the
 * longest path from the sources (never below its floor); then edges are shortened where an item
 * can move towards its successors. Ordering inside layers is sweep.ts. Everything works on
 * integer indices and typed arrays, linear in the edges.
 */

export interface OrderProblem {
  n: number;
  /** Lowest layer each item may take (its role rank). */
  floor: ArrayLike<number>;
  /** Tie-break rank (0..n-1) from stable keys (name, id). */
  rank: ArrayLike<number>;
  /** Size of each item across the flow, for position estimates. */
  cross: ArrayLike<number>;
  /** Edges as item index pairs with a weight (number of underlying graph edges). */
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  weight: ArrayLike<number>;
  /** Where each edge attaches across the flow, relative to the centre of its from/to item (a port
   *  inside a container item); 0 when unknown. */
  offFrom?: ArrayLike<number>;
  offTo?: ArrayLike<number>;
  /** Items that stay on their floor whatever their edges say (VPCs among regional services). */
  pinned?: ArrayLike<number>;
  /** Net pull of outside neighbours along the flow (> 0: they lie further on); such items move late. */
  pull?: ArrayLike<number>;
  /** Fixed outside neighbours ("ghosts"): the item they pull and their position across the flow. */
  ghostItem?: ArrayLike<number>;
  ghostPos?: ArrayLike<number>;
}

export interface Layering {
  layerOf: Int32Array;
  /** Items of each layer, in order. */
  layers: number[][];
}

export interface Adjacency {
  start: Int32Array;
  nbr: Int32Array;
  w: Float64Array;
  /** Port offsets of each entry: on its own item, and on the neighbour. */
  selfOff: Float64Array;
  nbrOff: Float64Array;
}

export function adjacency(n: number, from: ArrayLike<number>, to: ArrayLike<number>, weight: ArrayLike<number>, undirected: boolean,
  offFrom?: ArrayLike<number>, offTo?: ArrayLike<number>): Adjacency {
  const m = from.length;
  const deg = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    deg[from[i]!]!++;
    if (undirected) deg[to[i]!]!++;
  }
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v]! + deg[v]!;
  const fill = start.slice(0, n);
  const nbr = new Int32Array(start[n]!);
  const w = new Float64Array(start[n]!);
  const selfOff = new Float64Array(start[n]!);
  const nbrOff = new Float64Array(start[n]!);
  for (let i = 0; i < m; i++) {
    const a = from[i]!, b = to[i]!;
    const oa = offFrom?.[i] ?? 0, ob = offTo?.[i] ?? 0;
    w[fill[a]!] = weight[i]!;
    selfOff[fill[a]!] = oa;
    nbrOff[fill[a]!] = ob;
    nbr[fill[a]!++] = b;
    if (undirected) {
      w[fill[b]!] = weight[i]!;
      selfOff[fill[b]!] = ob;
      nbrOff[fill[b]!] = oa;
      nbr[fill[b]!++] = a;
    }
  }
  return { start, nbr, w, selfOff, nbrOff };
}

/** Layers by longest path with role floors; role-backward edges and cycles are turned for layering. */
export function assignLayers(p: OrderProblem): Int32Array {
  const { n, floor, rank } = p;
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < p.from.length; i++) {
    const a = p.from[i]!, b = p.to[i]!;
    if (a === b) continue;
    if (floor[a]! > floor[b]!) { from.push(b); to.push(a); } else { from.push(a); to.push(b); }
  }
  // Visit in (floor, rank) order so that DFS back edges are the ones against the flow.
  const byKey = Array.from({ length: n }, (_, i) => i).sort((a, b) => floor[a]! - floor[b]! || rank[a]! - rank[b]!);
  const keyPos = new Int32Array(n);
  byKey.forEach((v, i) => { keyPos[v] = i; });
  const order = from.map((_, i) => i).sort((a, b) => keyPos[to[a]!]! - keyPos[to[b]!]!);
  const sortedFrom = order.map((i) => from[i]!);
  const sortedTo = order.map((i) => to[i]!);
  const out = adjacency(n, sortedFrom, sortedTo, new Float64Array(sortedFrom.length).fill(1), false);
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const reversed = new Uint8Array(out.nbr.length);
  const stack: number[] = [];
  const cursor = new Int32Array(n);
  for (const root of byKey) {
    if (state[root]) continue;
    stack.push(root);
    state[root] = 1;
    cursor[root] = out.start[root]!;
    while (stack.length) {
      const v = stack[stack.length - 1]!;
      const k = cursor[v]!;
      if (k < out.start[v + 1]!) {
        cursor[v] = k + 1;
        const u = out.nbr[k]!;
        if (state[u] === 1) reversed[k] = 1;
        else if (state[u] === 0) { state[u] = 1; cursor[u] = out.start[u]!; stack.push(u); }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  // Longest path over the DAG (Kahn), never below the floor.
  const indeg = new Int32Array(n);
  const dagFrom: number[] = [];
  const dagTo: number[] = [];
  for (let v = 0; v < n; v++) {
    for (let k = out.start[v]!; k < out.start[v + 1]!; k++) {
      const u = out.nbr[k]!;
      if (reversed[k]) { dagFrom.push(u); dagTo.push(v); } else { dagFrom.push(v); dagTo.push(u); }
    }
  }
  // Edges into pinned items do not move them.
  if (p.pinned) {
    let k = 0;
    for (let i = 0; i < dagFrom.length; i++) {
      if (p.pinned[dagTo[i]!]) continue;
      dagFrom[k] = dagFrom[i]!;
      dagTo[k++] = dagTo[i]!;
    }
    dagFrom.length = k;
    dagTo.length = k;
  }
  for (const b of dagTo) indeg[b]!++;
  const dag = adjacency(n, dagFrom, dagTo, new Float64Array(dagFrom.length).fill(1), false);
  const layer = new Int32Array(n);
  for (let v = 0; v < n; v++) layer[v] = floor[v]!;
  const queue: number[] = [];
  for (const v of byKey) if (indeg[v] === 0) queue.push(v);
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi]!;
    for (let k = dag.start[v]!; k < dag.start[v + 1]!; k++) {
      const u = dag.nbr[k]!;
      if (layer[v]! + 1 > layer[u]!) layer[u] = layer[v]! + 1;
      if (--indeg[u]! === 0) queue.push(u);
    }
  }
  // Shorten edges: a node with more successors than predecessors moves up to just before its
  // nearest successor (reverse topological order, so successors are final first).
  const indegree = new Int32Array(n);
  const outdegree = new Int32Array(n);
  for (let i = 0; i < dagFrom.length; i++) { outdegree[dagFrom[i]!]!++; indegree[dagTo[i]!]!++; }
  for (let qi = queue.length - 1; qi >= 0; qi--) {
    const v = queue[qi]!;
    if (outdegree[v]! <= indegree[v]! || p.pinned?.[v] || (p.pull?.[v] ?? 0) < 0) continue;
    // Only inside its own role: an entry point stays with the entry points.
    let nearest = Infinity;
    for (let k = dag.start[v]!; k < dag.start[v + 1]!; k++) {
      const u = dag.nbr[k]!;
      nearest = floor[u] === floor[v] ? Math.min(nearest, layer[u]!) : -Infinity;
    }
    if (nearest - 1 > layer[v]!) layer[v] = nearest - 1;
  }
  // Items whose outside neighbours lie further along the flow move as late as their
  // successors allow (a sink goes to the last layer), so their edges leave the container early.
  if (p.pull) {
    let last = 0;
    for (let v = 0; v < n; v++) last = Math.max(last, layer[v]!);
    for (let qi = queue.length - 1; qi >= 0; qi--) {
      const v = queue[qi]!;
      if (!(p.pull[v]! > 0) || p.pinned?.[v]) continue;
      let nearest = last + 1;
      for (let k = dag.start[v]!; k < dag.start[v + 1]!; k++) nearest = Math.min(nearest, layer[dag.nbr[k]!]!);
      if (nearest - 1 > layer[v]!) layer[v] = nearest - 1;
    }
  }
  // Compact: keep the order of the layer values, drop the empty ones.
  const used = [...new Set(layer)].sort((a, b) => a - b);
  const index = new Map(used.map((v, i) => [v, i]));
  for (let v = 0; v < n; v++) layer[v] = index.get(layer[v]!)!;
  return layer;
}
