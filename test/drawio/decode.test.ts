/** Containers and pages: what a draw.io file looks like on disk, found by content. */
import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { converter } from '../../converters/drawio/index.js';
import { convert } from '../../src/convert.js';
import { inputFromBytes, inputFromText } from '../../src/input.js';
import { byCell, icon, model, mxfile, run, vertex } from './build-xml.js';

const lambda = vertex('fn', icon('lambda'), 10, 10, 60, 60, { value: 'worker' });
const bucket = vertex('b', icon('s3'), 200, 10, 60, 60, { value: 'files' });
const sample = (name: string) => readFileSync(new URL(`../../samples/drawio/${name}`, import.meta.url));

describe('detection by content', () => {
  it.each([
    ['an mxfile', mxfile([{ name: 'P', cells: [lambda] }]), 0.95],
    ['a bare mxGraphModel with an XML declaration and a comment', `<?xml version="1.0"?>\n<!-- saved --><mxGraphModel><root/></mxGraphModel>`, 0.9],
    ['a CloudFormation template', '{"Resources": {}}', 0],
    ['an SVG without a diagram', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', 0],
    ['a shape library', '<mxlibrary>[]</mxlibrary>', 0],
  ])('%s', (_what, text, confidence) => {
    expect(converter.detect(inputFromText(text, 'whatever.txt'))).toBe(confidence);
  });

  it('recognises the SVG and PNG exports whatever their names', () => {
    expect(converter.detect(inputFromBytes(sample('web-app-svg.drawio.svg'), 'export.bin'))).toBe(0.9);
    expect(converter.detect(inputFromBytes(sample('web-app-png.drawio.png'), 'export.bin'))).toBe(0.9);
  });

  it('explains near misses', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><!-- made with diagrams.net --><rect/></svg>';
    expect(converter.explainRejection!(inputFromText(svg, 'a.svg'))).toMatch(/Include a copy of my diagram/);
    expect(converter.explainRejection!(inputFromText('<mxlibrary>[]</mxlibrary>', 'a.xml'))).toMatch(/shape library/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    expect(converter.explainRejection!(inputFromBytes(png, 'a.png'))).toMatch(/PNG without an embedded draw.io diagram/);
  });
});

describe('pages', () => {
  it('reads plain and compressed pages of one file alike', async () => {
    const text = mxfile([{ name: 'Plain', cells: [lambda, bucket] }, { name: 'Packed', cells: [lambda, bucket], compressed: true }]);
    const plain = await run(text, { page: 'Plain' });
    const packed = await run(text, { page: 'Packed' });
    const shape = (r: typeof plain) => r.graph!.resources.map((x) => [x.ccType, x.name, x.hint]);
    expect(shape(packed)).toEqual(shape(plain));
    expect(byCell(plain.graph, 'fn').location).toEqual({ file: 'test.drawio', line: 1, column: expect.any(Number) });
    expect(byCell(packed.graph, 'fn').location).toEqual({ file: 'test.drawio' }); // no positions inside compressed text
  });

  it('reads a bare mxGraphModel file', async () => {
    const r = await run(model([lambda]));
    expect(r.ok).toBe(true);
    expect(r.graph!.resources.map((x) => x.ccType)).toEqual(['lambda']);
  });

  it('reads very old compressed pages that skip the URI encoding', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const packed = deflateRawSync(Buffer.from(model([lambda]))).toString('base64');
    const r = await run(`<mxfile><diagram name="Old">${packed}</diagram></mxfile>`);
    expect(r.graph!.resources.map((x) => x.ccType)).toEqual(['lambda']);
  });

  it('converts the first page and names the others in a warning', async () => {
    const r = await run(mxfile([{ name: 'One', cells: [lambda] }, { name: 'Two', cells: [bucket] }, { name: 'Three', cells: [] }]));
    expect(r.graph!.resources.map((x) => x.name)).toEqual(['worker']);
    const w = r.diagnostics.find((d) => d.ruleId === 'drawio-other-pages');
    expect(w?.severity).toBe('warning');
    expect(w?.reason).toContain('2 "Two", 3 "Three"');
  });

  it.each([['Two'], ['two'], ['2']])('--page %s picks by name, case-insensitive name or 1-based index', async (page) => {
    const r = await run(mxfile([{ name: 'One', cells: [lambda] }, { name: 'Two', cells: [bucket] }]), { page });
    expect(r.graph!.resources.map((x) => x.name)).toEqual(['files']);
    expect(r.diagnostics.some((d) => d.ruleId === 'drawio-other-pages')).toBe(false);
  });

  it('an unknown --page lists the pages there are', async () => {
    const r = await run(mxfile([{ name: 'One', cells: [lambda] }, { name: 'Two', cells: [bucket] }]), { page: 'Nine' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'drawio-page-not-found', file: 'test.drawio' });
    expect(r.diagnostics[0]!.reason).toContain('1 "One", 2 "Two"');
  });

  it('gives every page its own blueprint when the pipeline asks for all pages', async () => {
    const r = await run(mxfile([{ name: 'One', cells: [lambda] }, { name: 'Two', cells: [bucket], compressed: true }]), { allPages: true });
    expect(r.pages!.map((p) => [p.name, p.blueprint.data.nodes.map((n) => n.type)])).toEqual([['One', ['lambda']], ['Two', ['s3']]]);
    expect(r.diagnostics.some((d) => d.ruleId === 'drawio-other-pages')).toBe(false);
  });

  it('names the blueprint after the file for one page, after file and page for several', async () => {
    const one = await convert({ bytes: Buffer.from(mxfile([{ name: 'Page-1', cells: [lambda] }])), name: 'dir/shop.drawio' });
    expect(one.blueprint!.name).toBe('shop');
    const two = await convert({ bytes: Buffer.from(mxfile([{ name: 'A', cells: [lambda] }, { name: 'B', cells: [] }])), name: 'shop.drawio' });
    expect(two.blueprint!.name).toBe('shop - A');
  });

  it('puts several input files side by side with distinct addresses', async () => {
    const a = inputFromText(mxfile([{ name: 'P', cells: [lambda] }]), 'a.drawio');
    const b = inputFromText(mxfile([{ name: 'P', cells: [lambda] }]), 'b.drawio');
    const r = await convert([a, b]);
    expect(r.graph!.resources.map((x) => x.address)).toEqual(['a.drawio#P/fn', 'b.drawio#P/fn']);
    const [ha, hb] = r.graph!.resources.map((x) => x.hint!);
    expect(hb!.x).toBeGreaterThan(ha!.x + ha!.w);
  });
});

describe('exports', () => {
  it('reads the diagram of an SVG export (its DOCTYPE is the SVG one, not the diagram’s)', async () => {
    const r = await convert({ bytes: sample('web-app-svg.drawio.svg'), name: 'web-app.drawio.svg' });
    expect(r.ok).toBe(true);
    expect(r.graph!.resources.length).toBe(24);
  });

  it('reads tEXt (URI-encoded) and zTXt (zlib) chunks of a PNG export', async () => {
    const r = await convert({ bytes: sample('web-app-png.drawio.png'), name: 'x.png' });
    expect(r.graph!.resources.length).toBe(24);
    const png = sample('web-app-png.drawio.png');
    // Rewrite the tEXt chunk as an old-style zTXt "mxGraphModel" chunk.
    const { crc32 } = await import('node:zlib');
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length);
      head.write(type, 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
      return Buffer.concat([head, data, crc]);
    };
    const z = chunk('zTXt', Buffer.concat([Buffer.from('mxGraphModel\0\0', 'latin1'), deflateSync(Buffer.from(model([lambda])))]));
    const old = Buffer.concat([png.subarray(0, 33), z, chunk('IEND', Buffer.alloc(0))]);
    const r2 = await convert({ bytes: old, name: 'old.png' });
    expect(r2.graph!.resources.map((x) => x.ccType)).toEqual(['lambda']);
  });

  it('a PNG without the diagram is refused with a reason', async () => {
    const r = await convert({ bytes: sample('web-app-png.drawio.png').subarray(0, 33), name: 'plain.png' }, { format: 'drawio' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'drawio-png', file: 'plain.png' });
  });
});
