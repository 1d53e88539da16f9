/** The diff blueprint: union of both sides, styled by change, with a legend and stable positions. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Blueprint, BlueprintObject } from '../../src/blueprint.js';
import { serializeBlueprint } from '../../src/blueprint.js';
import { convert } from '../../src/convert.js';
import { DIFF_COLOURS, diff, diffPlan } from '../../src/diff/index.js';
import type { DiffResult } from '../../src/diff/types.js';
import { validateBlueprint } from '../../src/validate/index.js';
import { change, fixture } from './helpers.js';

const all = (b: Blueprint): BlueprintObject[] => [...b.data.nodes, ...b.data.groups];
const byId = (b: Blueprint, id: string) => all(b).find((o) => o.id === id);
const labelOf = (b: Blueprint, id: string) => b.data.text.find((t) => t['attachedTo'] === id);
const colourOf = (o: BlueprintObject | undefined) => (o?.['color'] as { isometric?: string } | undefined)?.isometric;

describe('diff blueprint of two templates', () => {
  let r: DiffResult;
  let bp: Blueprint;
  beforeAll(async () => {
    r = await diff(fixture('cfn/before.yaml'), fixture('cfn/after.yaml'));
    bp = r.blueprint!;
  });

  it('is a valid blueprint holding the union of both sides', () => {
    expect(validateBlueprint(bp).ok).toBe(true);
    for (const name of ['Sessions', 'SubnetC', 'App', 'Jobs']) expect(byId(bp, change(r, name).id), name).toBeDefined();
    expect(all(bp).filter((o) => o.type === 'vpc')).toHaveLength(1);
    expect(byId(bp, change(r, 'Sessions').id)?.type).toBe('dynamodb');
    expect(byId(bp, change(r, 'SubnetC').id)?.type).toBe('subnet');
  });

  it('colours each change: added green, removed red, modified amber, replaced purple; unchanged untouched', () => {
    expect(colourOf(byId(bp, change(r, 'SubnetC').id))).toBe(DIFF_COLOURS.added);
    expect(colourOf(byId(bp, change(r, 'Sessions').id))).toBe(DIFF_COLOURS.removed);
    expect(colourOf(byId(bp, change(r, 'App').id))).toBe(DIFF_COLOURS.modified);
    expect(colourOf(byId(bp, change(r, 'Jobs').id))).toBe(DIFF_COLOURS.replaced);
    const vpc = all(bp).find((o) => o.type === 'vpc')!;
    expect(vpc['color']).toBeUndefined();
    expect(colourOf(labelOf(bp, change(r, 'Jobs').id))).toBe(DIFF_COLOURS.replaced);
  });

  it('labels say what changed: marks, changed property names, replacement', () => {
    expect(labelOf(bp, change(r, 'SubnetC').id)?.['text'] ?? byId(bp, change(r, 'SubnetC').id)?.['name']).toBe('+ SubnetC');
    expect(labelOf(bp, change(r, 'Sessions').id)?.['text']).toBe('− Sessions');
    expect(labelOf(bp, change(r, 'Assets').id)?.['text']).toBe('~ Assets (Tags)');
    expect(labelOf(bp, change(r, 'Mover').id)?.['text']).toBe('± Mover (replace: SubnetId, subnet)');
  });

  it('removed connections are red and dashed, added ones green', () => {
    const removed = r.edges.find((e) => e.kind === 'removed')!;
    const added = r.edges.find((e) => e.kind === 'added')!;
    const edge = (id: string) => bp.data.edges.find((e) => e.id === id)!;
    expect(edge(removed.id)).toMatchObject({ dashed: true, color: { isometric: DIFF_COLOURS.removed } });
    expect(edge(added.id)).toMatchObject({ dashed: false, color: { isometric: DIFF_COLOURS.added } });
    expect(bp.data.edges).toHaveLength(2);
  });

  it('has a legend with the counts, beside the drawing', () => {
    const legend = bp.data.text.filter((t) => t['attachedTo'] === undefined).map((t) => t['text']);
    expect(legend).toEqual([
      'Changes', '+ added: 1', '− removed (dashed connections): 1', '~ modified (changed properties listed): 3',
      '± replaced (deleted and created again): 3', 'unchanged: 3',
    ]);
    const maxX = Math.max(...bp.data.nodes.map((n) => (n['mapPos'] as number[])[0]!));
    for (const t of bp.data.text.filter((x) => x['attachedTo'] === undefined)) expect((t['mapPos'] as number[])[0]).toBeGreaterThan(maxX);
  });

  it('--no-legend leaves it out', async () => {
    const plain = await diff(fixture('cfn/before.yaml'), fixture('cfn/after.yaml'), { legend: false });
    expect(plain.blueprint!.data.text.filter((t) => t['attachedTo'] === undefined)).toEqual([]);
  });

  it('is byte-identical across runs', async () => {
    const again = await diff(fixture('cfn/before.yaml'), fixture('cfn/after.yaml'));
    expect(serializeBlueprint(again.blueprint)).toBe(serializeBlueprint(bp));
  });
});

describe('stable positions', () => {
  it('resources that persist keep the positions of the before blueprint', async () => {
    const before = await convert(fixture('cfn/before.yaml'));
    const r = await diff(fixture('cfn/before.yaml'), fixture('cfn/after.yaml'));
    // Modified, replaced, removed: every before component stays where it was, except the one
    // that moved to another subnet, which is placed afresh inside it.
    const mover = change(r, 'Mover').id;
    const stay = before.blueprint!.data.nodes.filter((n) => n.id !== mover);
    expect(stay.length).toBe(6);
    for (const n of stay) expect(byId(r.blueprint!, n.id)?.['mapPos'], n.id).toEqual(n['mapPos']);
    const subnet = (name: string) => r.blueprint!.data.groups.find((g) => g['name'] === name)!;
    expect(subnet('SubnetB')['nodes']).toContain(mover);
    expect(subnet('SubnetA')['nodes']).not.toContain(mover);
  });

  it('a blueprint before side keeps its own positions, even ones a user moved by hand', async () => {
    const before = await convert(fixture('cfn/before.yaml'));
    const moved = structuredClone(before.blueprint!);
    const app = moved.data.nodes.find((n) => n.type === 'ec2')!;
    app['mapPos'] = [40, 30];
    const r = await diff({ object: moved, name: 'edited.json' }, fixture('cfn/after.yaml'));
    expect(byId(r.blueprint!, app.id)?.['mapPos']).toEqual([40, 30]);
  });

  it('a plan diff keeps the prior state\'s positions', async () => {
    const before = await convert(fixture('tf/every-action.plan.json'), { planView: 'before' });
    const r = await diffPlan(fixture('tf/every-action.plan.json'));
    const instances = before.blueprint!.data.nodes.filter((n) => n.type === 'ec2');
    expect(instances).toHaveLength(3);
    const moved = r.changes.filter((c) => c.properties.some((p) => p.scope === 'placement')).map((c) => c.name);
    expect(moved).toEqual(['batch']);
    for (const n of instances) if (n.id !== change(r, 'batch').id) expect(byId(r.blueprint!, n.id)?.['mapPos']).toEqual(n['mapPos']);
  });
});
