/** Layering, crossing reduction, clustering and the small helpers the layout is built from. */
import { describe, expect, it } from 'vitest';
import { ladder } from '../../src/layout/block.js';
import { clusterItems } from '../../src/layout/clusters.js';
import { assignLayers, type OrderProblem } from '../../src/layout/order.js';
import { slack } from '../../src/layout/items.js';
import { inversions, orderLayers } from '../../src/layout/sweep.js';
import { groupPath } from '../../src/layout/tree.js';
import { rowKey } from '../../src/layout/vpc.js';

function problem(n: number, edges: [number, number][], floor: number[] = Array(n).fill(0), extra: Partial<OrderProblem> = {}): OrderProblem {
  return {
    n, floor, rank: Array.from({ length: n }, (_, i) => i), cross: Array(n).fill(1),
    from: edges.map((e) => e[0]), to: edges.map((e) => e[1]), weight: edges.map(() => 1), ...extra,
  };
}

describe('layering', () => {
  it('takes the longest path from the sources', () => {
    expect([...assignLayers(problem(4, [[0, 1], [1, 2], [0, 2], [2, 3]]))]).toEqual([0, 1, 2, 3]);
  });

  it('never puts an item below its role floor, and drops empty layers', () => {
    // 0 entry, 1 compute, 2 data; no edges.
    expect([...assignLayers(problem(3, [], [0, 2, 4]))]).toEqual([0, 1, 2]);
  });

  it('turns edges that run against the roles round instead of pushing compute past data', () => {
    // bucket (data, 4) notifies a function (compute, 2) that writes a table (data, 4).
    const layers = assignLayers(problem(3, [[0, 1], [1, 2]], [4, 2, 4]));
    expect(layers[1]).toBeLessThan(layers[0]!);
    expect(layers[1]).toBeLessThan(layers[2]!);
  });

  it('breaks cycles and keeps all other edges pointing forward', () => {
    const layers = assignLayers(problem(3, [[0, 1], [1, 2], [2, 0]]));
    const forward = [[0, 1], [1, 2], [2, 0]].filter(([a, b]) => layers[a!]! < layers[b!]!).length;
    expect(forward).toBe(2);
  });

  it('keeps pinned items on their floor whatever points at them', () => {
    const layers = assignLayers(problem(3, [[0, 1], [1, 2]], [0, 0, 0], { pinned: [0, 0, 1] }));
    expect(layers[2]).toBe(0);
  });

  it('moves an item whose outside neighbours lie ahead to the end of its container', () => {
    const plain = assignLayers(problem(4, [[0, 1], [1, 2]]));
    const pulled = assignLayers(problem(4, [[0, 1], [1, 2]], [0, 0, 0, 0], { pull: [0, 0, 0, 1] }));
    expect(plain[3]).toBe(0);
    expect(pulled[3]).toBe(2);
  });
});

describe('crossing reduction', () => {
  it('untangles a layer pair that starts fully crossed', () => {
    // Layer 0: 0,1,2; layer 1: 3,4,5 with rank order making every edge cross.
    const p = problem(6, [[0, 5], [1, 4], [2, 3]], [0, 0, 0, 2, 2, 2]);
    const layers = assignLayers(p);
    const order = orderLayers(p, layers, [1, 1]);
    const pos = new Map(order.flatMap((l) => l.map((v, i) => [v, i] as const)));
    const pairs: [number, number, number][] = [[0, 5], [1, 4], [2, 3]].map(([a, b]) => [pos.get(a!)!, pos.get(b!)!, 1]);
    expect(inversions(pairs)).toBe(0);
  });

  it('counts weighted inversions', () => {
    expect(inversions([[0, 1, 1], [1, 0, 1]])).toBe(1);
    expect(inversions([[0, 1, 2], [1, 0, 3]])).toBe(6);
    expect(inversions([[0, 0, 1], [1, 1, 1], [2, 2, 1]])).toBe(0);
  });
});

describe('clusters', () => {
  it('puts each service with the container it talks to most, through other services too', () => {
    // 0 and 1 are VPCs; 2 talks to 0 twice and 1 once; 3 only talks to 2; 4 talks to nobody.
    const containers = new Set([0, 1]);
    const groups = clusterItems(5, (i) => containers.has(i), { from: [2, 2, 3], to: [0, 1, 2], weight: [2, 1, 1] })!;
    expect(groups).toEqual([[0, 2, 3], [1], [4]]);
  });

  it('does nothing with fewer than two containers', () => {
    expect(clusterItems(3, (i) => i === 0, { from: [1], to: [0], weight: [1] })).toBeUndefined();
  });
});

describe('helpers', () => {
  it('matches subnets across zones by name without the zone marker', () => {
    expect(rowKey('PublicSubnet1', 'us-east-1a')).toBe(rowKey('PublicSubnet2', 'us-east-1b'));
    expect(rowKey('private-app-us-east-1a', 'us-east-1a')).toBe(rowKey('private-app-us-east-1b', 'us-east-1b'));
    expect(rowKey('PrivateSubnetA', undefined)).toBe(rowKey('PrivateSubnetB', undefined));
    expect(rowKey('private-data-a', undefined)).toBe('private-data');
    expect(rowKey('app', undefined)).not.toBe(rowKey('data', undefined));
  });

  it('splits module paths outside brackets and stack paths on slashes', () => {
    expect(groupPath('module.a["x.module.y"].module.b', 'module')).toEqual(['module.a["x.module.y"]', 'module.a["x.module.y"].module.b']);
    expect(groupPath('module.a', 'module')).toEqual(['module.a']);
    expect(groupPath('root/child/leaf', 'stack')).toEqual(['root', 'root/child', 'root/child/leaf']);
  });

  it('rounds sizes up on coarse ladders', () => {
    for (let v = 0; v < 300; v += 0.75) {
      expect(slack(v)).toBeGreaterThanOrEqual(v);
      expect(slack(v)).toBeLessThanOrEqual(Math.max(v * 1.26, v + 2));
      expect(ladder(v)).toBeGreaterThanOrEqual(v);
    }
  });
});
