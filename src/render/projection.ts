/**
 * Grid → screen. Cloudcraft's isometric view is a 2:1 dimetric projection: one grid cell is a
 * diamond 96 px wide and 48 px tall, x runs down-right and y runs down-left. The 2D view is
 * plain top-down, 48 px to a cell. Text sizes (`textSize`) are in text units, 48 to a grid cell
 * (so a 12-unit character is about 0.14 cell wide, the estimate the layout reserves room by), and
 * are mapped onto the ground, onto a standing wall or onto the screen by an affine matrix.
 */
import type { Box } from '../layout/types.js';
import { num } from './svg-writer.js';

export type Projection = 'isometric' | '2d';
export type Pt = [number, number];
/** The linear part (a b c d) of an SVG `matrix(a b c d e f)`. */
export type Linear = readonly [number, number, number, number];

/** Which way a text runs: along the grid's x axis, its y axis, or flat on the screen. */
export type TextAxis = 'x' | 'y' | 'screen';

export const TEXT_UNITS_PER_GRID = 48;

export interface Projector {
  readonly kind: Projection;
  /** Screen position of a grid point on the ground. */
  ground(x: number, y: number): Pt;
  /** Screen pixels one grid unit of height rises (0 in 2D, where nothing is extruded). */
  readonly lift: number;
  /** Text units → screen for a label lying on the ground (or standing up) along an axis. */
  text(axis: TextAxis, standing: boolean): Linear;
  /** Text units → screen for the short name lying on top of a block. */
  readonly topText: Linear;
  /** Painter's order: larger is nearer the viewer and drawn later. */
  depth(box: Box): number;
}

const HALF_W = 48;
const HALF_H = 24;

export const isometric: Projector = {
  kind: 'isometric',
  ground: (x, y) => [(x - y) * HALF_W, (x + y) * HALF_H],
  lift: 2 * HALF_H,
  text(axis, standing) {
    if (axis === 'screen') return [1, 0, 0, 1];
    // One text unit (1/48 cell) along +x is (1, ½) on screen; along -y it is (1, -½). Glyphs lie on the ground
    // (their "down" is the other ground axis) or stand up (their "down" is the screen's down).
    const along: Pt = axis === 'x' ? [1, 0.5] : [1, -0.5];
    const down: Pt = standing ? [0, 1] : axis === 'x' ? [-1, 0.5] : [1, 0.5];
    return [along[0], along[1], down[0], down[1]];
  },
  // Text lying flat along the top face's horizontal diagonal: screen-horizontal, half height.
  topText: [1, 0, 0, 0.55],
  depth: (b) => b.x + b.w / 2 + b.y + b.h / 2,
};

const CELL_2D = 48;
const TEXT_SCALE_2D = CELL_2D / TEXT_UNITS_PER_GRID;

export const topDown: Projector = {
  kind: '2d',
  ground: (x, y) => [x * CELL_2D, y * CELL_2D],
  lift: 0,
  // The 2D view keeps every text horizontal, as Cloudcraft's own 2D view does.
  text: () => [TEXT_SCALE_2D, 0, 0, TEXT_SCALE_2D],
  topText: [TEXT_SCALE_2D, 0, 0, TEXT_SCALE_2D],
  depth: (b) => b.y + b.h / 2 + (b.x + b.w / 2) / 1e6,
};

export function projector(kind: Projection): Projector {
  return kind === '2d' ? topDown : isometric;
}

/** Screen corners of a ground box: back, right, front, left (top, right, bottom, left in 2D terms). */
export function groundCorners(p: Projector, b: Box): [Pt, Pt, Pt, Pt] {
  return [p.ground(b.x, b.y), p.ground(b.x + b.w, b.y), p.ground(b.x + b.w, b.y + b.h), p.ground(b.x, b.y + b.h)];
}

export function matrix(l: Linear, at: Pt): string {
  return `matrix(${l.map(num).join(' ')} ${num(at[0])} ${num(at[1])})`;
}
