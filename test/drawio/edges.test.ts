/** Connectors → edges: ends, floating ends, junctions, direction, style, labels. */
import { describe, expect, it } from 'vitest';
import type { ConvertResult } from '../../src/convert.js';
import { byCell, edge, group, icon, model, run, vertex } from './build-xml.js';

const a = vertex('a', icon('lambda'), 0, 0, 60, 60, { value: 'A' });
const b = vertex('b', icon('sqs'), 300, 0, 60, 60, { value: 'B' });
const c = vertex('c', icon('s3'), 600, 0, 60, 60, { value: 'C' });

/** Edges as [from name, to name, kind, label, style] for easy comparison. */
function edges(r: ConvertResult): [string, string, string, string, Record<string, unknown>][] {
  const name = (id: string) => r.graph!.resources.find((x) => x.id === id)?.name ?? id;
  return r.graph!.edges.map((e) => [name(e.from), name(e.to), e.kind, e.label ?? '', e.style ?? {}]);
}

describe('edges', () => {
  it('takes direction from arrowheads, kind from whether there is one', async () => {
    const r = await run(model([a, b, c,
      edge('e1', 'a', 'b'), // default: arrow at the target
      edge('e2', 'b', 'c', 'startArrow=classic;endArrow=none;'), // arrow at the source: reversed
      edge('e3', 'a', 'c', 'startArrow=block;endArrow=block;'),
      edge('e4', 'c', 'a', 'endArrow=none;'),
    ]));
    expect(edges(r)).toEqual([
      ['A', 'B', 'dataflow', '', { dashed: false }],
      ['C', 'B', 'dataflow', '', { dashed: false }],
      ['A', 'C', 'dataflow', '', { dashed: false, bidirectional: true }],
      ['C', 'A', 'network', '', { dashed: false }],
    ]);
    expect(r.blueprint!.data.edges[2]).toMatchObject({ startCap: 'arrow', endCap: 'arrow' });
  });

  it('carries dashes, colours (not default black) and labels, including edge-label cells', async () => {
    const r = await run(model([a, b, c,
      edge('e1', 'a', 'b', 'dashed=1;strokeColor=#ff9900;', { value: '<b>poll</b>' }),
      edge('e2', 'b', 'c', 'strokeColor=#000000;html=1;'),
      vertex('lbl', 'edgeLabel;html=1;', 0.3, 0, 0, 0, { parent: 'e2', value: 'archive', geometry: ' relative="1"' }),
    ]));
    expect(edges(r)).toEqual([
      ['A', 'B', 'dataflow', '<b>poll</b>', { dashed: true, color: '#FF9900' }],
      ['B', 'C', 'dataflow', 'archive', { dashed: false }],
    ]);
  });

  it('finds ends through wrapper ids, text labels and groups', async () => {
    const r = await run(model([
      vertex('vpc', group('group_vpc2'), 0, 200, 400, 300, { value: 'VPC' }),
      `<UserObject label="API" id="wrapped"><mxCell style="${icon('api_gateway')}" vertex="1" parent="1"><mxGeometry x="600" y="200" width="60" height="60" as="geometry"/></mxCell></UserObject>`,
      vertex('fn', icon('lambda'), 600, 400, 60, 60),
      vertex('fnName', 'text;html=1;', 590, 462, 80, 20, { value: 'worker' }),
      edge('e1', 'wrapped', 'vpc'),
      edge('e2', 'fnName', 'wrapped'),
    ]));
    expect(edges(r).map((e) => e.slice(0, 2))).toEqual([['API', 'VPC'], ['worker', 'API']]);
  });

  it('snaps floating ends to the nearest shape or box border, and drops the rest with a positioned warning', async () => {
    const point = (as: string, x: number, y: number) => `<mxPoint x="${x}" y="${y}" as="${as}"/>`;
    const r = await run(model([a, b,
      vertex('vpc', group('group_vpc2'), 0, 300, 400, 300, { value: 'VPC' }),
      edge('f1', undefined, undefined, '', { points: point('sourcePoint', 65, 30) + point('targetPoint', 290, 30) }),
      edge('f2', 'b', undefined, '', { points: point('targetPoint', 200, 310) }), // near the VPC's top border
      edge('f3', 'a', undefined, '', { points: point('targetPoint', 2000, 2000) }),
      edge('f4', undefined, 'a', '', { points: point('sourcePoint', 200, 450) }), // deep inside the VPC, near nothing
    ]));
    expect(edges(r).map((e) => e.slice(0, 2))).toEqual([['A', 'B'], ['B', 'VPC']]);
    const dropped = r.diagnostics.filter((d) => d.ruleId === 'drawio-floating-edge');
    expect(dropped.map((d) => [d.severity, d.line, d.reason])).toEqual([
      ['warning', 1, expect.stringMatching(/^page "Page-1": connector "f3" has no target, and its target point \(2000, 2000\) is not within 30 px/)],
      ['warning', 1, expect.stringMatching(/^page "Page-1": connector "f4" has no source/)],
    ]);
  });

  it('joins lines routed through junction dots', async () => {
    const dot = (id: string, x: number) => vertex(id, 'ellipse;fillColor=#000000;', x, 100, 8, 8);
    const r = await run(model([a, b, c, dot('d1', 100), dot('d2', 200),
      edge('j1', 'a', 'd1', 'endArrow=none;'), edge('j2', 'd1', 'd2', 'endArrow=none;'), edge('j3', 'd2', 'b'), edge('j4', 'd2', 'c', 'dashed=1;'),
    ]));
    expect(edges(r).map((e) => [e[0], e[1], e[4]['dashed']])).toEqual([['A', 'B', false], ['A', 'C', true]]);
    expect(r.graph!.resources.map((x) => x.name)).toEqual(['A', 'B', 'C']);
  });

  it('drops self-loops, duplicates and connectors to things that are not drawn (with a note)', async () => {
    const r = await run(model([a, b,
      vertex('note', 'text;html=1;', 800, 800, 60, 20, { value: 'far away note' }),
      edge('e1', 'a', 'a'), edge('e2', 'a', 'b'), edge('e3', 'a', 'b'), edge('e4', 'a', 'note'), edge('e5', 'a', 'e2'),
    ]));
    expect(edges(r).map((e) => e.slice(0, 2))).toEqual([['A', 'B']]);
    expect(r.diagnostics.filter((d) => d.ruleId === 'drawio-edge-unresolved').map((d) => d.severity)).toEqual(['info', 'info']);
    expect(byCell(r.graph, 'a').name).toBe('A');
  });
});
