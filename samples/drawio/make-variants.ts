/**
 * Writes the derived draw.io samples from the hand-written ones, the way draw.io itself would
 * save them, and copies the whole set into test/fixtures/drawio:
 *
 *   web-app-unparented.drawio   every cell moved to the top level (membership only by geometry)
 *   web-app-compressed.drawio   the page compressed (base64 → raw deflate → URI-encoded XML)
 *   multi-page.drawio           three pages: plain, compressed, compressed
 *   web-app-svg.drawio.svg      an SVG export with the diagram in its content attribute
 *   web-app-png.drawio.png      a PNG export with the diagram in an `mxfile` tEXt chunk
 *
 * Run: npx tsx samples/drawio/make-variants.ts
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/drawio/', import.meta.url));
const read = (name: string) => readFileSync(join(HERE, name), 'utf8');

/** The `<mxGraphModel>…</mxGraphModel>` of the first page. */
function modelOf(xml: string): string {
  const m = /<mxGraphModel[\s\S]*<\/mxGraphModel>/.exec(xml);
  if (!m) throw new Error('no mxGraphModel');
  return m[0];
}

function compress(model: string): string {
  return deflateRawSync(Buffer.from(encodeURIComponent(model), 'utf8')).toString('base64');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

/** Moves every cell to the top level with absolute coordinates (what many hand-made diagrams look like). */
function unparent(xml: string): string {
  const cells = [...xml.matchAll(/<mxCell id="([^"]+)"([^>]*?)(\/>|>[\s\S]*?<\/mxCell>)/g)];
  const info = new Map<string, { parent?: string; x: number; y: number; vertex: boolean }>();
  for (const m of cells) {
    const attrs = m[2]!;
    const geo = /<mxGeometry([^>]*)/.exec(m[3]!)?.[1] ?? '';
    const num = (k: string, s: string) => Number(new RegExp(`\\b${k}="([^"]*)"`).exec(s)?.[1] ?? 0);
    info.set(m[1]!, { parent: /\bparent="([^"]*)"/.exec(attrs)?.[1], x: num('x', geo), y: num('y', geo), vertex: /vertex="1"/.test(attrs) });
  }
  const abs = (id: string): { x: number; y: number } => {
    const c = info.get(id);
    if (!c || !c.vertex) return { x: 0, y: 0 };
    const p = c.parent ? abs(c.parent) : { x: 0, y: 0 };
    return { x: p.x + c.x, y: p.y + c.y };
  };
  return xml.replace(/<mxCell id="([^"]+)"([^>]*?)(\/>|>[\s\S]*?<\/mxCell>)/g, (whole, id: string, attrs: string, body: string) => {
    const c = info.get(id)!;
    const parent = c.parent ? info.get(c.parent) : undefined;
    if (!parent || id === '1' || (!c.vertex && !/edge="1"/.test(attrs)) || (!parent.vertex && c.parent === '1')) return whole;
    if (!parent.vertex) return whole; // edge labels stay on their edge
    const a = abs(id);
    const newBody = c.vertex ? body.replace(/<mxGeometry([^>]*?)\bx="[^"]*"/, `<mxGeometry$1x="${a.x}"`).replace(/<mxGeometry([^>]*?)\by="[^"]*"/, `<mxGeometry$1y="${a.y}"`) : body;
    return `<mxCell id="${id}"${attrs.replace(/\bparent="[^"]*"/, 'parent="1"').replace(/container="1";?/, '')}${newBody}`;
  });
}

function svgExport(mxfile: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="320px" height="80px" viewBox="0 0 320 80" content="${escapeAttr(mxfile)}">
  <rect x="1" y="1" width="318" height="78" fill="#ffffff" stroke="#8C4FFF"/>
  <text x="16" y="44" font-family="Helvetica" font-size="14">Web app (draw.io SVG export, editable)</text>
</svg>
`;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function pngExport(mxfile: string): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); // 1×1 pixel, 8-bit RGBA
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const pixel = deflateSync(Buffer.from([0, 255, 255, 255, 255]));
  const text = Buffer.concat([Buffer.from('mxfile\0', 'latin1'), Buffer.from(encodeURIComponent(mxfile), 'latin1')]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('tEXt', text),
    chunk('IDAT', pixel), chunk('IEND', Buffer.alloc(0))]);
}

const webApp = read('web-app.drawio');
const wrap = (pages: string) => `<mxfile host="cloudcraft-convert samples">\n${pages}\n</mxfile>\n`;
const outputs: Record<string, string | Buffer> = {
  'web-app-unparented.drawio': unparent(webApp),
  'web-app-compressed.drawio': wrap(`  <diagram name="Web app" id="web-app-page">${compress(modelOf(webApp))}</diagram>`),
  'multi-page.drawio': wrap([
    `  <diagram name="Web app" id="web-app-page">\n    ${modelOf(webApp)}\n  </diagram>`,
    `  <diagram name="Legacy stencils" id="legacy-page">${compress(modelOf(read('legacy-aws3.drawio')))}</diagram>`,
    `  <diagram name="Azure web" id="azure-page">${compress(modelOf(read('azure.drawio')))}</diagram>`,
  ].join('\n')),
  'web-app-svg.drawio.svg': svgExport(webApp),
  'web-app-png.drawio.png': pngExport(webApp),
};
for (const [name, content] of Object.entries(outputs)) writeFileSync(join(HERE, name), content);
for (const name of readdirSync(HERE).sort()) {
  if (/\.(drawio|drawio\.svg|drawio\.png)$/.test(name)) copyFileSync(join(HERE, name), join(FIXTURES, name));
}
console.log(`wrote ${Object.keys(outputs).length} variants; copied the samples to ${FIXTURES}`);
