/** Projection math, edge clipping with the "hidden behind a block" rule, text metrics. */
import { describe, expect, it } from 'vitest';
import { edgePath } from '../../src/render/edges.js';
import { groundCorners, isometric, topDown } from '../../src/render/projection.js';
import { textFootprint, textWidth } from '../../src/render/text.js';

describe('projection', () => {
  it('isometric is 2:1: a cell is a diamond twice as wide as tall, x down-right, y down-left', () => {
    const [back, right, front, left] = groundCorners(isometric, { x: 0, y: 0, w: 1, h: 1 });
    expect(back).toEqual([0, 0]);
    expect(right).toEqual([48, 24]);
    expect(front).toEqual([0, 48]);
    expect(left).toEqual([-48, 24]);
    expect((right[0] - left[0]) / (front[1] - back[1])).toBe(2);
  });

  it('2D is top-down, 48 px to a cell, with nothing extruded', () => {
    expect(topDown.ground(2, 3)).toEqual([96, 144]);
    expect(topDown.lift).toBe(0);
  });

  it('ground text along x lies on the ground: its baseline follows the x axis, its glyphs the y axis', () => {
    const [a, b, c, d] = isometric.text('x', false);
    // 48 text units = one cell along x = the screen vector of (1, 0).
    expect([a * 48, b * 48]).toEqual(isometric.ground(1, 0));
    expect([c * 48, d * 48]).toEqual(isometric.ground(0, 1));
    // Along y it reads up the screen (left to right), glyphs standing towards -x.
    const [ya, yb] = isometric.text('y', false);
    expect(ya).toBeGreaterThan(0);
    expect(yb).toBeLessThan(0);
    expect(isometric.text('x', true).slice(2)).toEqual([0, 1]);
  });

  it('painter order: nearer the viewer (larger x + y) sorts later', () => {
    const back = isometric.depth({ x: 0, y: 0, w: 1, h: 1 });
    const label = isometric.depth(textFootprint(0, 1.25, 'web-1', 12, 'x'));
    const nextRow = isometric.depth({ x: 0, y: 3, w: 1, h: 1 });
    expect(back).toBeLessThan(label);
    expect(label).toBeLessThan(nextRow);
  });
});

describe('text metrics', () => {
  it('estimates widths deterministically, wide letters wider than narrow ones', () => {
    expect(textWidth('mmm', 12)).toBeGreaterThan(textWidth('iii', 12));
    expect(textWidth('', 12)).toBe(0);
    // About 0.14 cell per character at size 12: what the layout reserves for labels.
    expect(textFootprint(0, 0, 'abcdefghij', 12, 'x').w).toBeCloseTo(1.4, 0);
  });
  it('multi-line text is taller, a y-axis label grows towards -y', () => {
    expect(textFootprint(0, 0, 'a\nb', 12, 'x').h).toBeCloseTo(2 * textFootprint(0, 0, 'a', 12, 'x').h);
    const f = textFootprint(5, 5, 'name', 12, 'y');
    expect(f.y + f.h).toBe(5);
  });
});

describe('edge geometry', () => {
  const box = (x: number, y: number) => ({ x, y, w: 1, h: 1 });

  it('runs between the facing sides, arrowhead tip at the clearance before the target', () => {
    // The target is nearer the viewer (larger x): the arrow enters through its x-min side, which
    // faces away from the viewer, so the tip stops the block's height + clearance before it.
    const p = edgePath({ box: box(0, 0), height: 0.5, cap: false }, { box: box(4, 0), height: 0.5, cap: true }, true)!;
    expect(p.start[0]).toBeCloseTo(1.02);
    expect(p.heads).toHaveLength(1);
    expect(p.heads[0]![0][0]).toBeCloseTo(4 - 0.6);
    // Coming from the front (target at smaller x) the tip stops at the clearance only.
    const q = edgePath({ box: box(4, 0), height: 0.5, cap: false }, { box: box(0, 0), height: 0.5, cap: true }, true)!;
    expect(q.heads[0]![0][0]).toBeCloseTo(1.1);
  });

  it('in 2D nothing hides anything: the clearance is the same from both sides', () => {
    const p = edgePath({ box: box(0, 0), height: 0.5, cap: false }, { box: box(4, 0), height: 0.5, cap: true }, false)!;
    expect(p.heads[0]![0][0]).toBeCloseTo(3.9);
  });

  it('the line stops under the arrowhead; both ends get heads when asked', () => {
    const p = edgePath({ box: box(0, 0), height: 0, cap: true }, { box: box(0, 5), height: 0, cap: true }, true)!;
    expect(p.heads).toHaveLength(2);
    const tip = p.heads[0]![0];
    expect(p.end[1]).toBeLessThan(tip[1]);
    expect(p.heads[1]![0][1]).toBeLessThan(p.start[1]);
  });

  it('an edge from a component to the container around it starts at its centre line', () => {
    const p = edgePath({ box: box(2, 2), height: 0.5, cap: false }, { box: { x: 0, y: 0, w: 10, h: 10 }, height: 0, cap: true }, true);
    expect(p).toBeDefined();
    expect(p!.heads[0]![0][0]).toBeGreaterThan(2); // leaves through the container's far side
  });

  it('draws nothing between boxes that share a centre or nearly touch', () => {
    expect(edgePath({ box: box(0, 0), height: 0, cap: false }, { box: box(0, 0), height: 0, cap: true }, true)).toBeUndefined();
    expect(edgePath({ box: box(0, 0), height: 0.5, cap: false }, { box: box(1.2, 0), height: 0.5, cap: true }, true)).toBeUndefined();
  });
});
