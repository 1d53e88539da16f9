/**
 * --layout-from: components whose id persists keep their previous position exactly, including
 * ones a user moved by hand; only new things are placed, without overlaps or group violations.
 */
import { describe, expect, it } from 'vitest';
import type { Blueprint, BlueprintObject } from '../../src/blueprint.js';
import { convert } from '../../src/convert.js';
import { emitBlueprint } from '../../src/emit/emit.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import type { Graph } from '../../src/graph/types.js';
import { layout } from '../../src/layout/index.js';
import { measureLayout } from '../../src/layout/quality.js';
import { previousGeometry } from '../../src/layout/stable.js';
import type { Scene } from '../../src/layout/types.js';
import { addOneResource, generateTopology } from './generate.js';

const clone = (b: Blueprint): Blueprint => JSON.parse(JSON.stringify(b)) as Blueprint;

function expectClean(scene: Scene, graph: Graph): void {
  const q = measureLayout(scene, graph.edges);
  expect(q.overlaps).toEqual([]);
  expect(q.groupViolations).toEqual({ membersOutside: [], intruders: [], crossingGroups: [], unnested: [] });
}

function expectKept(scene: Scene, previous: Blueprint): void {
  const prev = previousGeometry(previous).pos;
  let kept = 0;
  for (const n of scene.nodes) {
    const p = prev.get(n.id);
    if (!p) continue;
    kept++;
    expect({ id: n.id, x: n.box.x, y: n.box.y }).toEqual({ id: n.id, x: p.x, y: p.y });
  }
  expect(kept).toBeGreaterThan(0);
}

describe('--layout-from', () => {
  const base = generateTopology({ nodes: 200, seed: 11 });
  const previous = emitBlueprint(base, layout(base, {}));

  it('keeps every persisting component and places one new one cleanly', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { graph, added } = addOneResource(base, seed);
      const scene = layout(graph, { previous });
      expectKept(scene, previous);
      expect(scene.nodes.some((n) => n.id === added)).toBe(true);
      expectClean(scene, graph);
    }
  });

  it('keeps positions a user changed by hand, and the labels they moved', () => {
    const edited = clone(previous);
    const nodes = edited.data.nodes;
    // Move two components into empty floor far from everything, and one label.
    nodes[0]!['mapPos'] = [-40, -40];
    nodes[1]!['mapPos'] = [-40, -30];
    const label = edited.data.text.find((t) => t['attachedTo'] === nodes[2]!.id)!;
    label['mapPos'] = [-60, -60];
    const { graph } = addOneResource(base, 7);
    const scene = layout(graph, { previous: edited });
    expectKept(scene, edited);
    expect(scene.labels.find((l) => l.id === label.id)).toMatchObject({ x: -60, y: -60 });
    expect(measureLayout(scene, graph.edges).overlaps).toEqual([]);
  });

  it('places a whole new VPC as one block beside the kept drawing', () => {
    const b = new GraphBuilder('grown');
    for (const r of base.resources) b.add(r);
    for (const e of base.edges) b.edge(e.from, e.to, e.kind);
    const vpc = b.add({ address: 'new/vpc', provider: 'aws', sourceType: 't', ccType: 'vpc', name: 'new-vpc', region: 'us-east-1' });
    const sub = b.add({ address: 'new/sub', provider: 'aws', sourceType: 't', ccType: 'subnet', name: 'new-sub', region: 'us-east-1', tier: 'private', in: { vpc: vpc.id, zone: 'us-east-1a' } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(b.add({ address: `new/ec2-${i}`, provider: 'aws', sourceType: 't', ccType: 'ec2', name: `new-ec2-${i}`, region: 'us-east-1', in: { subnets: [sub.id] } }).id);
    b.edge(ids[0]!, ids[1]!, 'network');
    const graph = b.build();
    const scene = layout(graph, { previous });
    expectKept(scene, previous);
    expectClean(scene, graph);
    // The block kept its shape: the new instances keep their relative offsets from the fresh layout.
    const fresh = layout(graph, {});
    const at = (s: Scene, id: string) => s.nodes.find((n) => n.id === id)!.box;
    const d = (s: Scene) => [at(s, ids[1]!).x - at(s, ids[0]!).x, at(s, ids[1]!).y - at(s, ids[0]!).y];
    expect(d(scene)).toEqual(d(fresh));
  });

  it('survives many additions at once', () => {
    let graph = base;
    for (let s = 20; s < 35; s++) graph = addOneResource(graph, s).graph;
    const scene = layout(graph, { previous });
    expectKept(scene, previous);
    expectClean(scene, graph);
  });

  it('resolves relative positions ({ relTo, offset }) in the previous blueprint', () => {
    const edited = clone(previous);
    const [a, b] = [edited.data.nodes[0]!, edited.data.nodes[1]!] as [BlueprintObject, BlueprintObject];
    const at = a['mapPos'] as number[];
    b['mapPos'] = { relTo: a.id, offset: [0, -50] };
    expect(previousGeometry(edited).pos.get(b.id)).toEqual({ x: at[0], y: at[1]! - 50 });
  });

  it('lays out from scratch when nothing persists', () => {
    const other = new GraphBuilder('other');
    for (let i = 0; i < 5; i++) other.add({ address: `other/${i}`, provider: 'aws', sourceType: 't', ccType: 's3', name: `b${i}` });
    const unrelated = emitBlueprint(other.build(), layout(other.build(), {}));
    const g = generateTopology({ nodes: 30, seed: 13 });
    expect(layout(g, { previous: unrelated })).toEqual(layout(g, {}));
  });

  it('is wired through the pipeline (what --layout-from passes in)', async () => {
    const file = new URL('../../samples/cloudformation/three-tier-vpc.yaml', import.meta.url).pathname;
    const first = await convert(file, {});
    expect(first.ok).toBe(true);
    const edited = clone(first.blueprint!);
    const moved = edited.data.nodes[0]!;
    moved['mapPos'] = [-30, -30];
    const second = await convert(file, { layout: { previous: edited } });
    expect(second.ok).toBe(true);
    expect(second.blueprint!.data.nodes.find((n) => n.id === moved.id)!['mapPos']).toEqual([-30, -30]);
  });
});
