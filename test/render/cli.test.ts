/** `render` and `convert --preview` on the command line (in-process). */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltins } from '../../src/builtins.js';
import { registerConverter } from '../../src/registry.js';
import { runCli, runCliProcess } from '../helpers/cli.js';
import { testConverter } from '../helpers/test-converter.js';
import { exportedBlueprint } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-render-cli-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const bp = file('bp.json', JSON.stringify(exportedBlueprint(), null, 2));

beforeAll(async () => {
  await ensureBuiltins();
  registerConverter(testConverter);
});

describe('render command', () => {
  it('writes an SVG or an HTML page, told by the extension', async () => {
    const svg = join(dir, 'out.svg');
    const r = await runCli(['render', bp, '-o', svg]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`rendered 7 components, 5 containers, 3 connections → ${svg}\n`);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*data-projection="isometric"/);
    const html = join(dir, 'out.HTML');
    expect((await runCli(['render', bp, '-o', html, '--projection', '2d', '--theme', 'dark', '--grid'])).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('data-projection="2d" data-theme="dark"');
    expect(page).toContain('class="cc-grid"');
  });

  it('prints SVG on stdout without -o, the same bytes as the library, every run', async () => {
    const a = await runCli(['render', bp]);
    const b = await runCli(['render', bp, '--to', 'svg']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const { renderSvg } = await import('../../src/render/index.js');
    expect(a.stdout).toBe(renderSvg(exportedBlueprint()).output);
  });

  it('--to html overrides the extension; --json reports stats and carries the document without -o', async () => {
    const r = await runCli(['render', bp, '--to', 'html', '--json']);
    expect(r.code).toBe(0);
    const payload = JSON.parse(r.stdout) as { ok: boolean; outputs: string[]; format: string; stats: { nodes: number }; document: string };
    expect(payload).toMatchObject({ ok: true, outputs: [], format: 'html', stats: { nodes: 7 } });
    expect(payload.document).toMatch(/^<!doctype html>/);
  });

  it('reads stdin', () => {
    const r = runCliProcess(['render', '-', '--projection', '2d'], { input: readFileSync(bp) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('data-projection="2d"');
  });

  const failures: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['render', join(dir, 'nope.json'), '-o', join(dir, 'keep.svg')], /nope\.json: cannot read \(no such file\)/],
    ['broken JSON, with line and column', () => ['render', file('broken.json', '{\n  "data": {\n    "nodes": [],\n  }\n}\n'), '-o', join(dir, 'keep.svg')],
      /broken\.json:4:3: error: not valid JSON \(.*\) \[json-syntax\]\n.*not rendered; nothing was written/],
    ['truncated JSON, located at its end', () => ['render', file('cut.json', '{\n  "data": {'), '-o', join(dir, 'keep.svg')], /cut\.json:2:12: error: not valid JSON/],
    ['a file that is not a blueprint', () => ['render', file('template.json', '{"Resources": {}}'), '-o', join(dir, 'keep.svg')],
      /template\.json: error: not a Cloudcraft blueprint.*\[render-not-blueprint\]/],
    ['an output name with no format', () => ['render', bp, '-o', join(dir, 'keep.png')], /keep\.png: cannot tell the output format/],
    ['an output that is the input', () => ['render', bp, '-o', bp, '--to', 'svg'], /would overwrite the blueprint being rendered/],
  ];
  it.each(failures)('%s: exit 2, one clear message, existing output untouched', async (_name, args, message) => {
    const keep = file('keep.svg', '<svg>previous</svg>');
    const r = await runCli(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(keep, 'utf8')).toBe('<svg>previous</svg>');
    expect(readFileSync(bp, 'utf8')).toBe(JSON.stringify(exportedBlueprint(), null, 2));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('warns about objects it cannot draw and still renders the rest', async () => {
    const doc = exportedBlueprint();
    doc.data.nodes.push({ type: 'ec2', id: 'lost' });
    const r = await runCli(['render', file('partial.json', JSON.stringify(doc)), '-o', join(dir, 'partial.svg')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('partial.json /data/nodes/6: warning: ec2 "lost" has no usable mapPos; it is not drawn [render-no-position]');
    expect(existsSync(join(dir, 'partial.svg'))).toBe(true);
  });
});

describe('convert --preview', () => {
  const input = file('in.json', JSON.stringify({ testfmt: [
    { id: 'Vpc', type: 'T::Vpc', cc: 'vpc' },
    { id: 'Subnet', type: 'T::Subnet', cc: 'subnet', vpc: 'Vpc' },
    { id: 'Fn', type: 'T::Fn', cc: 'lambda', vpc: 'Vpc', subnet: 'Subnet', to: 'Bucket' },
    { id: 'Bucket', type: 'T::Bucket', cc: 's3' },
  ] }));

  it('writes the blueprint and its preview, SVG or HTML', async () => {
    const out = join(dir, 'conv.json');
    const svg = join(dir, 'conv.svg');
    const r = await runCli([input, '-o', out, '--preview', svg]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`(preview → ${svg})`);
    const { renderSvg, renderHtml } = await import('../../src/render/index.js');
    const blueprint = JSON.parse(readFileSync(out, 'utf8')) as unknown;
    expect(readFileSync(svg, 'utf8')).toBe(renderSvg(blueprint).output);
    const html = join(dir, 'conv.html');
    const j = await runCli([input, '--preview', html, '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: true, outputs: [], preview: html });
    expect(readFileSync(html, 'utf8')).toBe(renderHtml(blueprint).output);
  });

  it('refuses a preview name with no format before converting anything', async () => {
    const out = join(dir, 'never.json');
    const r = await runCli([input, '-o', out, '--preview', join(dir, 'preview.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--preview .*preview\.txt: name the file \.svg or \.html/);
    expect(existsSync(out)).toBe(false);
  });
});
