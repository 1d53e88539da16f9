/**
 * CloudFormation conversion at scale: generated templates of 100, 1,000 and 5,000 resources
 * (VPCs with subnets and security groups, functions in those VPCs, queues, tables, topics, event
 * source mappings, subscriptions, roles — wired with Ref, GetAtt and Sub). Prints the time of
 * every pipeline stage and the ratio of the whole conversion to a bare JSON.parse +
 * JSON.stringify of the same text. Target: 5,000 resources end to end in ≤ 1.5 s.
 *
 *   npm run bench -- cloudformation      (or: npx tsx bench/cloudformation.bench.ts [sizes…])
 */
import { convert } from '../src/convert.js';
import { serializeBlueprint } from '../src/blueprint.js';
import { generateTemplate } from './cloudformation-template.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;

async function measure(n: number, runs: number): Promise<void> {
  const text = JSON.stringify(generateTemplate(n), null, 2);
  const bare: number[] = [];
  const whole: number[] = [];
  const cpu: number[] = [];
  const stages = new Map<string, number[]>();
  let summary = '';
  for (let i = 0; i <= runs; i++) {
    let t = performance.now();
    JSON.stringify(JSON.parse(text));
    const b = performance.now() - t;
    t = performance.now();
    const used = process.cpuUsage();
    const r = await convert({ text, name: `generated-${n}.json` }, { region: 'eu-west-1' });
    const out = serializeBlueprint(r.blueprint);
    const w = performance.now() - t;
    const c = process.cpuUsage(used);
    if (!r.ok) throw new Error(`conversion failed: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
    if (i === 0) { // warm-up run
      summary = `${r.report!.summary.total} resources → ${r.report!.summary.nodes} components, ${r.report!.summary.groups} groups, ${r.report!.summary.edges} edges; ${(text.length / 1024).toFixed(0)} KiB in, ${(out.length / 1024).toFixed(0)} KiB out`;
      continue;
    }
    bare.push(b);
    whole.push(w);
    cpu.push((c.user + c.system) / 1000);
    for (const [k, v] of Object.entries(r.timings)) stages.set(k, [...(stages.get(k) ?? []), v]);
  }
  console.log(`\n${n} resources (median of ${runs}): ${summary}`);
  const order = ['load', 'cloudformation.parse', 'cloudformation.evaluate', 'cloudformation.map', 'cloudformation', 'graph', 'layout', 'emit', 'validate'];
  for (const k of [...order.filter((k) => stages.has(k)), ...[...stages.keys()].filter((k) => !order.includes(k))]) {
    const label = k === 'cloudformation' ? 'cloudformation (all)' : k;
    console.log(`  ${label.padEnd(26)}${ms(median(stages.get(k)!))}`);
  }
  const total = median(whole);
  const base = median(bare);
  console.log(`  ${'end to end (+serialize)'.padEnd(26)}${ms(total)}`);
  console.log(`  ${'  CPU time (all threads)'.padEnd(26)}${ms(median(cpu))}   (wall-clock above is inflated when the machine is busy)`);
  console.log(`  ${'bare parse+stringify'.padEnd(26)}${ms(base)}`);
  console.log(`  ratio whole / bare: ${(total / base).toFixed(1)}×${n === 5000 ? `   target ≤ 1500 ms: ${total <= 1500 ? 'met' : 'MISSED'}` : ''}`);
}

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
for (const n of sizes.length ? sizes : [100, 1000, 5000]) await measure(n, n >= 5000 ? 3 : 5);
