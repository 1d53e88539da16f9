/**
 * Hostile and broken files: every one ends in a clear, typed diagnostic naming the page (and the
 * line where the file has one), quickly, never a hang, a crash or a polluted prototype.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { edge, errors, icon, model, mxfile, run, vertex } from './build-xml.js';

const lambda = vertex('fn', icon('lambda'), 0, 0, 60, 60);
const packed = (text: string) => deflateRawSync(Buffer.from(text)).toString('base64');
const page = (body: string, name = 'Prod') => `<mxfile><diagram name="${name}" id="p1">${body}</diagram></mxfile>`;

describe('hostile and broken files', () => {
  const cases: [string, () => string, Record<string, unknown>, { ruleId: string; line?: number; column?: number; reason: RegExp }][] = [
    ['a deflate bomb (200 MB of zeros behind 200 KB)', () => page(packed(encodeURIComponent('<mxGraphModel>') + 'A'.repeat(200 * 1048576))), {},
      { ruleId: 'drawio-inflate-limit', reason: /^page 1 "Prod": the compressed diagram inflates to more than 50 MB/ }],
    ['a page over a lowered --max-inflate-mb', () => page(packed(encodeURIComponent(model([lambda])) + ' '.repeat(3 * 1048576))), { maxInflateMb: 1 },
      { ruleId: 'drawio-inflate-limit', reason: /more than 1 MB \(raise --max-inflate-mb/ }],
    ['pages that together exceed the cap', () => `<mxfile>${[1, 2, 3].map((i) => `<diagram name="P${i}">${packed(encodeURIComponent(model([lambda])) + ' '.repeat(500_000))}</diagram>`).join('')}</mxfile>`,
      { maxInflateMb: 1 }, { ruleId: 'drawio-inflate-limit', reason: /^page 3 "P3"/ }],
    ['100 000 nested elements', () => page(`<mxGraphModel><root>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</root></mxGraphModel>`), {},
      { ruleId: 'drawio-xml', reason: /nested deeper than 64 levels/ }],
    ['a DOCTYPE with entity definitions (billion laughs)', () => `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;">]>\n${page(model([lambda]))}`, {},
      { ruleId: 'drawio-doctype', reason: /DOCTYPE\/ENTITY declarations are not allowed/ }],
    ['a DOCTYPE hidden inside a compressed page', () => page(packed(encodeURIComponent(`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${model([lambda])}`))), {},
      { ruleId: 'drawio-doctype', reason: /^page 1 "Prod": DOCTYPE/ }],
    ['an element named __proto__', () => page(`<mxGraphModel><root><__proto__ polluted="yes"/></root></mxGraphModel>`), {},
      { ruleId: 'drawio-xml', reason: /__proto__/ }],
    ['broken base64', () => page('%%% not base64 %%%'), {}, { ruleId: 'drawio-compressed', reason: /^page 1 "Prod": the compressed diagram is not valid base64/ }],
    ['corrupt deflate data', () => page('AAAAAAAAAAAAAAAAAAAAAAAA'), {}, { ruleId: 'drawio-compressed', reason: /^page 1 "Prod": the compressed diagram is corrupt/ }],
    ['bad URI encoding inside the deflate stream', () => page(packed('%E0%A4%A')), {}, { ruleId: 'drawio-compressed', reason: /not URI-encoded XML/ }],
    ['invalid XML inside a compressed page', () => page(packed(encodeURIComponent('<mxGraphModel><root></mxGraphModel>'))), {},
      { ruleId: 'drawio-xml', reason: /^page 1 "Prod": invalid XML \(line 1, column \d+ of the decompressed diagram\)/ }],
    ['a truncated file', () => `<mxfile>\n<diagram name="T">\n<mxGraphModel><root><mxCell id="0"/>\n<mxCell id="1" parent="0"`, {},
      { ruleId: 'drawio-xml', line: 4, column: 26, reason: /ends before <mxfile>, <diagram>, <mxGraphModel>, <root>, <mxCell> are closed/ }],
    ['mismatched tags', () => `<mxfile>\n  <diagram name="x">\n    <mxGraphModel><root></mxGraphModel>\n</diagram></mxfile>`, {},
      { ruleId: 'drawio-xml', line: 3, column: 25, reason: /invalid XML: Expected closing tag 'root'/ }],
    ['an mxfile without pages', () => '<mxfile host="x"></mxfile>', {}, { ruleId: 'drawio-not-diagram', reason: /no <diagram> pages/ }],
    ['a compressed page that holds no mxGraphModel', () => page(packed(encodeURIComponent('<svg/>'))), {}, { ruleId: 'drawio-not-diagram', reason: /^page 1 "Prod": no <mxGraphModel>/ }],
    ['an invalid --max-inflate-mb', () => page(model([lambda])), { maxInflateMb: -3 }, { ruleId: 'drawio-option', reason: /--max-inflate-mb expects a number of megabytes above 0/ }],
  ];

  it.each(cases)('%s', async (_name, make, options, expected) => {
    const started = performance.now();
    const r = await run(make(), options);
    expect(r.ok).toBe(false);
    const [first, ...rest] = errors(r);
    expect(rest).toEqual([]);
    expect(first!.ruleId).toBe(expected.ruleId);
    expect(first!.reason).toMatch(expected.reason);
    if (expected.line !== undefined) expect([first!.line, first!.column]).toEqual([expected.line, expected.column]);
    if (expected.ruleId !== 'drawio-option') expect(r.diagnostics[0]!.file).toBe('test.drawio');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('treats __proto__/constructor attributes and ids as plain data', async () => {
    const xml = model([
      `<UserObject label="%__proto__%/%constructor%" __proto__="p" constructor="c" toString="t" placeholders="1" id="__proto__">` +
      `<mxCell style="${icon('lambda')}__proto__=1;" vertex="1" parent="1"><mxGeometry width="60" height="60" as="geometry"/></mxCell></UserObject>`,
      vertex('constructor', icon('s3'), 200, 0, 60, 60),
      edge('hasOwnProperty', '__proto__', 'constructor'),
    ]);
    const r = await run(xml);
    expect(r.ok).toBe(true);
    expect(r.graph!.resources.map((x) => [x.address, x.name])).toEqual([['Page-1/__proto__', 'p/c'], ['Page-1/constructor', '']]);
    expect(r.graph!.edges).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'p')).toBe(false);
  });

  it('cuts parent cycles and absurd nesting with warnings, in bounded time', async () => {
    const cycle = model([vertex('a', icon('s3'), 0, 0, 60, 60, { parent: 'b' }), vertex('b', icon('sqs'), 100, 0, 60, 60, { parent: 'a' })]);
    const r1 = await run(cycle);
    expect(r1.ok).toBe(true);
    expect(r1.diagnostics.find((d) => d.ruleId === 'drawio-parent-cycle')).toMatchObject({ severity: 'warning', line: 1 });
    const cells = [];
    for (let i = 2; i < 3000; i++) cells.push(vertex(`n${i}`, 'rounded=0;', 1, 1, 50, 50, { parent: i === 2 ? '1' : `n${i - 1}`, value: `n${i}` }));
    const started = performance.now();
    const r2 = await run(model(cells));
    expect(r2.ok).toBe(true);
    expect(r2.diagnostics.map((d) => d.ruleId)).toContain('drawio-nesting-depth');
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('keeps absurd coordinates finite', async () => {
    const r = await run(model([
      `<mxCell id="x" style="${icon('lambda')}" vertex="1" parent="1"><mxGeometry x="1e308" y="NaN" width="1e300" height="-5" as="geometry"/></mxCell>`,
      `<mxCell id="y" style="${icon('s3')}" vertex="1" parent="1"><mxGeometry x="-Infinity" y="12" width="50" height="50" as="geometry"/></mxCell>`,
    ]));
    expect(r.ok).toBe(true);
    for (const n of r.blueprint!.data.nodes) expect((n['mapPos'] as number[]).every(Number.isFinite)).toBe(true);
  });

  it('an empty page converts to an empty blueprint with a warning', async () => {
    const r = await run(mxfile([{ name: 'Blank', cells: [] }]));
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['drawio-empty-page']);
  });
});
