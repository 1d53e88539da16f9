/**
 * Text drawn in the diagram: blueprint labels (isotext), container names and the short service
 * name on top of each block. All text goes through `escapeText`; colours are checked hex.
 */
import type { RenderText } from './model.js';
import { matrix, type Linear, type Projector, type Pt } from './projection.js';
import { escapeText, num } from './svg-writer.js';
import type { Box } from '../layout/types.js';
import { LINE_HEIGHT, textFootprint, textLines, textWidth } from './text.js';

/** Distance from the top of a line to its baseline, in em. */
const ASCENT = 0.8;

export interface DrawnText {
  svg: string;
  extent: Pt[];
}

export interface TextStyle {
  fill: string;
  halo: string | undefined;
  weight?: number;
}

/** Multi-line text whose first line's top-left corner sits at `at` (or stands on it, when standing). */
export function textBlock(text: string, size: number, linear: Linear, at: Pt, style: TextStyle, standing = false): DrawnText {
  const lines = textLines(text);
  const width = Math.max(0, ...lines.map((l) => textWidth(l, size)));
  const lineStep = size * LINE_HEIGHT;
  // Standing text rises from the ground: its last line's baseline is on the ground point.
  const firstBaseline = standing ? -(lines.length - 1) * lineStep : size * ASCENT;
  const top = firstBaseline - size * ASCENT;
  const bottom = top + lines.length * lineStep;
  const halo = style.halo ? ` stroke="${style.halo}" stroke-width="${num(Math.max(2, size / 4))}" stroke-linejoin="round" paint-order="stroke"` : '';
  const weight = style.weight ? ` font-weight="${style.weight}"` : '';
  let body: string;
  if (lines.length === 1) {
    body = `<text transform="${matrix(linear, at)}" y="${num(firstBaseline)}" font-size="${num(size)}" fill="${style.fill}"${weight}${halo}>${escapeText(lines[0]!)}</text>`;
  } else {
    const spans = lines.map((l, i) => `<tspan x="0" ${i === 0 ? `y="${num(firstBaseline)}"` : `dy="${num(lineStep)}"`}>${escapeText(l)}</tspan>`).join('');
    body = `<text transform="${matrix(linear, at)}" font-size="${num(size)}" fill="${style.fill}"${weight}${halo}>${spans}</text>`;
  }
  const corner = (x: number, y: number): Pt => [at[0] + linear[0] * x + linear[2] * y, at[1] + linear[1] * x + linear[3] * y];
  return { svg: body, extent: [corner(0, top), corner(width, top), corner(0, bottom), corner(width, bottom)] };
}

/** A blueprint label (isotext) at its mapPos, lying on the ground, standing, or flat on the screen. */
export function drawLabel(p: Projector, t: RenderText, fill: string, halo: string): DrawnText {
  const at = p.ground(t.x, t.y);
  return textBlock(t.text, t.size, p.text(t.axis, t.standing), at, { fill, halo: t.outline ? halo : undefined }, t.standing);
}

const GROUP_NAME_SIZE = 12;

/**
 * A container's name (one line). Isometric: lying on the ground along its left (x-min) edge,
 * reading up from the front-left corner. That strip is free in every layout: members start
 * `padding` cells in, their labels run to the right, and the nearest blocks stand in front of
 * it only on their far side. (The back strip would be hidden by the first row of blocks, the
 * front strip is where the last row's labels go.) 2D: the usual top-left corner.
 */
export function drawGroupName(p: Projector, name: string, box: Box, fill: string, halo: string): DrawnText & { footprint: Box } {
  const text = name.replace(/\s+/g, ' ');
  const style = { fill, halo, weight: 600 };
  if (p.kind === 'isometric') {
    const x = box.x + 0.2;
    const y = box.y + box.h - 0.3;
    return { ...textBlock(text, GROUP_NAME_SIZE, p.text('y', false), p.ground(x, y), style), footprint: textFootprint(x, y, text, GROUP_NAME_SIZE, 'y') };
  }
  const x = box.x + 0.25;
  const y = box.y + 0.2;
  return { ...textBlock(text, GROUP_NAME_SIZE, p.text('x', false), p.ground(x, y), style), footprint: textFootprint(x, y, text, GROUP_NAME_SIZE, 'x') };
}

/** The short service name centred on a block's top, shrunk to fit; empty names draw nothing. */
export function drawTopName(p: Projector, short: string, centre: Pt, width: number, fill: string): string {
  if (!short) return '';
  const scale = p.topText[0];
  // A diamond narrows away from its middle, a 2D box does not.
  const room = p.kind === 'isometric' ? 0.68 : 0.85;
  const size = Math.max(4, Math.min(11, (width * room) / scale / Math.max(textWidth(short, 1), 1e-9)));
  const baseline = size * 0.35;
  return `<text transform="${matrix(p.topText, centre)}" y="${num(baseline)}" text-anchor="middle" font-size="${num(size)}" font-weight="700" fill="${fill}">${escapeText(short)}</text>`;
}
