/**
 * Layout engine at scale, against elkjs layered, and its stability, on seeded generated
 * topologies (test/layout/generate.ts: VPCs with 2–3 zones of public/private/isolated subnets,
 * SGs, ASGs, gateways, regional/global services, ~1.5 edges per component) and on the samples.
 *
 * 1. Scale: 1k, 2k, 4k, 5k, 20k components — median time of 3 runs after a warm-up, peak RSS,
 *    growth from 1k to 4k (target ≤ 4.6×). Targets: 5,000 ≤ 1 s, 20,000 ≤ 4 s, ≤ 500 MB.
 * 2. elkjs layered (INCLUDE_CHILDREN, same containment as ours, same graphs) at 100 and 1,000
 *    components: time and edge crossings per edge (straight lines between centres for both,
 *    as Cloudcraft draws edges), per seed, for the cloud edge model and the uniform one of
 *    dependencies.md §8. Targets: crossings per edge ≤ elkjs, ≥ 10× faster at 1,000.
 * 3. Stability: other components that move when one resource is added at the end of the input
 *    (no previous layout) against the bound max(1, ⌊5 % of the components⌋); the same with the
 *    resource inserted at a random place in the input; and with --layout-from.
 *
 *   npm run bench -- layout            (or: npx tsx bench/layout.bench.ts [scale|elk|stability])
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api.js';
import { emitBlueprint } from '../src/emit/emit.js';
import type { Graph } from '../src/graph/types.js';
import { layout } from '../src/layout/index.js';
import { packLayout } from '../src/layout/pack.js';
import { countSegmentCrossings, measureLayout, movedNodes } from '../src/layout/quality.js';
import { buildTree, type TreeNode } from '../src/layout/tree.js';
import { addOneResource, generateTopology, prng, type GenerateOptions } from '../test/layout/generate.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function time(g: Graph): number {
  gc();
  const t = performance.now();
  packLayout(g, {});
  return performance.now() - t;
}

function scale(): void {
  console.log('\n## Scale (median of 3 after a warm-up)\n');
  console.log('| components | edges | time | peak RSS so far |');
  console.log('|---:|---:|---:|---:|');
  const times = new Map<number, number>();
  for (const n of [1000, 2000, 4000, 5000, 20000]) {
    const g = generateTopology({ nodes: n, seed: 1 });
    time(g);
    const d = median([time(g), time(g), time(g)]);
    times.set(n, d);
    const components = g.resources.filter((r) => r.ccType && !['vpc', 'subnet', 'sg', 'asg'].includes(r.ccType)).length;
    console.log(`| ${components} | ${g.edges.length} | ${d.toFixed(0)} ms | ${mb(process.resourceUsage().maxRSS * 1024)} |`);
  }
  console.log(`\ngrowth 1k → 4k: ${(times.get(4000)! / times.get(1000)!).toFixed(2)}× (target ≤ 4.6×)`);
  console.log(`5,000: ${times.get(5000)!.toFixed(0)} ms (target ≤ 1000); 20,000: ${times.get(20000)!.toFixed(0)} ms (target ≤ 4000); peak RSS of this process ${mb(process.resourceUsage().maxRSS * 1024)} (target ≤ 500 MB)`);
}

// elkjs is CommonJS: under Node's ESM interop its constructor may sit on `.default`.
const ELK = ((ElkModule as unknown as { default?: unknown }).default ?? ElkModule) as unknown as new () => ElkApi;

interface ElkNode { id: string; width?: number; height?: number; x?: number; y?: number; children?: ElkNode[]; layoutOptions?: Record<string, string>; edges?: unknown[] }
const CELL = 20;

/** The same containment as ours (region → VPC → zone → subnet → SG → ASG), as an ELK compound graph. */
function elkGraph(g: Graph): { root: ElkNode; leaves: Set<string> } {
  const leaves = new Set<string>();
  const convert = (n: TreeNode): ElkNode => {
    const children: ElkNode[] = n.leaves.map((id) => { leaves.add(id); return { id, width: 2 * CELL, height: 2 * CELL }; });
    for (const c of n.children) children.push(convert(c));
    return { id: n.id || 'root', children, layoutOptions: { 'elk.padding': `[top=${CELL},left=${CELL},bottom=${CELL},right=${CELL}]` } };
  };
  const root = convert(buildTree(g));
  root.layoutOptions = { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.randomSeed': '1' };
  root.edges = g.edges.filter((e) => leaves.has(e.from) && leaves.has(e.to)).map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] }));
  return { root, leaves };
}

async function elkRun(elk: ElkApi, g: Graph): Promise<{ ms: number; crossings: number; edges: number }> {
  const { root, leaves } = elkGraph(g);
  const t = performance.now();
  const out = await elk.layout(root as never) as unknown as ElkNode;
  const ms = performance.now() - t;
  const centre = new Map<string, [number, number]>();
  const walk = (k: ElkNode, ox: number, oy: number) => {
    const x = ox + (k.x ?? 0), y = oy + (k.y ?? 0);
    if (leaves.has(k.id)) centre.set(k.id, [x + (k.width ?? 0) / 2, y + (k.height ?? 0) / 2]);
    for (const c of k.children ?? []) walk(c, x, y);
  };
  walk(out, 0, 0);
  const segs = g.edges.filter((e) => centre.has(e.from) && centre.has(e.to)).map((e) => {
    const [x1, y1] = centre.get(e.from)!, [x2, y2] = centre.get(e.to)!;
    return { a: e.from, b: e.to, x1, y1, x2, y2 };
  });
  return { ms, crossings: countSegmentCrossings(segs), edges: segs.length };
}

async function elkComparison(): Promise<void> {
  console.log('\n## Against elkjs layered (same graphs, same containment; crossings = straight lines between centres)\n');
  console.log('| model | components | seeds | elkjs time (median) | ours time (median) | speed-up | elkjs crossings/edge | ours crossings/edge |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const elk = new ELK();
  await elkRun(elk, generateTopology({ nodes: 100, seed: 99 })); // JIT warm-up
  const plans: { model: GenerateOptions['edgeModel']; n: number; seeds: number[] }[] = [
    { model: 'cloud', n: 100, seeds: [1, 2, 3, 4, 5, 6, 7, 8] },
    { model: 'cloud', n: 1000, seeds: [1, 2, 3, 4, 5] },
    { model: 'uniform', n: 100, seeds: [1, 2, 3, 4, 5, 6, 7, 8] },
    { model: 'uniform', n: 1000, seeds: [1, 2, 3] },
  ];
  for (const { model, n, seeds } of plans) {
    const et: number[] = [], ot: number[] = [];
    let ec = 0, ee = 0, oc = 0, oe = 0;
    const perSeed: string[] = [];
    for (const seed of seeds) {
      const g = generateTopology({ nodes: n, seed, edgeModel: model });
      const e = await elkRun(elk, g);
      time(g);
      const o = measureLayout(packLayout(g, {}), g.edges);
      et.push(e.ms); ot.push(median([time(g), time(g), time(g)]));
      ec += e.crossings; ee += e.edges; oc += o.crossings; oe += o.edges;
      perSeed.push(`${seed}: ${(o.crossings / o.edges).toFixed(2)} vs ${(e.crossings / e.edges).toFixed(2)}`);
    }
    console.log(`| ${model} | ${n} | ${seeds.length} | ${median(et).toFixed(0)} ms | ${median(ot).toFixed(1)} ms | ${(median(et) / median(ot)).toFixed(0)}× | ${(ec / ee).toFixed(2)} | ${(oc / oe).toFixed(2)} |`);
    console.log(`|   per seed (ours vs elkjs) | | | | | | ${perSeed.join('; ')} | |`);
  }
}

const bound = (components: number) => Math.max(1, Math.floor(0.05 * components));

/** The same graph with the added resource moved to a random place in the input. */
function insertedAtRandom(graph: Graph, added: string, seed: number): Graph {
  const rnd = prng(7000 + seed);
  const rest = graph.resources.filter((r) => r.id !== added);
  rest.splice(Math.floor(rnd() * (rest.length + 1)), 0, graph.resources.find((r) => r.id === added)!);
  return { ...graph, resources: rest };
}

function stability(): void {
  console.log('\n## Stability: other components moved by one added resource (bound: max(1, ⌊5 %⌋ of the components))\n');
  console.log('| components | edges | additions | within bound (appended) | median | 90th pct | max | within bound (inserted at random) | with --layout-from |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of [50, 100, 200, 300, 500, 1000, 2000]) {
    for (const model of ['cloud', 'uniform'] as const) {
      const moved: number[] = [];
      let within = 0, withinMid = 0, keptMoved = 0, count = 0, components = 0;
      const seeds = n >= 1000 ? [3] : [1, 2, 3];
      const adds = n >= 1000 ? 20 : 30;
      for (const topo of seeds) {
        const g = generateTopology({ nodes: n, seed: topo, edgeModel: model });
        const base = layout(g, {});
        components = base.nodes.length;
        const previous = n <= 300 ? emitBlueprint(g, base) : undefined;
        for (let s = 1; s <= adds; s++) {
          const { graph, added } = addOneResource(g, s);
          const m = movedNodes(base, layout(graph, {})).length;
          moved.push(m / base.nodes.length);
          if (m <= bound(base.nodes.length)) within++;
          if (movedNodes(base, layout(insertedAtRandom(graph, added, s), {})).length <= bound(base.nodes.length)) withinMid++;
          if (previous) keptMoved += movedNodes(base, layout(graph, { previous })).length;
          count++;
        }
      }
      const f = (x: number) => `${(x * 100).toFixed(1)} %`;
      console.log(`| ${components} | ${model} | ${count} | ${within}/${count} | ${f(median(moved))} | ${f(pct(moved, 0.9))} | ${f(Math.max(...moved))} | ${withinMid}/${count} | ${n <= 300 ? `${keptMoved} moved` : '–'} |`);
    }
  }
}

async function samples(): Promise<void> {
  console.log('\n## Stability on the samples (20 additions each; draw.io with --relayout)\n');
  const { convert } = await import('../src/convert.js');
  const root = new URL('../samples/', import.meta.url);
  let within = 0, total = 0;
  for (const dir of ['cloudformation', 'terraform', 'drawio']) {
    for (const f of readdirSync(new URL(`${dir}/`, root)).sort()) {
      if (f.endsWith('.ts')) continue;
      const r = await convert(fileURLToPath(new URL(`${dir}/${f}`, root)), dir === 'drawio' ? { relayout: true } : {});
      if (!r.ok) continue;
      const base = layout(r.graph!, {});
      const over: number[] = [];
      for (let s = 1; s <= 20; s++) {
        const m = movedNodes(base, layout(addOneResource(r.graph!, s).graph, {})).length;
        total++;
        if (m <= bound(base.nodes.length)) within++;
        else over.push(s);
      }
      console.log(`${dir}/${f} (${base.nodes.length} components, bound ${bound(base.nodes.length)}): ${20 - over.length}/20${over.length ? ` (over: additions ${over.join(', ')})` : ''}`);
    }
  }
  console.log(`\nall samples: ${within}/${total} additions within the bound`);
}

const only = process.argv.slice(2);
const want = (s: string) => only.length === 0 || only.includes(s);
if (want('scale')) scale();
if (want('elk')) await elkComparison();
if (want('stability')) {
  stability();
  await samples();
}
