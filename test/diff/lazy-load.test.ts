/**
 * @aws-cdk/cloudformation-diff costs ~0.6 s and ~135 MB on first use: only `diff` of two
 * CloudFormation sides may load it. Checked in a fresh process through the CLI entry.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/corpus.js';
import { fixture } from './helpers.js';

/** Runs the CLI in-process in a fresh Node and reports which cloudformation-diff files got loaded. */
async function loadedBy(args: string[]): Promise<{ code: number; loaded: number }> {
  const script = `
    const { createRequire } = await import('node:module');
    const { main } = await import(${JSON.stringify(join(REPO_ROOT, 'src/cli/main.ts'))});
    const code = await main(${JSON.stringify(args)});
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log('@@probe ' + JSON.stringify({ code, loaded: cache.filter((k) => k.includes('/@aws-cdk/cloudformation-diff/')).length }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, maxBuffer: 16 << 20 });
  return JSON.parse(stdout.split('\n').find((l) => l.startsWith('@@probe '))!.slice(8)) as { code: number; loaded: number };
}

it('convert and other commands never load @aws-cdk/cloudformation-diff; diff of two templates does', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'cc-lazy-')), 'out.json');
  const [converted, validated, diffed, plan] = await Promise.all([
    loadedBy(['convert', fixture('cfn/before.yaml'), '-o', out, '--quiet']),
    loadedBy(['validate', fixture('snapshot/live-aws.json'), '--quiet']),
    loadedBy(['diff', fixture('cfn/before.yaml'), fixture('cfn/after.yaml'), '--quiet', '--json']),
    loadedBy(['diff', fixture('tf/every-action.plan.json'), '--quiet', '--json']),
  ]);
  expect(converted).toEqual({ code: 0, loaded: 0 });
  expect(validated).toEqual({ code: 0, loaded: 0 });
  expect(plan).toEqual({ code: 0, loaded: 0 });
  // The probe works: the CloudFormation diff path does load it.
  expect(diffed.code).toBe(0);
  expect(diffed.loaded).toBeGreaterThan(0);
}, 60_000);
