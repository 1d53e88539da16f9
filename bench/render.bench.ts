/**
 * Rendering speed: a synthetic blueprint of 5,000 components (100 VPCs × 5 subnets × 10, each
 * with its label, 1.5 edges per component) drawn as isometric SVG, 2D SVG and the HTML preview.
 * Target: ≤ 1 s for 5,000 components. Builds the blueprint directly (no converter, no layout) so
 * only the renderer is measured. Prints the first (cold) run and the median of the warm runs.
 */
import type { Blueprint, BlueprintObject } from '../src/blueprint.js';
import { renderBlueprint, type RenderFormat, type RenderOptions } from '../src/render/index.js';

const TYPES = ['ec2', 'lambda', 'rds', 'elasticache', 'elb', 'efs', 'ec2', 'ec2', 'lambda', 'rds'];

/** A deterministic pseudo-random sequence (LCG), so every run draws the same blueprint. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
}

function synthetic(components: number): Blueprint {
  const nodes: BlueprintObject[] = [];
  const groups: BlueprintObject[] = [];
  const text: BlueprintObject[] = [];
  const edges: BlueprintObject[] = [];
  const perSubnet = 10;
  const subnetsPerVpc = 5;
  const vpcs = Math.ceil(components / (perSubnet * subnetsPerVpc));
  const vpcCols = Math.ceil(Math.sqrt(vpcs));
  let n = 0;
  for (let v = 0; v < vpcs && n < components; v++) {
    const vx = (v % vpcCols) * 80;
    const vy = Math.floor(v / vpcCols) * 20;
    const subnets: string[] = [];
    for (let s = 0; s < subnetsPerVpc && n < components; s++) {
      const members: string[] = [];
      for (let i = 0; i < perSubnet && n < components; i++, n++) {
        const id = `n${n}`;
        const x = vx + s * 15 + (i % 4) * 3;
        const y = vy + Math.floor(i / 4) * 3;
        nodes.push({ type: TYPES[n % TYPES.length]!, id, mapPos: [x, y], region: 'us-east-1', instanceType: 'm5', instanceSize: 'large' });
        text.push({ type: 'isotext', id: `t${n}`, mapPos: [x, y + 1.25], text: `service-${n}`, textSize: 12, isometric: true, direction: 'down', attachedTo: id });
        members.push(id);
      }
      const sid = `s${v}-${s}`;
      groups.push({ type: 'subnet', id: sid, name: `subnet-${v}-${s}`, padding: 1.5, nodes: members });
      subnets.push(sid);
    }
    groups.push({ type: 'vpc', id: `v${v}`, name: `vpc-${v}`, padding: 1.5, nodes: subnets });
  }
  const random = lcg(42);
  for (let e = 0; e < Math.floor(components * 1.5); e++) {
    const a = Math.floor(random() * components);
    // Mostly local edges (same subnet or VPC), some across the map.
    const b = random() < 0.85 ? Math.min(components - 1, a + 1 + Math.floor(random() * 20)) : Math.floor(random() * components);
    if (a !== b) edges.push({ type: 'edge', id: `e${e}`, from: `n${a}`, to: `n${b}`, width: 2, dashed: false, endCap: 'arrow' });
  }
  return {
    name: 'bench',
    data: { version: 4, name: 'bench', grid: 'standard', projection: 'isometric', theme: { base: 'light' }, nodes, groups, surfaces: [], edges, text, icons: [], images: [], connectors: [] },
  };
}

/** Wall time and CPU time (all threads, GC included): on a shared machine CPU time is the steadier figure. */
function measure(label: string, bp: Blueprint, format: RenderFormat, options: RenderOptions, runs = 7): void {
  const times: number[] = [];
  const cpu: number[] = [];
  let first = '';
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = renderBlueprint(bp, format, options);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    if (!r.ok) throw new Error(`${label}: ${r.diagnostics.map((d) => d.reason).join('; ')}`);
    if (i === 0) first = r.output!;
    else if (r.output !== first) throw new Error(`${label}: output differs between runs`);
    size = Buffer.byteLength(r.output!);
  }
  const median = (list: number[]) => list.slice(1).sort((a, b) => a - b)[Math.floor((runs - 1) / 2)]!;
  const cold = times[0]!;
  const verdict = cold <= 1000 ? 'ok' : 'OVER 1 s';
  console.log(`${label.padEnd(24)} cold ${cold.toFixed(0).padStart(5)} ms (cpu ${cpu[0]!.toFixed(0).padStart(5)})` +
    `   warm median ${median(times).toFixed(0).padStart(5)} ms (cpu ${median(cpu).toFixed(0).padStart(5)})   ${(size / 1e6).toFixed(2).padStart(5)} MB   ${verdict}`);
}

for (const size of [5000, 500]) {
  const bp = synthetic(size);
  console.log(`\n${size} components, ${bp.data.groups.length} containers, ${bp.data.text.length} labels, ${bp.data.edges.length} edges`);
  measure(`  svg isometric`, bp, 'svg', {});
  measure(`  svg isometric + grid`, bp, 'svg', { grid: true });
  measure(`  svg 2d`, bp, 'svg', { projection: '2d' });
  measure(`  html preview`, bp, 'html', {});
}
console.log('\nTarget: 5,000 components in ≤ 1 s (cold, first run in a fresh process).');
