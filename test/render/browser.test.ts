/**
 * The HTML preview in a real browser: Debian's headless Chromium driven by playwright-core,
 * pages served from a loopback HTTP server started here. Skips with a notice when Chromium is
 * not installed (CI installs it in .ci/run). Saves a screenshot of the sample; UPDATE_PREVIEW=1
 * also writes it to docs/preview.png.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Blueprint } from '../../src/blueprint.js';
import { renderHtml, renderSvg } from '../../src/render/index.js';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, type Browser } from './chromium.js';
import { blueprint, exportedBlueprint, node } from './helpers.js';
import { sampleBlueprint } from './sample.js';

/** Just enough DOM typing for the functions that run in the page (the project has no DOM lib). */
interface Rect { x: number; y: number; width: number; height: number }
interface El {
  getBoundingClientRect(): Rect;
  getAttribute(name: string): string | null;
  closest(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  textContent: string | null;
}
declare const document: {
  querySelectorAll(s: string): ArrayLike<El>;
  querySelector(s: string): El | null;
  elementFromPoint(x: number, y: number): El | null;
  addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string }) => void): void;
};
declare const window: { pwned?: number; cspViolations: string[] };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = process.env['CC_SCREENSHOT_DIR'] ?? join(tmpdir(), 'cloudcraft-convert-render');
const available = chromiumAvailable();
if (!available) console.warn(`[render] ${CHROMIUM_PATH} not found: skipping the browser tests (CI installs Debian's chromium, see .ci/run)`);

/**
 * docs/preview.png, shown in the README: the sample at twice the pixel density so it stays sharp,
 * zoomed onto the VPC with the tooltip of its database open.
 */
async function savePreview(url: string, focus: string, hover: string): Promise<void> {
  const hiDpi = await launchChromium({ width: 1200, height: 680 }, 2);
  try {
    const page = await hiDpi.context.newPage();
    await page.goto(url);
    const box = (await page.locator(`svg [data-id="${focus}"]`).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(50);
    await page.hover(`svg [data-id="${hover}"]`);
    await page.screenshot({ path: join(ROOT, 'docs/preview.png') });
  } finally {
    await hiDpi.close();
  }
}

const EVIL = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">';

describe.skipIf(!available)('HTML preview in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  const pages = new Map<string, string>();
  const requests: string[] = [];
  const sample = sampleBlueprint();

  beforeAll(async () => {
    pages.set('/sample.html', renderHtml(sample).output!);
    pages.set('/export.html', renderHtml(exportedBlueprint(), { theme: 'dark', grid: true }).output!);
    // Labels that rise over the block behind them: drawn too early, the block would cover them.
    pages.set('/tall.html', renderHtml(blueprint({
      nodes: [node('b1', 0, 0, 'block', { height: 3 }), node('b2', 4, 0, 'block', { height: 3 }), node('b3', 8, 0, 'rds')],
      text: [
        { type: 'isotext', id: 'standing', mapPos: [0.3, 2], text: 'standing label', standing: true },
        { type: 'isotext', id: 'sign', mapPos: [6.05, 1.9], text: 'a sign\non two lines', standing: true, direction: 'right' },
        { type: 'isotext', id: 'ground', mapPos: [8, 1.25], text: 'ground label' },
      ],
    })).output!);
    pages.set('/evil.html', renderHtml(blueprint({ nodes: [node('a', 0, 0, 'ec2', { instanceType: EVIL })],
      groups: [{ type: 'vpc', id: 'v', name: EVIL, nodes: ['a'] }],
      text: [{ type: 'isotext', id: 't', mapPos: [0, 1.25], text: EVIL, attachedTo: 'a' }] }, { name: EVIL })).output!);
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const body = pages.get(req.url ?? '');
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
    await browser.context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('request', (r) => { if (!r.url().startsWith(`${base}${path}`)) errors.push(`unexpected request ${r.url()}`); });
    await page.goto(`${base}${path}`);
    return { page, errors };
  }

  it('draws every node and group with a box, no two nodes overlapping, and a legend of the types', async () => {
    const { page, errors } = await open('/sample.html');
    const drawn = await page.evaluate(() => {
      const boxes = (s: string) => Array.from(document.querySelectorAll(s)).map((e) => ({
        id: e.getAttribute('data-id')!, type: e.getAttribute('data-type')!, r: e.getBoundingClientRect() }));
      const legend = Array.from(document.querySelectorAll('#cc-legend [data-type]')).map((e) => ({
        type: e.getAttribute('data-type')!, text: e.textContent ?? '' }));
      return { nodes: boxes('svg .cc-node'), groups: boxes('svg .cc-group'), canvas: document.querySelector('#cc-canvas')!.getBoundingClientRect(), legend };
    });
    expect(drawn.nodes.map((n) => n.id).sort()).toEqual(sample.data.nodes.map((n) => n.id).sort());
    expect(drawn.groups.map((g) => g.id).sort()).toEqual([...sample.data.groups, ...sample.data.surfaces].map((g) => g.id).sort());
    const c = drawn.canvas;
    for (const o of [...drawn.nodes, ...drawn.groups]) {
      expect(o.r.width, o.id).toBeGreaterThan(0);
      expect(o.r.height, o.id).toBeGreaterThan(0);
      expect(o.r.x >= c.x - 1 && o.r.y >= c.y - 1 && o.r.x + o.r.width <= c.x + c.width + 1 && o.r.y + o.r.height <= c.y + c.height + 1, `${o.id} in view`).toBe(true);
    }
    const overlapping: string[] = [];
    drawn.nodes.forEach((a, i) => drawn.nodes.slice(i + 1).forEach((b) => {
      if (a.r.x < b.r.x + b.r.width && b.r.x < a.r.x + a.r.width && a.r.y < b.r.y + b.r.height && b.r.y < a.r.y + a.r.height) overlapping.push(`${a.id} × ${b.id}`);
    }));
    expect(overlapping).toEqual([]);
    const shown = new Set([...drawn.nodes, ...drawn.groups].map((o) => o.type));
    expect(new Set(drawn.legend.map((l) => l.type))).toEqual(shown);
    expect(drawn.legend.find((l) => l.type === 'ec2')!.text).toMatch(/EC2 instance\s*2/);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'sample.png') });
    console.log(`[render] screenshot: ${join(SHOTS, 'sample.png')}`);
    if (process.env['UPDATE_PREVIEW']) {
      await savePreview(`${base}/sample.html`, sample.data.groups.find((g) => g.type === 'vpc')!.id, sample.data.nodes.find((n) => n.type === 'rds')!.id);
    }
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    await page.close();
  });

  it.each(['/sample.html', '/tall.html'])('%s: every label and container name is on top where it is drawn, not behind a block', async (path) => {
    const { page } = await open(path);
    // Probe the middle of each line (a multi-line label's middle may fall between its lines).
    const labels = await page.evaluate(() => Array.from(document.querySelectorAll('svg .cc-label, svg .cc-group-name')).flatMap((label) => {
      const spans = Array.from(label.querySelectorAll('tspan'));
      return (spans.length ? spans : Array.from(label.querySelectorAll('text'))).map((line) => {
        const r = line.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return { text: line.textContent, onTop: !!hit && hit.closest('.cc-label, .cc-group-name') === label, under: hit?.closest('[data-id]')?.getAttribute('data-id') };
      });
    }));
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.filter((l) => !l.onTop)).toEqual([]);
    await page.close();
  });

  it("shows a node's type and mapped fields on hover", async () => {
    const { page } = await open('/sample.html');
    const rds = sample.data.nodes.find((n) => n.type === 'rds')!;
    await page.hover(`svg [data-id="${rds.id}"]`);
    const tip = page.locator('#cc-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = await tip.innerText();
    expect(text).toContain('RDS database');
    expect(text).toContain('orders-db');
    expect(text).toMatch(/engine\s+postgresql/);
    expect(text).toMatch(/instanceType\s+r5/);
    await page.mouse.move(1, 1);
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.close();
  });

  it('zooms with the wheel and the buttons, pans by dragging, and fits back', async () => {
    const { page, errors } = await open('/export.html');
    const viewBox = async () => (await page.locator('#cc-canvas svg').getAttribute('viewBox'))!.split(' ').map(Number) as [number, number, number, number];
    const home = await viewBox();
    const canvas = (await page.locator('#cc-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await viewBox())[2]).toBeLessThan(home[2]);
    const zoomed = await viewBox();
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2 + 120, canvas.y + canvas.height / 2 + 60, { steps: 5 });
    await page.mouse.up();
    const panned = await viewBox();
    expect(panned[0]).toBeLessThan(zoomed[0]);
    expect(panned[2]).toBe(zoomed[2]);
    await page.click('button[data-zoom="in"]');
    expect((await viewBox())[2]).toBeLessThan(panned[2]);
    await page.click('button[data-zoom="fit"]');
    expect(await viewBox()).toEqual(home);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs no script from the blueprint and shows its text literally', async () => {
    const { page, errors } = await open('/evil.html');
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.locator('svg .cc-label').textContent()).toBe(EVIL);
    expect(await page.locator('header h1').textContent()).toBe(EVIL);
    await page.hover('svg [data-id="a"]');
    await expect.poll(() => page.locator('#cc-tip').innerText()).toContain(EVIL);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads nothing but the page itself', () => {
    expect(requests.filter((r) => !pages.has(r))).toEqual([]);
  });

  it('renders the standalone SVG file as an image document, opened from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-svg-'));
    const file = join(dir, 'sample.svg');
    writeFileSync(file, renderSvg(sample as Blueprint, { projection: '2d', grid: true }).output!);
    const page = await browser.context.newPage();
    await page.goto(`file://${file}`);
    const boxes = await page.locator('.cc-node').evaluateAll((els) => els.map((e) => (e as unknown as El).getBoundingClientRect().width));
    expect(boxes).toHaveLength(sample.data.nodes.length);
    expect(boxes.every((w) => w > 0)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'sample-2d.png') });
    await page.close();
  });
});
