/**
 * The drawn shapes of components: extruded blocks, cylinders (data stores) and flat tiles in the
 * isometric view; rounded boxes and circles in 2D. Each function returns SVG elements only; the
 * caller wraps them in a group that carries the object's id and type.
 */
import type { Box } from '../layout/types.js';
import type { Faces } from './colour.js';
import { groundCorners, type Projector, type Pt } from './projection.js';
import type { ShapeKind } from './styles.js';
import { num, points } from './svg-writer.js';

/** The part of a cell a component leaves free on each side, so neighbours read as separate. */
const INSET = 0.12;

export function insetBox(b: Box): Box {
  const ix = Math.min(INSET, b.w / 4);
  const iy = Math.min(INSET, b.h / 4);
  return { x: b.x + ix, y: b.y + iy, w: b.w - 2 * ix, h: b.h - 2 * iy };
}

const up = (p: Pt, by: number): Pt => [p[0], p[1] - by];

export interface DrawnShape {
  svg: string;
  /** Screen point at the middle of the top surface, where the short name goes. */
  top: Pt;
  /** Width available on the top surface for the short name, in screen pixels. */
  topWidth: number;
  /** Screen corners of the shape's outline (for the view box). */
  extent: Pt[];
}

export function componentShape(p: Projector, box: Box, height: number, kind: ShapeKind, faces: Faces): DrawnShape {
  const b = insetBox(box);
  if (p.kind === '2d') return kind === 'cylinder' ? circle2d(p, b, faces) : box2d(p, b, faces, kind === 'tile');
  if (kind === 'cylinder') return cylinder(p, b, height * p.lift, faces);
  return block(p, b, kind === 'tile' ? 0 : height * p.lift, faces);
}

function block(p: Projector, b: Box, lift: number, f: Faces): DrawnShape {
  const [back, right, front, left] = groundCorners(p, b);
  const [tBack, tRight, tFront, tLeft] = [up(back, lift), up(right, lift), up(front, lift), up(left, lift)];
  const stroke = `stroke="${f.edge}" stroke-width="0.6" stroke-linejoin="round"`;
  let svg = '';
  if (lift > 0) {
    svg += `<polygon points="${points([left, front, tFront, tLeft])}" fill="${f.left}" ${stroke}/>`;
    svg += `<polygon points="${points([front, right, tRight, tFront])}" fill="${f.right}" ${stroke}/>`;
  }
  svg += `<polygon points="${points([tBack, tRight, tFront, tLeft])}" fill="${f.top}" ${stroke}/>`;
  return {
    svg,
    top: [(tLeft[0] + tRight[0]) / 2, (tBack[1] + tFront[1]) / 2],
    topWidth: tRight[0] - tLeft[0],
    extent: [back, right, front, left, tBack, tRight, tLeft],
  };
}

/** An upright cylinder on the largest circle that fits the cell: 2:1 ellipses, rx = r·√2·32. */
function cylinder(p: Projector, b: Box, lift: number, f: Faces): DrawnShape {
  const r = Math.min(b.w, b.h) / 2;
  const [cx, cy] = p.ground(b.x + b.w / 2, b.y + b.h / 2);
  const [rx0] = p.ground(r, 0);
  const [ry0] = p.ground(0, 0);
  const rx = (rx0 - ry0) * Math.SQRT2;
  const ry = rx / 2;
  const top = cy - lift;
  const stroke = `stroke="${f.edge}" stroke-width="0.6"`;
  const arc = `A${num(rx)} ${num(ry)} 0 0 0`;
  const svg =
    `<path d="M${num(cx - rx)} ${num(cy)}${arc} ${num(cx)} ${num(cy + ry)}V${num(top + ry)}L${num(cx - rx)} ${num(top)}Z" fill="${f.left}" ${stroke}/>` +
    `<path d="M${num(cx)} ${num(cy + ry)}${arc} ${num(cx + rx)} ${num(cy)}V${num(top)}L${num(cx)} ${num(top + ry)}Z" fill="${f.right}" ${stroke}/>` +
    `<ellipse cx="${num(cx)}" cy="${num(top)}" rx="${num(rx)}" ry="${num(ry)}" fill="${f.top}" ${stroke}/>`;
  return {
    svg,
    top: [cx, top],
    topWidth: 2 * rx,
    extent: [[cx - rx, top - ry], [cx + rx, cy + ry]],
  };
}

function box2d(p: Projector, b: Box, f: Faces, tile: boolean): DrawnShape {
  const [x0, y0] = p.ground(b.x, b.y);
  const [x1, y1] = p.ground(b.x + b.w, b.y + b.h);
  const dash = tile ? ' stroke-dasharray="3 2"' : '';
  const svg = `<rect x="${num(x0)}" y="${num(y0)}" width="${num(x1 - x0)}" height="${num(y1 - y0)}" rx="4" fill="${tile ? 'none' : f.left}" stroke="${f.edge}" stroke-width="1"${dash}/>`;
  return { svg, top: [(x0 + x1) / 2, (y0 + y1) / 2], topWidth: x1 - x0, extent: [[x0, y0], [x1, y1]] };
}

function circle2d(p: Projector, b: Box, f: Faces): DrawnShape {
  const [x0, y0] = p.ground(b.x, b.y);
  const [x1, y1] = p.ground(b.x + b.w, b.y + b.h);
  const r = Math.min(x1 - x0, y1 - y0) / 2;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const svg = `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${f.left}" stroke="${f.edge}" stroke-width="1"/>`;
  return { svg, top: [cx, cy], topWidth: 2 * r * 0.9, extent: [[x0, y0], [x1, y1]] };
}

/** A flat outline on the ground (containers, zones, areas). */
export function groundPolygon(p: Projector, pts: readonly Pt[]): { points: string; extent: Pt[] } {
  const screen = pts.map(([x, y]) => p.ground(x, y));
  return { points: points(screen), extent: screen };
}

export function boxOutline(b: Box): Pt[] {
  return [[b.x, b.y], [b.x + b.w, b.y], [b.x + b.w, b.y + b.h], [b.x, b.y + b.h]];
}
