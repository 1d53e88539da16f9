/** The draw.io flags through the real CLI (in-process): --page, -o folder, --no-label-inference, --max-inflate-mb, errors. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SAMPLES = fileURLToPath(new URL('../../samples/drawio/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cc-drawio-'));

describe('draw.io on the command line', () => {
  it('writes one blueprint per page when -o is a folder', async () => {
    const out = join(dir, 'pages') + '/';
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out);
    const r = await runCli([join(SAMPLES, 'multi-page.drawio'), '-o', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['azure-web.blueprint.json', 'legacy-stencils.blueprint.json', 'web-app.blueprint.json']);
    expect(JSON.parse(readFileSync(join(out, 'azure-web.blueprint.json'), 'utf8')).name).toBe('Azure web');
    expect(r.stderr).not.toContain('drawio-other-pages');
  });

  it('converts one page with --page and says which others there are without it', async () => {
    const picked = await runCli([join(SAMPLES, 'multi-page.drawio'), '--page', 'Legacy stencils', '--json']);
    expect(picked.code).toBe(0);
    expect(JSON.parse(picked.stdout).blueprint.name).toBe('multi-page - Legacy stencils');
    const first = await runCli([join(SAMPLES, 'multi-page.drawio'), '-o', join(dir, 'first.json')]);
    expect(first.stderr).toMatch(/warning: the file has 3 pages; converted page 1 "Web app" only\. Other pages: 2 "Legacy stencils", 3 "Azure web"/);
  });

  it('--no-label-inference reaches the converter', async () => {
    const inferred = await runCli([join(SAMPLES, 'whiteboard.drawio'), '--json']);
    const plain = await runCli([join(SAMPLES, 'whiteboard.drawio'), '--no-label-inference', '--json']);
    const types = (run: { stdout: string }) => (JSON.parse(run.stdout).blueprint.data.nodes as { type: string }[]).map((n) => n.type).sort();
    expect(types(inferred)).toEqual(['apigateway', 'block', 'block', 'dynamodb', 'kinesisstream', 'lambda']);
    expect(types(plain)).toEqual(Array(7).fill('block')); // CloudWatch alarms too (an icon when inferred)
  });

  it('a broken file exits 2 with file:line:col, no stack, and leaves the previous output alone', async () => {
    const bad = join(dir, 'broken.drawio');
    writeFileSync(bad, '<mxfile>\n  <diagram name="x">\n    <mxGraphModel><root></mxGraphModel>\n</diagram></mxfile>\n');
    const out = join(dir, 'keep.json');
    writeFileSync(out, '{"previous": true}\n');
    const r = await runCli([bad, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:3:25: error: invalid XML: Expected closing tag 'root'`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe('{"previous": true}\n');
  });

  it('--max-inflate-mb applies and a bad value is a usage error', async () => {
    const r = await runCli([join(SAMPLES, 'web-app-compressed.drawio'), '--max-inflate-mb', '0.001']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/page 1 "Web app": the compressed diagram inflates to more than 0 MB .*\[drawio-inflate-limit\]/);
    const bad = await runCli([join(SAMPLES, 'web-app.drawio'), '--max-inflate-mb', '-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-inflate-mb expects a number/);
  });
});
