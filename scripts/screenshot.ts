/**
 * Developer aid: renders a blueprint (or any input we convert) to a PNG through the SVG renderer and
 * headless Chromium, scaled to fit, so a layout can be looked at without a browser session:
 *   npx tsx scripts/screenshot.ts <blueprint.json | input> out.png [width] [height]
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { convert } from '../src/convert.js';
import { renderSvg } from '../src/render/index.js';

const [input, out, w = '1600', h = '1000'] = process.argv.slice(2);
if (!input || !out) {
  console.error('usage: npx tsx scripts/screenshot.ts <blueprint.json | input> out.png [width] [height]');
  process.exit(2);
}
let blueprint: unknown;
try {
  const j = JSON.parse(readFileSync(input, 'utf8')) as { data?: { nodes?: unknown } };
  if (j.data?.nodes) blueprint = j;
} catch {
  // not a blueprint: convert it
}
if (!blueprint) {
  const r = await convert(input);
  if (!r.ok) {
    console.error(r.diagnostics.map((d) => d.reason).join('\n'));
    process.exit(2);
  }
  blueprint = r.blueprint;
}
const svg = renderSvg(blueprint).output ?? "";
const dir = mkdtempSync(join(tmpdir(), 'cc-shot-'));
const html = `<!doctype html><html><body style="margin:0;background:#fff"><div style="width:${w}px;height:${h}px">${svg.replace(/<\?xml[^>]*>/, '').replace('<svg ', `<svg style="width:100%;height:100%" `)}</div></body></html>`;
writeFileSync(join(dir, 'page.html'), html);
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
await page.goto(`file://${join(dir, 'page.html')}`);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
