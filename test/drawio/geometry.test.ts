/** Absolute geometry, containers and membership (parentage and geometric containment). */
import { describe, expect, it } from 'vitest';
import type { Graph, Resource } from '../../src/graph/types.js';
import { aws4, byCell, group, icon, model, run, vertex } from './build-xml.js';

const SAMPLES = new URL('../../samples/drawio/', import.meta.url);

/** Containment with ids replaced by the cell ids they point at, for comparing two conversions. */
function containment(g: Graph): Record<string, unknown> {
  const cellOf = new Map(g.resources.map((r) => [r.id, r.meta!['drawioId'] as string]));
  const swap = (v: unknown): unknown => (Array.isArray(v) ? v.map(swap) : typeof v === 'string' ? cellOf.get(v) ?? v : v);
  return Object.fromEntries(g.resources.map((r: Resource) => [r.meta!['drawioId'], {
    type: r.ccType, region: r.region, tier: r.tier, in: Object.fromEntries(Object.entries(r.in).map(([k, v]) => [k, swap(v)])),
  }]));
}

describe('geometry', () => {
  it('accumulates nested relative geometry into absolute hints', async () => {
    const r = await run(model([
      vertex('outer', group('group_vpc2'), 100, 50, 500, 400, { value: 'VPC' }),
      vertex('inner', group('group_security_group'), 20, 30, 300, 200, { parent: 'outer', value: 'Private subnet' }),
      vertex('fn', icon('lambda'), 10, 40, 60, 60, { parent: 'inner' }),
      vertex('port', aws4('elastic_network_interface'), 0.5, 1, 20, 20, { parent: 'fn', geometry: ' relative="1"' }),
    ]));
    expect(byCell(r.graph, 'fn').hint).toEqual({ x: 130, y: 120, w: 60, h: 60 });
    expect(byCell(r.graph, 'inner').hint).toEqual({ x: 120, y: 80, w: 300, h: 200 });
    expect(byCell(r.graph, 'port').hint).toEqual({ x: 160, y: 180, w: 20, h: 20 }); // fractions of the parent's size
  });

  it('uses the bounds of rotated shapes', async () => {
    const r = await run(model([vertex('k', 'rounded=0;rotation=90;', 100, 100, 120, 40, { value: 'Kinesis' })]));
    expect(byCell(r.graph, 'k').hint).toEqual({ x: 140, y: 60, w: 40, h: 120 });
  });

  it('finds the same containers whether shapes are parented or only drawn inside', async () => {
    const parented = await run(await (await import('node:fs/promises')).readFile(new URL('web-app.drawio', SAMPLES), 'utf8'));
    const drawn = await run(await (await import('node:fs/promises')).readFile(new URL('web-app-unparented.drawio', SAMPLES), 'utf8'));
    expect(containment(drawn.graph!)).toEqual(containment(parented.graph!));
    const c = containment(parented.graph!);
    expect(c['web1']).toMatchObject({ type: 'ec2', region: 'us-east-1', in: { vpc: 'vpc', subnets: ['priva'], asg: 'asg', zone: 'us-east-1a', parent: 'asg' } });
    expect(c['puba']).toMatchObject({ type: 'subnet', tier: 'public', in: { vpc: 'vpc', zone: 'us-east-1a', parent: 'aza' } });
    expect(c['privb']).toMatchObject({ tier: 'private' });
    expect(c['igw']).toMatchObject({ type: 'internetgateway', in: { vpc: 'vpc' } }); // drawn on the VPC's border
    expect(c['s3']).toMatchObject({ type: 's3', region: 'us-east-1', in: { parent: 'region' } });
    expect(c['users']).toMatchObject({ type: 'icon', in: {} });
  });

  it('uses parentage when a shape is drawn outside every box', async () => {
    const r = await run(model([
      vertex('vpc', group('group_vpc'), 0, 0, 200, 200, { value: 'VPC' }),
      vertex('fn', icon('lambda'), 400, 400, 60, 60, { parent: 'vpc' }),
    ]));
    expect(byCell(r.graph, 'fn').in.vpc).toBe(byCell(r.graph, 'vpc').id);
  });

  it('reads zone and region codes and subnet tiers from labels and colours', async () => {
    const r = await run(model([
      vertex('reg', group('group_region'), 0, 0, 800, 600, { value: 'Frankfurt eu-central-1' }),
      vertex('az', group('group_availability_zone'), 20, 40, 400, 500, { value: 'AZ b' }),
      vertex('az2', 'fillColor=none;strokeColor=#147EBA;dashed=1;verticalAlign=top;', 440, 40, 300, 500, { value: 'eu-central-1c' }),
      vertex('sn', group('group_security_group', 'strokeColor=#7AA116;fillColor=#F2F6E8;'), 40, 80, 300, 200, { value: 'web' }),
      vertex('sg', 'fillColor=none;strokeColor=#DD3522;verticalAlign=top;', 460, 80, 200, 200, { value: '' }),
      vertex('fn', icon('lambda'), 100, 150, 60, 60),
      vertex('fn2', icon('lambda'), 500, 150, 60, 60),
    ]));
    expect(byCell(r.graph, 'sn')).toMatchObject({ ccType: 'subnet', tier: 'public', region: 'eu-central-1' });
    expect(byCell(r.graph, 'az2')).toMatchObject({ ccType: 'zone' });
    expect(byCell(r.graph, 'sg')).toMatchObject({ ccType: 'sg' });
    expect(byCell(r.graph, 'fn').in).toMatchObject({ subnets: [byCell(r.graph, 'sn').id], zone: 'AZ b' });
    expect(byCell(r.graph, 'fn2').in).toMatchObject({ securityGroups: [byCell(r.graph, 'sg').id], zone: 'eu-central-1c' });
  });

  it('turns the legacy VPC icon on a rectangle’s corner into that VPC', async () => {
    const r = await run(model([
      vertex('box', 'rounded=1;fillColor=none;', 100, 100, 400, 300),
      vertex('mark', 'shape=mxgraph.aws3.virtual_private_cloud;', 110, 80, 80, 50, { value: 'Staging VPC' }),
      vertex('ec2', 'shape=mxgraph.aws3.ec2;', 250, 250, 50, 60),
    ]));
    expect(byCell(r.graph, 'box')).toMatchObject({ ccType: 'vpc', name: 'Staging VPC', sourceType: 'mxgraph.aws3.virtual_private_cloud' });
    expect(r.graph!.resources.some((x) => x.meta!['drawioId'] === 'mark')).toBe(false);
    expect(byCell(r.graph, 'ec2').in.vpc).toBe(byCell(r.graph, 'box').id);
  });

  it('makes boxes Cloudcraft cannot nest into areas and reports components it cannot hold', async () => {
    const r = await run(model([
      vertex('vpc', group('group_vpc2'), 0, 0, 600, 400, { value: 'VPC' }),
      vertex('reg', group('group_region'), 20, 40, 300, 300, { value: 'us-west-2' }),
      vertex('fn', icon('lambda'), 60, 100, 60, 60),
      vertex('sn', group('group_security_group'), 340, 40, 240, 300, { value: 'Private subnet' }),
      vertex('bucket', icon('s3'), 400, 150, 60, 60),
    ]));
    expect(byCell(r.graph, 'reg').ccType).toBe('area');
    expect(byCell(r.graph, 'fn')).toMatchObject({ region: 'us-west-2', in: { vpc: byCell(r.graph, 'vpc').id, parent: byCell(r.graph, 'reg').id } });
    const notes = r.diagnostics.filter((d) => d.ruleId === 'drawio-nesting').map((d) => d.reason);
    expect(notes).toEqual([
      'page "Page-1": 1 box became an area, as Cloudcraft cannot nest it where drawn: region "us-west-2" in vpc "VPC"',
      'page "Page-1": 1 component placed beside the box drawn around it, as Cloudcraft cannot hold it there: s3 "" in subnet "Private subnet"',
    ]);
    const subnet = r.blueprint!.data.groups.find((g) => g.type === 'subnet')!;
    expect(subnet['nodes']).not.toContain(byCell(r.graph, 'bucket').id);
  });

  it('skips hidden layers and invisible groups but keeps what visible layers hold', async () => {
    const xml = `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="L2" parent="0" value="Extra"/>` +
      `<mxCell id="L3" parent="0" visible="0"/>${vertex('g', 'group', 10, 10, 100, 100)}${vertex('a', icon('s3'), 5, 5, 60, 60, { parent: 'g' })}` +
      `${vertex('b', icon('sqs'), 300, 10, 60, 60, { parent: 'L2' })}${vertex('c', icon('sns'), 500, 10, 60, 60, { parent: 'L3' })}</root></mxGraphModel>`;
    const r = await run(xml);
    expect(r.graph!.resources.map((x) => [x.meta!['drawioId'], x.hint?.x])).toEqual([['a', 15], ['b', 300]]);
    expect(r.diagnostics.some((d) => d.ruleId === 'drawio-hidden-layer')).toBe(true);
  });

  it('--relayout leaves hints out, so the layout engine arranges the graph', async () => {
    const xml = await (await import('node:fs/promises')).readFile(new URL('web-app.drawio', SAMPLES), 'utf8');
    const r = await run(xml, { relayout: true });
    expect(r.ok).toBe(true);
    expect(r.graph!.resources.some((x) => x.hint)).toBe(false);
    // Zones and regions become containment facts rather than drawn boxes.
    expect(r.graph!.resources.map((x) => x.ccType)).not.toContain('zone');
    expect(byCell(r.graph, 'web1')).toMatchObject({ region: 'us-east-1', in: { zone: 'us-east-1a' } });
    expect(byCell(r.graph, 'web1').in.parent).toBeUndefined();
    const again = await run(xml, { relayout: true });
    expect(JSON.stringify(again.blueprint)).toBe(JSON.stringify(r.blueprint));
  });
});
