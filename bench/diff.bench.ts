/**
 * `diff` at scale: two generated CloudFormation templates of 1,000 (and 5,000) resources, the
 * after side with updates, replacements, removals and additions. Prints the one-off cost of
 * @aws-cdk/cloudformation-diff (import, first diff — it loads the AWS service spec — and memory)
 * separately from the steady-state diff, stage by stage, with and without the engine.
 *
 *   npm run bench -- diff      (or: npx tsx bench/diff.bench.ts [sizes…])
 */
import { diff } from '../src/diff/index.js';
import { loadCloudFormationDiff } from '../src/diff/cfn-diff.js';
import { generateTemplate } from './cloudformation-template.js';

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** The after side: every 10th function resized (update), every 25th queue made FIFO (replacement), every 50th table gone, 20 topics added. */
function evolve(before: Template): Template {
  const after = structuredClone(before);
  let i = 0;
  for (const [id, r] of Object.entries(after.Resources)) {
    i++;
    if (r.Type === 'AWS::Lambda::Function' && i % 10 === 0) r.Properties = { ...r.Properties, MemorySize: 2048 };
    if (r.Type === 'AWS::SQS::Queue' && i % 25 === 0) r.Properties = { ...r.Properties, FifoQueue: !r.Properties?.['FifoQueue'] };
    if (r.Type === 'AWS::DynamoDB::Table' && i % 50 === 0) {
      delete after.Resources[id];
      for (const other of Object.values(after.Resources)) {
        // Keep the template valid: whatever named the table now names nothing.
        if (JSON.stringify(other).includes(`"${id}"`)) other.Properties = JSON.parse(JSON.stringify(other.Properties).replaceAll(`"${id}"`, '"Gone"'));
      }
    }
  }
  for (let n = 0; n < 20; n++) after.Resources[`NewTopic${n}`] = { Type: 'AWS::SNS::Topic' };
  return after;
}

async function engineCost(): Promise<void> {
  const rss0 = process.memoryUsage().rss;
  let t = performance.now();
  const cfn = await loadCloudFormationDiff();
  const imported = performance.now() - t;
  const small = (cidr: string) => ({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: cidr } } } });
  t = performance.now();
  cfn.fullDiff(small('10.0.0.0/16'), small('10.1.0.0/16'));
  const first = performance.now() - t;
  t = performance.now();
  cfn.fullDiff(small('10.0.0.0/16'), small('10.2.0.0/16'));
  const second = performance.now() - t;
  console.log('\n@aws-cdk/cloudformation-diff, one-off cost (paid only by `diff` of two CloudFormation sides):');
  console.log(`  import                    ${ms(imported)}`);
  console.log(`  first fullDiff            ${ms(first)}   (loads the AWS service spec)`);
  console.log(`  next fullDiff             ${ms(second)}`);
  console.log(`  RSS                       ${mb(rss0)} → ${mb(process.memoryUsage().rss)}`);
}

async function measure(n: number, runs: number): Promise<void> {
  const before = generateTemplate(n) as unknown as Template;
  const after = evolve(before);
  const inputs = [{ text: JSON.stringify(before), name: 'before.json' }, { text: JSON.stringify(after), name: 'after.json' }] as const;
  for (const engine of [true, false]) {
    const whole: number[] = [];
    const stages = new Map<string, number[]>();
    let summary = '';
    for (let i = 0; i <= runs; i++) {
      const t = performance.now();
      const r = await diff(inputs[0], inputs[1], { region: 'eu-west-1', cloudformationDiff: engine });
      const w = performance.now() - t;
      if (!r.ok) throw new Error(`diff failed: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
      if (i === 0) {
        const s = r.summary;
        summary = `${s.replaced} replaced, ${s.removed} removed, ${s.added} added, ${s.modified} modified (${s.notDrawn} not drawn), ${s.unchanged} unchanged; connections +${s.edgesAdded} −${s.edgesRemoved}`;
        continue;
      }
      whole.push(w);
      for (const [k, v] of Object.entries(r.timings)) stages.set(k, [...(stages.get(k) ?? []), v]);
    }
    console.log(`\n${n} → ${n} resources, ${engine ? 'with' : 'without (--no-cfn-diff)'} cloudformation-diff (median of ${runs}): ${summary}`);
    for (const [k, v] of stages) console.log(`  ${k.padEnd(26)}${ms(median(v))}`);
    console.log(`  ${'total'.padEnd(26)}${ms(median(whole))}`);
  }
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
await engineCost();
for (const n of sizes.length ? sizes : [1000, 5000]) await measure(n, n >= 5000 ? 3 : 5);
