/**
 * Layout engine at scale and against elkjs layered, on seeded generated topologies
 * (test/layout/generate.ts: VPCs with 2–3 zones of public/private/isolated subnets, SGs, ASGs,
 * gateways, regional/global services, ~1.5 edges per component).
 *
 * 1. Scale: 1k, 2k, 4k, 5k, 20k components — median time of 3 runs after a warm-up, peak RSS,
 *    and growth from 1k to 4k (target ≤ 4.6×) both with the default passes and with a fixed
 *    two passes (the default spends more passes on graphs small enough to judge cheaply).
 *    Targets: 5,000 ≤ 1 s, 20,000 ≤ 4 s, peak memory ≤ 500 MB.
 * 2. elkjs layered (INCLUDE_CHILDREN, same containment as ours, same graphs) at 100 and 1,000
 *    components: time and edge crossings per edge (straight lines between centres for both,
 *    as Cloudcraft draws edges), over several seeds, for the cloud edge model and the uniform one
 *    of dependencies.md §8. Targets: crossings per edge ≤ elkjs, ≥ 10× faster at 1,000.
 * 3. Stability: share of other components that move when one resource is added (no previous
 *    layout), and with --layout-from.
 *
 *   npm run bench -- layout            (or: npx tsx bench/layout.bench.ts [scale|elk|stability])
 */
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api.js';
import { emitBlueprint } from '../src/emit/emit.js';
import type { Graph } from '../src/graph/types.js';
import { layout } from '../src/layout/index.js';
import { packLayout } from '../src/layout/pack.js';
import { countSegmentCrossings, measureLayout, movedNodes } from '../src/layout/quality.js';
import { buildTree, type TreeNode } from '../src/layout/tree.js';
import { addOneResource, generateTopology, type GenerateOptions } from '../test/layout/generate.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function time(g: Graph, passes?: number): number {
  gc();
  const t = performance.now();
  packLayout(g, {}, passes === undefined ? {} : { passes });
  return performance.now() - t;
}

function scale(): void {
  console.log('\n## Scale (median of 3 after a warm-up)\n');
  console.log('| components | edges | default passes | 2 passes | peak RSS |');
  console.log('|---:|---:|---:|---:|---:|');
  const times = new Map<number, [number, number]>();
  for (const n of [1000, 2000, 4000, 5000, 20000]) {
    const g = generateTopology({ nodes: n, seed: 1 });
    time(g);
    const d = median([time(g), time(g), time(g)]);
    const two = median([time(g, 2), time(g, 2), time(g, 2)]);
    times.set(n, [d, two]);
    const components = g.resources.filter((r) => r.ccType && !['vpc', 'subnet', 'sg', 'asg'].includes(r.ccType)).length;
    console.log(`| ${components} | ${g.edges.length} | ${d.toFixed(0)} ms | ${two.toFixed(0)} ms | ${mb(process.resourceUsage().maxRSS * 1024)} |`);
  }
  const [d1, t1] = times.get(1000)!, [d4, t4] = times.get(4000)!;
  console.log(`\ngrowth 1k → 4k: ${(d4 / d1).toFixed(2)}× (default passes), ${(t4 / t1).toFixed(2)}× (2 passes each); target ≤ 4.6×`);
  console.log(`5,000: ${times.get(5000)![0].toFixed(0)} ms (target ≤ 1000); 20,000: ${times.get(20000)![0].toFixed(0)} ms (target ≤ 4000); peak RSS of this process ${mb(process.resourceUsage().maxRSS * 1024)} (target ≤ 500 MB)`);
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

function stability(): void {
  console.log('\n## Stability: other components moved when one resource is added (30 seeded additions each)\n');
  console.log('| components | within 5 % | median | 90th pct | max | with --layout-from |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const n of [100, 300, 1000, 2000]) {
    const g = generateTopology({ nodes: n, seed: 3 });
    const base = layout(g, {});
    const previous = emitBlueprint(g, base);
    const moved: number[] = [];
    let keptMoved = 0;
    for (let s = 1; s <= 30; s++) {
      const next = addOneResource(g, s).graph;
      moved.push(movedNodes(base, layout(next, {})).length / base.nodes.length);
      keptMoved += movedNodes(base, layout(next, { previous })).length;
    }
    const f = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(`| ${base.nodes.length} | ${moved.filter((m) => m <= 0.05).length}/30 | ${f(median(moved))} | ${f(pct(moved, 0.9))} | ${f(Math.max(...moved))} | ${keptMoved} moved |`);
  }
}

const only = process.argv.slice(2);
const want = (s: string) => only.length === 0 || only.includes(s);
if (want('scale')) scale();
if (want('elk')) await elkComparison();
if (want('stability')) stability();
