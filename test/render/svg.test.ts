/** The SVG document: well-formed, deterministic, complete, in depth order, escaped, themed. */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/index.js';
import { isometric } from '../../src/render/projection.js';
import { blueprint, exportedBlueprint, node } from './helpers.js';

const svgOf = (doc: unknown, options = {}) => {
  const r = renderSvg(doc, options);
  expect(r.ok).toBe(true);
  return r.output!;
};
const count = (s: string, needle: string) => s.split(needle).length - 1;
const HOSTILE = '</text><script>alert(1)</script><img src=x onerror="alert(2)"> & \u0001 \ud800 \'quoted\'';

describe('renderSvg', () => {
  it('draws every component, container, label and edge of a Cloudcraft export', () => {
    const r = renderSvg(exportedBlueprint(), { file: 'x.json' });
    expect(r.diagnostics).toEqual([]);
    expect(r.stats).toEqual({ nodes: 7, groups: 5, texts: 4, edges: 3, edgesNotDrawn: 0 });
    const svg = r.output!;
    expect(count(svg, 'class="cc-node"')).toBe(7);
    expect(count(svg, 'class="cc-group"')).toBe(5);
    expect(count(svg, 'class="cc-label"')).toBe(4);
    expect(count(svg, 'class="cc-edge"')).toBe(3);
    expect(svg).toContain('<title>EC2 instance</title>');
    expect(svg).toContain('<title>EC2 instance: web 2</title>'); // named by the label that follows it
    expect(svg).toMatch(/class="cc-group-name" data-for="vpc-1">.*>main<\/text>/);
  });

  it('is well-formed XML in both projections, even with hostile text and ids', () => {
    const doc = blueprint({
      nodes: [node('a"b<c', 0, 0), node('n2', 3, 0, 'rds')],
      groups: [{ type: 'vpc', id: 'v&1', name: HOSTILE, nodes: ['a"b<c', 'n2'] }],
      text: [{ type: 'isotext', id: 't', mapPos: [0, 1.25], text: HOSTILE }],
      edges: [{ type: 'edge', id: 'e"', from: 'a"b<c', to: 'n2' }],
    }, { name: HOSTILE });
    for (const projection of ['isometric', '2d'] as const) {
      const svg = svgOf(doc, { projection, grid: true });
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).not.toMatch(/<script|<img|onerror="/);
      expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(svg).toContain('data-id="a&quot;b&lt;c"');
      expect(svg).toContain('\ufffd'); // the control character and the lone surrogate
    }
  });

  it('is byte-identical for the same blueprint, and for a re-parsed copy of it', () => {
    const a = svgOf(exportedBlueprint(), { grid: true });
    expect(svgOf(exportedBlueprint(), { grid: true })).toBe(a);
    expect(svgOf(JSON.parse(JSON.stringify(exportedBlueprint())), { grid: true })).toBe(a);
  });

  it('paints far to near: a label in front of its block comes after it, a block behind comes first', () => {
    const svg = svgOf(blueprint({
      nodes: [node('front', 0, 3), node('back', 0, 0)],
      text: [{ type: 'isotext', id: 'label', mapPos: [0, 1.25], text: 'back label', attachedTo: 'back' }],
    }));
    const at = (id: string) => svg.indexOf(`data-id="${id}"`);
    expect(at('back')).toBeLessThan(at('label'));
    expect(at('label')).toBeLessThan(at('front'));
    // Containers and edges lie on the ground, under every block.
    const withGroup = svgOf(blueprint({ nodes: [node('a', 0, 0), node('b', 4, 0)], groups: [{ type: 'vpc', id: 'v', nodes: ['a', 'b'] }],
      edges: [{ type: 'edge', id: 'e', from: 'a', to: 'b' }] }));
    expect(withGroup.indexOf('data-id="v"')).toBeLessThan(withGroup.indexOf('data-id="e"'));
    expect(withGroup.indexOf('data-id="e"')).toBeLessThan(withGroup.indexOf('data-id="a"'));
  });

  it("uses the blueprint's colours where present and the service colour elsewhere", () => {
    const svg = svgOf(exportedBlueprint());
    const block = (id: string) => svg.slice(svg.indexOf(`data-id="${id}"`), svg.indexOf('</g>', svg.indexOf(`data-id="${id}"`)));
    expect(block('i-1')).toContain('fill="#2e8b57"'); // its own colour (isometric variant)
    expect(block('i-2')).toContain('fill="#ed7100"'); // EC2's compute orange
    expect(svgOf(exportedBlueprint(), { projection: '2d' })).toContain('fill="#3cb371"'); // the 2d variant
    const edge = svg.slice(svg.indexOf('data-id="e-3"'));
    expect(edge).toMatch(/^[^>]*><path [^>]*stroke="#d0021b"[^>]*stroke-dasharray/);
    expect(svg).toMatch(/data-id="area-1"[^>]*><title>Area<\/title><polygon [^>]*fill="#fff3c4" fill-opacity="0.85"/); // a solid floor
    const accented = svgOf(blueprint({ nodes: [node('a', 0, 0, 'ec2', { accentColor: { isometric: '#00ff00', '2d': '#00ff00' } })] }));
    expect(accented).toMatch(/fill="#00ff00">EC2<\/text>/);
  });

  it('prints a short service name on each block, refined by its fields', () => {
    const svg = svgOf(exportedBlueprint());
    expect(svg).toMatch(/data-id="lb-1"[^]*?>NLB<\/text>/);
    expect(svg).toMatch(/data-id="db-1"[^]*?>RDS<\/text>/);
    expect(svg).toMatch(/data-id="icon-1"[^]*?>user<\/text>/);
  });

  it('draws an auto-sized container exactly on bbox(members) + padding', () => {
    const svg = svgOf(blueprint({ nodes: [node('a', 2, 2), node('b', 5, 6)], groups: [{ type: 'subnet', id: 's', nodes: ['a', 'b'], padding: 1 }] }));
    // Box (1,1)–(7,8): its four ground corners, projected.
    const corners = [[1, 1], [7, 1], [7, 8], [1, 8]].map(([x, y]) => isometric.ground(x!, y!).join(',')).join(' ');
    expect(svg).toContain(`<polygon points="${corners}"`);
  });

  it('2D: top-down boxes and circles, horizontal text, no extrusion', () => {
    const svg = svgOf(exportedBlueprint(), { projection: '2d' });
    expect(svg).toContain('data-projection="2d"');
    const node = svg.slice(svg.indexOf('data-id="i-2"'), svg.indexOf('</g>', svg.indexOf('data-id="i-2"')));
    // mapPos (5, 6), 48 px to a cell, 0.12 cell free on each side.
    expect(node).toContain('<rect x="245.76" y="293.76" width="36.48" height="36.48"');
    expect(count(node, '<polygon')).toBe(0);
    expect(svg).toMatch(/data-id="db-1"[^>]*><title>[^<]*<\/title><circle /);
    expect(svg).not.toMatch(/matrix\([^)]*-0\.5/);
  });

  it("follows the blueprint's projection and theme unless told otherwise; the grid is optional", () => {
    const doc = exportedBlueprint();
    doc.data.projection = '2d';
    doc.data.theme = { base: 'dark' };
    const own = svgOf(doc);
    expect(own).toContain('data-projection="2d"');
    expect(own).toContain('data-theme="dark"');
    expect(own).toContain('fill="#161b22"');
    const told = svgOf(doc, { projection: 'isometric', theme: 'light' });
    expect(told).toContain('data-projection="isometric"');
    expect(told).toContain('fill="#f5f7fa"');
    expect(told).not.toContain('class="cc-grid"');
    expect(svgOf(doc, { grid: true })).toContain('class="cc-grid"');
  });

  it('needs nothing from outside: no external references, system fonts only', () => {
    const svg = svgOf(exportedBlueprint());
    expect(svg).not.toMatch(/href=|url\(|@import|<image/);
    expect(svg).toContain('sans-serif');
  });

  it('returns a diagnostic, not a document, for something that is not a blueprint', () => {
    const r = renderSvg({ Resources: {} }, { file: 'template.json' });
    expect(r.ok).toBe(false);
    expect(r.output).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'render-not-blueprint', file: 'template.json', severity: 'error' });
  });

  it('counts edges too short to show instead of drawing a stub', () => {
    const r = renderSvg(blueprint({ nodes: [node('a', 0, 0), node('b', 1.1, 0)], edges: [{ type: 'edge', id: 'e', from: 'a', to: 'b' }] }));
    expect(r.stats).toMatchObject({ edges: 0, edgesNotDrawn: 1 });
  });
});
