/** The layout-quality measures on small hand-made scenes with known answers. */
import { describe, expect, it } from 'vitest';
import { countSegmentCrossings, inShadow, measureLayout, movedNodes } from '../../src/layout/quality.js';
import type { Box, Scene } from '../../src/layout/types.js';
import { checkSceneGeometry } from '../helpers/quality.js';

const box = (x: number, y: number, w = 1, h = 1): Box => ({ x, y, w, h });
const seg = (a: string, b: string, x1: number, y1: number, x2: number, y2: number) => ({ a, b, x1, y1, x2, y2 });

describe('quality measures', () => {
  it('finds overlapping footprints, touching ones are fine', () => {
    const s: Scene = { nodes: [{ id: 'a', box: box(0, 0) }, { id: 'b', box: box(0.5, 0.5) }, { id: 'c', box: box(1.5, 0.5) }], groups: [], labels: [] };
    expect(measureLayout(s).overlaps).toEqual([['a', 'b']]);
  });

  it('finds every kind of group violation', () => {
    const s: Scene = {
      nodes: [{ id: 'in', box: box(1, 1), parent: 'g' }, { id: 'out', box: box(20, 20), parent: 'g' }, { id: 'stranger', box: box(3, 3) }],
      groups: [
        { id: 'g', ccType: 'subnet', name: 'g', box: box(0, 0, 6, 6), members: ['in', 'out'] },
        { id: 'h', ccType: 'subnet', name: 'h', box: box(4, 4, 6, 6), members: [] },
        { id: 'child', ccType: 'sg', name: 'c', box: box(5, 5, 4, 4), members: [], parent: 'g' },
      ],
      labels: [],
    };
    const v = measureLayout(s).groupViolations;
    expect(v.membersOutside).toEqual([['g', 'out']]);
    expect(v.intruders).toEqual([['g', 'stranger']]);
    expect(v.crossingGroups).toEqual(expect.arrayContaining([['g', 'h']]));
    expect(v.unnested).toEqual([['child', 'g']]);
    // The test helper reports the same through its older shape.
    const h = checkSceneGeometry(s);
    expect(h.membersOutside).toEqual(expect.arrayContaining([['g', 'out'], ['child', 'g']]));
    expect(h.intruders).toEqual(expect.arrayContaining([['g', 'stranger'], ['g', 'h']]));
  });

  it('nesting through visual parents is fine, and members fall back to the smallest listing group', () => {
    const s: Scene = {
      nodes: [{ id: 'n', box: box(2, 2) }],
      groups: [
        { id: 'outer', ccType: 'vpc', name: 'o', box: box(0, 0, 10, 10), members: ['inner'] },
        { id: 'inner', ccType: 'subnet', name: 'i', box: box(1, 1, 4, 4), members: ['n'] },
      ],
      labels: [],
    };
    expect(measureLayout(s).groupViolationCount).toBe(0);
  });

  it('counts edge crossings of straight lines, not at shared ends, including collinear overlaps', () => {
    expect(countSegmentCrossings([seg('a', 'b', 0, 0, 4, 4), seg('c', 'd', 0, 4, 4, 0)])).toBe(1);
    expect(countSegmentCrossings([seg('a', 'b', 0, 0, 4, 4), seg('a', 'd', 0, 0, 4, 0)])).toBe(0);
    expect(countSegmentCrossings([seg('a', 'b', 0, 0, 4, 0), seg('c', 'd', 0, 1, 4, 1)])).toBe(0);
    expect(countSegmentCrossings([seg('a', 'b', 0, 0, 4, 0), seg('c', 'd', 2, 0, 6, 0)])).toBe(1);
  });

  it('measures crossings per edge, length, area and edges against the flow on a scene', () => {
    const s: Scene = { nodes: [{ id: 'a', box: box(0, 0) }, { id: 'b', box: box(4, 4) }, { id: 'c', box: box(0, 4) }, { id: 'd', box: box(4, 0) }], groups: [], labels: [] };
    const q = measureLayout(s, [{ from: 'a', to: 'b' }, { from: 'c', to: 'd' }, { from: 'b', to: 'c' }]);
    expect(q.edges).toBe(3);
    expect(q.crossings).toBe(1);
    expect(q.crossingsPerEdge).toBeCloseTo(1 / 3);
    expect(q.totalEdgeLength).toBeCloseTo(2 * Math.hypot(4, 4) + 4);
    expect(q.backwardEdges).toBe(1);
    expect(q.boundingArea).toBe(25);
    expect(q.areaPerNode).toBe(25 / 4);
    expect(measureLayout(s, [{ from: 'b', to: 'c' }], { direction: 'down' }).backwardEdges).toBe(0);
  });

  it('knows which floor a standing component hides in isometric view', () => {
    const tall = box(5, 5);
    // Just behind it along the diagonal: hidden by height 1, not by a flat object.
    expect(inShadow(box(4.2, 4.2, 0.5, 0.3), tall, 1)).toBe(true);
    expect(inShadow(box(4.2, 4.2, 0.5, 0.3), tall, 0)).toBe(false);
    // In front of it (larger x + y): never hidden.
    expect(inShadow(box(5, 6.25, 2, 0.5), tall, 3)).toBe(false);
    // Far behind: out of reach of height 1, within reach of height 4.
    expect(inShadow(box(2.5, 2.5, 0.5, 0.5), tall, 1)).toBe(false);
    expect(inShadow(box(2.5, 2.5, 0.5, 0.5), tall, 4)).toBe(true);
  });

  it('reports hidden and overlapping labels', () => {
    const s: Scene = {
      nodes: [{ id: 'n', box: box(0, 0) }, { id: 'front', box: box(1, 2) }],
      groups: [],
      labels: [
        { id: 'l1', text: 'a-rather-long-name', x: 0, y: 1.25, anchor: 'n' },
        { id: 'l2', text: 'x', x: 1, y: 1.3, anchor: 'front' },
      ],
    };
    const iso = measureLayout(s);
    expect(iso.labelsHidden).toEqual(expect.arrayContaining([['l1', 'front']]));
    expect(iso.labelOverlaps).toEqual([['l1', 'l2']]);
    expect(measureLayout(s, [], { projection: '2d' }).labelsHidden).toEqual([]);
  });

  it('lists the nodes that moved between two layouts', () => {
    const a: Scene = { nodes: [{ id: 'a', box: box(0, 0) }, { id: 'b', box: box(2, 0) }], groups: [], labels: [] };
    const b: Scene = { nodes: [{ id: 'a', box: box(0, 0) }, { id: 'b', box: box(3, 0) }, { id: 'new', box: box(9, 9) }], groups: [], labels: [] };
    expect(movedNodes(a, b)).toEqual(['b']);
  });
});
