import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltins } from '../../src/builtins.js';
import { registerConverter } from '../../src/registry.js';
import { runCli, runCliProcess } from '../helpers/cli.js';
import { testConverter } from '../helpers/test-converter.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-cli-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

const good = file('good.json', { testfmt: [
  { id: 'Vpc', type: 'T::Vpc', cc: 'vpc' },
  { id: 'Subnet', type: 'T::Subnet', cc: 'subnet', vpc: 'Vpc' },
  { id: 'Web', type: 'T::Fn', cc: 'lambda', vpc: 'Vpc', subnet: 'Subnet', to: 'Bucket' },
  { id: 'Bucket', type: 'T::Bucket', cc: 's3' },
  { id: 'Thing', type: 'T::Unmapped' },
] });
const bad = file('bad.json', { testfmt: [{ id: 'X', type: 'T', error: 'something is wrong here' }] });

beforeAll(async () => {
  await ensureBuiltins();
  registerConverter(testConverter);
});

describe('convert', () => {
  it('writes a valid blueprint and a one-line summary', async () => {
    const out = join(dir, 'out.json');
    const r = await runCli([good, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/5 resources: 4 drawn, 0 folded into edges, 1 left out \(1 no component\)/);
    const bp = JSON.parse(readFileSync(out, 'utf8'));
    expect(bp.data.nodes.map((n: { type: string }) => n.type).sort()).toEqual(['lambda', 's3']);
    expect((await runCli(['validate', out])).code).toBe(0);
  });

  it('prints to stdout without -o, and the same bytes every run', async () => {
    const a = await runCli([good]);
    const b = await runCli(['convert', good]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).data.edges).toHaveLength(1);
  });

  it('bad input: file:line:col message, exit 2, no stack, existing output untouched', async () => {
    const out = file('keep.json', '{"previous": true}\n');
    const r = await runCli([bad, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:3:7: error: something is wrong here [test-error]`);
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe('{"previous": true}\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('unknown input format says what is expected', async () => {
    const r = await runCli([file('what.txt', 'hello')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a recognised input: expected a CloudFormation/);
  });

  it('missing file is reported by name', async () => {
    const r = await runCli([join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: error: no such file or directory [input-not-found]');
  });

  it('--strict exits 1 when something had no mapping, and still writes the output', async () => {
    const out = join(dir, 'strict.json');
    const r = await runCli([good, '-o', out, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--strict: 1 resource left out for lack of a mapping: .*Thing \(T::Unmapped\)/);
    expect(existsSync(out)).toBe(true);
  });

  it('--report writes every resource with its status', async () => {
    const report = join(dir, 'report.json');
    await runCli([good, '-o', join(dir, 'r.json'), '--report', report]);
    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(r.entries).toHaveLength(5);
    expect(r.entries.find((e: { address: string }) => e.address.endsWith('#Thing'))).toMatchObject({ status: 'omitted', reason: 'no-component' });
    expect(r.formats).toEqual(['testfmt']);
  });

  it('--json prints a machine-readable result including diagnostics', async () => {
    const r = await runCli([good, '--json', '--exclude-types', 's3']);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(true);
    expect(j.summary.byReason).toEqual({ filtered: 1, 'no-component': 1 });
    expect(j.blueprint.data.nodes.map((n: { type: string }) => n.type)).toEqual(['lambda']);
  });

  it('--format overrides detection and rejects unknown names', async () => {
    const r = await runCli([good, '--format', 'nosuch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format "nosuch"; known formats: .*testfmt/);
  });

  it('usage errors exit 2 and never run the command', async () => {
    const out = join(dir, 'never.json');
    const r = await runCli([good, '-o', out, '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument/);
    expect(existsSync(out)).toBe(false);
  });

  it('--param needs Key=Value', async () => {
    const r = await runCli([good, '--param', 'oops']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--param "oops": expected Key=Value');
  });
});

describe('validate', () => {
  it('reports problems with JSON pointers and exits 2', async () => {
    const p = file('invalid.json', { name: 'x', data: { nodes: [{ type: 'ec2', id: 'a', mapPos: [0, 0], instanceType: 'zz9' }], edges: [{ id: 'e', type: 'edge', from: 'a', to: 'b' }] } });
    const r = await runCli(['validate', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${p} /data/nodes/0/instanceType: error: /data/nodes/0/instanceType must be equal to one of the allowed values`);
  });
  it('reports broken JSON with a line and column', async () => {
    const p = file('broken.json', '{\n  "name": "x",\n  oops\n}');
    const r = await runCli(['validate', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.json:3:3: not valid JSON/);
  });
});

describe('the real binary', () => {
  it('reads stdin with -', () => {
    const r = runCliProcess(['-', '--quiet'], { input: JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } }) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).data.nodes[0].type).toBe('s3');
  });
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(runCliProcess(['--version']).stdout).toBe(`${pkg.version}\n`);
  });
});

describe('help and version in-process', () => {
  it('--help returns 0 without exiting the process', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Commands:');
  });
  it('--version works with other flags too', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const r = await runCli(['--version', '--quiet']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });
});
