/** Reading blueprints: positions, auto-sized containers (bbox of members + padding), diagnostics. */
import { describe, expect, it } from 'vitest';
import { readModel } from '../../src/render/model.js';
import { blueprint, exportedBlueprint, node } from './helpers.js';

const read = (doc: unknown) => readModel(doc, { projection: 'isometric', file: 'bp.json' });

describe('render model', () => {
  it('sizes auto containers as bbox(members, recursively) + padding, default 1.5', () => {
    const m = read(exportedBlueprint());
    expect(m.diagnostics).toEqual([]);
    expect(m.boxes.get('subnet-a')).toEqual({ x: 0.5, y: 4.5, w: 7, h: 4 });
    expect(m.boxes.get('subnet-b')).toEqual({ x: 2.5, y: 9, w: 3, h: 3 }); // its own padding: 1
    // The VPC wraps the load balancer and both subnet boxes (not just their nodes).
    expect(m.boxes.get('vpc-1')).toEqual({ x: -1, y: 0.5, w: 10, h: 13 });
    expect(m.groups.find((g) => g.id === 'vpc-1')!.auto).toBe(true);
  });

  it('uses mapPos + mapSize, area points, and block sizes given as numbers or numeric strings', () => {
    const m = read(exportedBlueprint());
    expect(m.boxes.get('asg-1')).toEqual({ x: 11, y: 2, w: 3, h: 3 });
    const area = m.groups.find((g) => g.id === 'area-1')!;
    expect(area.box).toEqual({ x: 10, y: 7, w: 6, h: 4 });
    expect(area.polygon).toEqual([[10, 7], [16, 7], [16, 11], [10, 11]]);
    expect(area.auto).toBe(false);
    expect(m.nodes.find((n) => n.id === 'blk-1')).toMatchObject({ box: { x: 12, y: 8, w: 3, h: 2 }, height: 0.5 });
    expect(m.nodes.find((n) => n.id === 'i-1')!.box).toEqual({ x: 2, y: 6, w: 1, h: 1 });
  });

  it("reads the blueprint's own colours, only as well-formed hex", () => {
    const m = read(blueprint({ nodes: [
      node('a', 0, 0, 'ec2', { color: { isometric: '#2E8B57', '2d': '#3cb371' } }),
      node('b', 3, 0, 'ec2', { color: { isometric: 'red" onload="alert(1)', '2d': null } }),
      node('c', 6, 0, 'ec2', { color: '#abc' }),
    ] }));
    expect(m.nodes.map((n) => n.colour)).toEqual(['#2e8b57', undefined, '#aabbcc']);
    expect(readModel(blueprint({ nodes: [node('a', 0, 0, 'ec2', { color: { isometric: '#111111', '2d': '#222222' } })] }), { projection: '2d' }).nodes[0]!.colour).toBe('#222222');
  });

  it('accepts a bare data object, and names a region container after its region', () => {
    const bp = blueprint({ nodes: [node('a', 0, 0)], groups: [{ type: 'region', id: 'r', arn: 'arn:aws::eu-west-1::', nodes: ['a'] }] });
    const m = read(bp.data);
    expect(m.nodes).toHaveLength(1);
    expect(m.groups[0]).toMatchObject({ name: 'eu-west-1', box: { x: -1.5, y: -1.5, w: 4, h: 4 } });
  });

  it('reads label direction, size, anchor and footprint', () => {
    const m = read(exportedBlueprint());
    const [down, right, standing] = m.texts;
    expect(down).toMatchObject({ axis: 'x', size: 12, standing: false, outline: true });
    expect(right).toMatchObject({ axis: 'y', size: 16, colour: '#444444' });
    expect(right!.footprint.y + right!.footprint.h).toBe(12); // runs towards -y from its position
    expect(standing).toMatchObject({ standing: true, outline: false, size: 24 });
    const ours = read(blueprint({ nodes: [node('a', 0, 0)], text: [{ type: 'isotext', id: 'l', mapPos: [0, 1.25], text: 'web', attachedTo: 'a' }] }));
    expect(ours.texts[0]!.anchor).toBe('a');
    expect(read(blueprint({ text: [{ type: 'isotext', id: 'l', mapPos: [0, 0], text: 'no size' }] })).texts[0]!.size).toBe(25); // Cloudcraft's default
  });

  it('resolves positions relative to another object (Cloudcraft labels that follow a component), through chains', () => {
    const m = read(exportedBlueprint());
    expect(m.texts[3]).toMatchObject({ x: 5, y: 7.25, anchor: 'i-2' });
    const chain = read(blueprint({
      nodes: [node('a', 2, 3)],
      text: [
        { type: 'isotext', id: 'l1', mapPos: { relTo: 'a', offset: [0, 1] }, text: 'one' },
        { type: 'isotext', id: 'l2', mapPos: { relTo: 'l1', offset: [1, 0.5] }, text: 'two' },
        { type: 'isotext', id: 'loop1', mapPos: { relTo: 'loop2', offset: [0, 0] }, text: 'x' },
        { type: 'isotext', id: 'loop2', mapPos: { relTo: 'loop1', offset: [0, 0] }, text: 'y' },
        { type: 'isotext', id: 'lost', mapPos: { relTo: 'nobody', offset: [0, 0] }, text: 'z' },
      ],
    }));
    expect(chain.texts.map((t) => [t.id, t.x, t.y])).toEqual([['l1', 2, 4], ['l2', 3, 4.5]]);
    expect(chain.diagnostics.map((d) => `${d.ruleId} ${d.pointer}`)).toEqual([
      'render-no-position /data/text/2', 'render-no-position /data/text/3', 'render-no-position /data/text/4']);
  });

  it('survives membership cycles and unknown members', () => {
    const m = read(blueprint({ nodes: [node('a', 0, 0)], groups: [
      { type: 'vpc', id: 'v', nodes: ['s', 'ghost'] },
      { type: 'subnet', id: 's', nodes: ['a', 'v'] },
    ] }));
    expect(m.boxes.get('s')).toEqual({ x: -1.5, y: -1.5, w: 4, h: 4 });
    expect(m.boxes.get('v')).toEqual({ x: -3, y: -3, w: 7, h: 7 });
    expect(m.diagnostics.map((d) => d.ruleId)).toEqual(['render-group-cycle']);
  });

  const problems: [string, unknown, string, string | undefined][] = [
    ['not a blueprint', { hello: 'world' }, 'render-not-blueprint', undefined],
    ['not even an object', [1, 2], 'render-not-blueprint', undefined],
    ['array that is not an array', blueprint({}, { nodes: {} }), 'render-bad-array', '/data/nodes'],
    ['object without id', blueprint({ nodes: [{ type: 'ec2', mapPos: [0, 0] } as never] }), 'render-bad-object', '/data/nodes/0'],
    ['duplicate id', blueprint({ nodes: [node('a', 0, 0), node('a', 3, 0)] }), 'render-duplicate-id', '/data/nodes/1'],
    ['no mapPos', blueprint({ nodes: [node('a', 0, 0), { type: 'ec2', id: 'b' }] }), 'render-no-position', '/data/nodes/1'],
    ['NaN-like mapPos', blueprint({ nodes: [{ type: 'ec2', id: 'b', mapPos: ['1', 2] }] }), 'render-no-position', '/data/nodes/0'],
    ['absurd mapPos', blueprint({ nodes: [{ type: 'ec2', id: 'b', mapPos: [1e300, 2] }] }), 'render-no-position', '/data/nodes/0'],
    ['text without text', blueprint({ text: [{ type: 'isotext', id: 't', mapPos: [0, 0] }] }), 'render-no-position', '/data/text/0'],
    ['empty auto group', blueprint({ groups: [{ type: 'vpc', id: 'v', nodes: [] }] }), 'render-empty-group', '/data/groups/0'],
    ['edge to nowhere', blueprint({ nodes: [node('a', 0, 0)], edges: [{ type: 'edge', id: 'e', from: 'a', to: 'zz' }] }), 'render-edge-end', '/data/edges/0'],
    ['edge without ends', blueprint({ edges: [{ type: 'edge', id: 'e', from: 3 }] }), 'render-bad-edge', '/data/edges/0'],
    ['connectors', blueprint({ connectors: [{ type: 'connector', id: 'c' }] }), 'render-unsupported', '/data/connectors'],
  ];
  it.each(problems)('%s → %s', (_name, doc, ruleId, pointer) => {
    const d = read(doc).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId, source: 'render', file: 'bp.json' });
    expect(d[0]!.pointer).toBe(pointer);
    expect(d[0]!.severity).toBe(ruleId === 'render-not-blueprint' ? 'error' : ruleId === 'render-unsupported' ? 'info' : 'warning');
  });
});
