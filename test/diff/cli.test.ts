/** `cloudcraft-convert diff` as users run it: outputs, report formats, colour, exit codes, errors. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, runCliProcess } from '../helpers/cli.js';
import { fixture, tempDir } from './helpers.js';

const BEFORE = fixture('cfn/before.yaml');
const AFTER = fixture('cfn/after.yaml');
const PLAN = fixture('tf/every-action.plan.json');
const ANSI = /\u001b\[\d+m/;

describe('diff command: outputs', () => {
  it('writes the diff blueprint and a preview, and prints the text report', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'diff.json');
    const preview = join(dir, 'diff.svg');
    const r = await runCli(['diff', BEFORE, AFTER, '-o', out, '--preview', preview]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^diff .*before\.yaml → .*after\.yaml\n3 replaced, 1 removed, 1 added, 4 modified \(1 not drawn\); connections \+1 −1; 3 unchanged\n/);
    expect(r.stdout).toContain('± Jobs (sqs · AWS::SQS::Queue) replaced\n    QueueName: jobs-v1 → jobs-v2 [forces replacement]\n');
    expect(r.stdout).toContain('    moved subnet: SubnetA → SubnetB\n');
    expect(r.stderr).toContain(`diff → ${out}, ${preview}`);
    expect((await runCli(['validate', out])).code).toBe(0);
    expect(readFileSync(preview, 'utf8')).toMatch(/^<svg /);
  });

  it('--format markdown: counts, the table, the preview as image, a link', async () => {
    const { dir } = tempDir();
    const preview = join(dir, 'diff.html');
    const r = await runCli(['diff', BEFORE, AFTER, '--format', 'markdown', '--preview', preview, '--link', 'https://app.cloudcraft.co/blueprint/abc']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^### Architecture diff: /);
    expect(r.stdout).toContain('**3 replaced, 1 removed, 1 added, 4 modified (1 not drawn); connections +1 −1; 3 unchanged**');
    expect(r.stdout).toContain(`](${preview})`);
    expect(r.stdout).toContain('[Open the diff blueprint](https://app.cloudcraft.co/blueprint/abc)');
    expect(r.stdout).toContain('| 🟣 | `Jobs` | sqs · AWS::SQS::Queue | replaced; QueueName: `jobs-v1` → `jobs-v2` [forces replacement] |');
    expect(r.stdout).toContain('<details><summary>1 change to resources the diagram does not draw</summary>');
  });

  it('--image overrides the embedded picture (a URL CI uploaded it to)', async () => {
    const r = await runCli(['diff', PLAN, '--format', 'markdown', '--image', 'https://ci.example/diff.svg']);
    expect(r.stdout).toContain('](https://ci.example/diff.svg)');
    expect(r.stdout).toMatch(/^### Architecture diff: Terraform plan /);
  });

  it('--json: the whole report, byte-identical across runs, no timings', async () => {
    const a = await runCli(['diff', BEFORE, AFTER, '--json']);
    const b = await runCli(['diff', BEFORE, AFTER, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const payload = JSON.parse(a.stdout);
    expect(payload).toMatchObject({ ok: true, mode: 'sides', outputs: [], summary: { replaced: 3, changed: true } });
    expect(payload.timings).toBeUndefined();
    expect(payload.blueprint).toBeUndefined();
    expect(payload.changes.map((c: { name: string }) => c.name)).toContain('Jobs');
  });

  it('--report FILE writes the report there instead of stdout', async () => {
    const { dir } = tempDir();
    const report = join(dir, 'comment.md');
    const r = await runCli(['diff', PLAN, '--format', 'markdown', '--report', report]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(report, 'utf8')).toMatch(/^### Architecture diff: Terraform plan/);
  });
});

describe('diff command: colour', () => {
  const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  afterEach(() => {
    if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
    else delete (process.stdout as { isTTY?: boolean }).isTTY;
    vi.unstubAllEnvs();
  });
  const onTerminal = () => Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });

  it('no colour when stdout is not a terminal', async () => {
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    expect((await runCli(['diff', PLAN])).stdout).not.toMatch(ANSI);
  });

  it('colour on a terminal, none with NO_COLOR, forced with --color', async () => {
    onTerminal();
    vi.stubEnv('NO_COLOR', '');
    expect((await runCli(['diff', PLAN])).stdout).toMatch(ANSI);
    vi.stubEnv('NO_COLOR', '1');
    expect((await runCli(['diff', PLAN])).stdout).not.toMatch(ANSI);
    expect((await runCli(['diff', PLAN, '--color'])).stdout).toContain('\u001b[35m± batch');
    expect((await runCli(['diff', PLAN, '--no-color'])).stdout).not.toMatch(ANSI);
  });
});

describe('diff command: exit codes and errors', () => {
  it('--exit-code: 1 when anything changed, 0 when nothing did', async () => {
    expect((await runCli(['diff', BEFORE, AFTER, '--exit-code'])).code).toBe(1);
    expect((await runCli(['diff', BEFORE, AFTER])).code).toBe(0);
    const same = await runCli(['diff', BEFORE, BEFORE, '--exit-code']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('no resource changes; 11 unchanged');
  });

  it('bad input: file:line:col, exit 2, no stack, an existing output left as it was', async () => {
    const { dir, file } = tempDir();
    const broken = file('broken.yaml', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: [oops\n');
    const out = file('diff.json', '{"keep": true}\n');
    const r = await runCli(['diff', broken, AFTER, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: .*\\[yaml-syntax\\]`));
    expect(r.stderr).toContain('diff failed with 1 error; nothing was written');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe('{"keep": true}\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write over an input, and a preview that is not .svg/.html', async () => {
    const { file } = tempDir();
    const before = file('before.json', readFileSync(BEFORE, 'utf8'));
    const r = await runCli(['diff', before, AFTER, '-o', before]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('that is one of the inputs');
    const png = await runCli(['diff', BEFORE, AFTER, '--preview', 'diff.png']);
    expect(png.code).toBe(2);
    expect(png.stderr).toContain('name the file .svg or .html');
    expect(existsSync('diff.png')).toBe(false);
  });

  it('one input that is not a plan asks for two', async () => {
    const r = await runCli(['diff', BEFORE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[diff-not-a-plan]');
  });

  it('a missing file names it', async () => {
    const r = await runCli(['diff', 'nope.yaml', AFTER]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: error: no such file or directory [input-not-found]');
  });

  it('--input-format forces the converter of both sides (and --format stays the report format)', async () => {
    const r = await runCli(['diff', BEFORE, AFTER, '--input-format', 'terraform', '--format', 'markdown']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[terraform-');
  });

  it('reads one side from stdin (real process)', () => {
    const r = runCliProcess(['diff', '-', AFTER, '--json'], { input: readFileSync(BEFORE) });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).before.name).toBe('<stdin>');
  }, 60_000);
});
