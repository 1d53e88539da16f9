/**
 * Draws a RenderModel as one SVG document. Order of painting: background, grid, containers and
 * floor surfaces (largest first, so nested ones sit on top), edges on the ground, then every
 * block and label in depth order (far to near), so a label in front of a block is never hidden
 * by it and a block in front of another covers it the way it would in Cloudcraft.
 */
import type { Box } from '../layout/types.js';
import { blockFaces, blueprintColour, inkOn, mix, type Faces } from './colour.js';
import { edgePath } from './edges.js';
import { drawGroupName, drawLabel, drawTopName } from './labels.js';
import type { RenderGroup, RenderModel, RenderNode } from './model.js';
import { union } from './model.js';
import { projector, type Projection, type Projector, type Pt } from './projection.js';
import { boxOutline, componentShape, groundPolygon } from './shapes.js';
import { CATEGORY_STYLE, FONT_FAMILY, groupStyle, SHORT_BY_FIELD, THEME_STYLE, typeStyle, type ThemeStyle } from './styles.js';
import { escapeAttr, escapeText, num, points } from './svg-writer.js';

export type Theme = 'light' | 'dark';

export interface SvgOptions {
  projection: Projection;
  theme: Theme;
  grid: boolean;
  /** For the HTML preview: `data-i` tooltip indexes instead of SVG <title> tooltips, no fixed size. */
  interactive: boolean;
  /** Display names by object id (labels attached to components). */
  names: Map<string, string>;
}

export interface RenderStats {
  nodes: number;
  groups: number;
  texts: number;
  edges: number;
  /** Edges whose ends are so close (or nested on one centre) that no line shows. */
  edgesNotDrawn: number;
}

export interface DrawnSvg {
  svg: string;
  stats: RenderStats;
  /** The view box, in screen pixels. */
  width: number;
  height: number;
}

const MARGIN = 32;

class Extent {
  x0 = Infinity; y0 = Infinity; x1 = -Infinity; y1 = -Infinity;
  add(pts: readonly Pt[]): void {
    for (const [x, y] of pts) {
      if (x < this.x0) this.x0 = x;
      if (x > this.x1) this.x1 = x;
      if (y < this.y0) this.y0 = y;
      if (y > this.y1) this.y1 = y;
    }
  }
}

interface DepthItem {
  depth: number;
  /** Labels sort after the block they stand in front of when depths tie. */
  rank: number;
  svg: string;
}

export function drawSvg(model: RenderModel, options: SvgOptions): DrawnSvg {
  const p = projector(options.projection);
  const theme = THEME_STYLE[options.theme];
  const extent = new Extent();
  const stats: RenderStats = { nodes: 0, groups: 0, texts: 0, edges: 0, edgesNotDrawn: 0 };
  const items: DepthItem[] = [];
  const tipIndex = new Map<RenderNode | RenderGroup, number>();
  model.nodes.forEach((n, i) => tipIndex.set(n, i));
  model.groups.forEach((g, i) => tipIndex.set(g, model.nodes.length + i));
  const hook = (o: RenderNode | RenderGroup, title: string): { attrs: string; title: string } => {
    const base = ` data-id="${escapeAttr(o.id)}" data-type="${escapeAttr(o.type)}"`;
    if (options.interactive) return { attrs: `${base} data-i="${tipIndex.get(o)}"`, title: '' };
    const name = options.names.get(o.id);
    return { attrs: base, title: `<title>${escapeText(name ? `${title}: ${name}` : title)}</title>` };
  };

  // Containers and surfaces, largest first.
  const groupsSvg: string[] = [];
  const flats = model.groups.filter((g) => g.visible).map((g, order) => ({ g, order, area: g.box.w * g.box.h }));
  flats.sort((a, b) => b.area - a.area || a.order - b.order);
  for (const { g } of flats) {
    const style = groupStyle(g.type);
    const stroke = g.border ?? g.colour ?? style.stroke;
    // A floor area's own colour is a solid floor; containers are tinted outlines.
    const fill = g.colour ?? stroke;
    const opacity = g.type === 'area' && g.colour ? 0.85 : style.fill;
    const outline = groundPolygon(p, g.polygon ?? boxOutline(g.box));
    extent.add(outline.extent);
    const h = hook(g, style.title);
    const dash = style.dashed ? ' stroke-dasharray="6 4"' : '';
    groupsSvg.push(`<g class="cc-group"${h.attrs}>${h.title}<polygon points="${outline.points}" fill="${fill}" fill-opacity="${opacity}" stroke="${stroke}" stroke-width="1.5"${dash}/></g>`);
    stats.groups++;
    if (g.name) {
      const ink = options.theme === 'dark' ? mix(stroke, '#ffffff', 0.35) : mix(stroke, '#000000', 0.2);
      const name = drawGroupName(p, g.name, g.box, ink, theme.halo);
      extent.add(name.extent);
      items.push({ depth: p.depth(name.footprint), rank: 1, svg: `<g class="cc-group-name" data-for="${escapeAttr(g.id)}">${name.svg}</g>` });
    }
  }

  // Thousands of blocks share a handful of colours.
  const facesOf = new Map<string, Faces>();
  for (const n of model.nodes) {
    const style = typeStyle(n.type);
    const category = CATEGORY_STYLE[style.category];
    const base = n.colour ?? category.colour;
    let faces = facesOf.get(base);
    if (!faces) facesOf.set(base, faces = blockFaces(base));
    const kind = style.shape ?? category.shape;
    const shape = componentShape(p, n.box, n.height, kind, faces);
    extent.add(shape.extent);
    const h = hook(n, style.title);
    // Cloudcraft's accentColor tints the mark on top of a component.
    const ink = blueprintColour(n.object['accentColor'], options.projection) ?? inkOn(kind === 'tile' ? theme.background : faces.top);
    const top = drawTopName(p, shortName(n), shape.top, shape.topWidth, ink);
    items.push({ depth: p.depth(n.box), rank: 0, svg: `<g class="cc-node"${h.attrs}>${h.title}${shape.svg}${top}</g>` });
    stats.nodes++;
  }

  for (const t of model.texts) {
    const label = drawLabel(p, t, t.colour ?? theme.ink, theme.halo);
    extent.add(label.extent);
    const anchor = t.anchor ? ` data-for="${escapeAttr(t.anchor)}"` : '';
    items.push({ depth: p.depth(t.footprint), rank: 1, svg: `<g class="cc-label" data-id="${escapeAttr(t.id)}"${anchor}>${label.svg}</g>` });
    stats.texts++;
  }

  const edgesSvg = drawEdges(model, p, theme, stats, extent);
  const gridSvg = options.grid ? drawGrid(model, p, theme, extent) : '';
  items.sort((a, b) => a.depth - b.depth || a.rank - b.rank);

  if (extent.x0 === Infinity) extent.add([[0, 0], [1, 1]]);
  const vx = Math.floor(extent.x0 - MARGIN);
  const vy = Math.floor(extent.y0 - MARGIN);
  const width = Math.ceil(extent.x1 + MARGIN) - vx;
  const height = Math.ceil(extent.y1 + MARGIN) - vy;
  const out: string[] = [];
  const size = options.interactive ? '' : ` width="${width}" height="${height}"`;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vx} ${vy} ${width} ${height}"${size} role="img" aria-labelledby="cc-title"` +
    ` class="cc-diagram" data-projection="${options.projection}" data-theme="${options.theme}" font-family="${escapeAttr(FONT_FAMILY)}">`);
  out.push(`<title id="cc-title">${escapeText(model.name)}</title>`);
  out.push(`<desc>Cloudcraft blueprint rendered by cloudcraft-convert: ${stats.nodes} components, ${stats.groups} containers, ${stats.edges} connections.</desc>`);
  out.push(`<rect class="cc-background" x="${vx}" y="${vy}" width="${width}" height="${height}" fill="${theme.background}"/>`);
  if (gridSvg) out.push(gridSvg);
  out.push(`<g class="cc-groups">${groupsSvg.join('')}</g>`);
  out.push(`<g class="cc-edges" fill="none" stroke-linecap="round">${edgesSvg}</g>`);
  out.push(`<g class="cc-objects">${items.map((i) => i.svg).join('')}</g>`);
  out.push('</svg>');
  return { svg: out.join('\n'), stats, width, height };
}

/** SHORT_BY_FIELD by type: `elb` → [['elbType', {application: 'ALB', …}]]. */
const SHORT_FIELDS = new Map<string, [string, Record<string, string>][]>();
for (const [key, values] of Object.entries(SHORT_BY_FIELD)) {
  const [type, field] = key.split('.') as [string, string];
  SHORT_FIELDS.set(type, [...(SHORT_FIELDS.get(type) ?? []), [field, values]]);
}

function shortName(n: RenderNode): string {
  for (const [field, values] of SHORT_FIELDS.get(n.type) ?? []) {
    const v = n.object[field];
    if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(values, v)) return values[v]!;
  }
  if (n.type === 'icon' && typeof n.object['name'] === 'string') return n.object['name'].slice(0, 12);
  return typeStyle(n.type).short;
}

function drawEdges(model: RenderModel, p: Projector, theme: ThemeStyle, stats: RenderStats, extent: Extent): string {
  const heights = new Map(model.nodes.map((n) => [n.id, n.height]));
  const out: string[] = [];
  for (const e of model.edges) {
    const path = edgePath(
      { box: model.boxes.get(e.from)!, height: heights.get(e.from) ?? 0, cap: e.startCap },
      { box: model.boxes.get(e.to)!, height: heights.get(e.to) ?? 0, cap: e.endCap },
      p.kind === 'isometric',
    );
    if (!path) {
      stats.edgesNotDrawn++;
      continue;
    }
    const colour = e.colour ?? theme.edge;
    const a = p.ground(...path.start);
    const b = p.ground(...path.end);
    extent.add([a, b]);
    const dash = e.dashed ? ` stroke-dasharray="${num(e.width * 3)} ${num(e.width * 2)}"` : '';
    let svg = `<path d="M${num(a[0])} ${num(a[1])}L${num(b[0])} ${num(b[1])}" stroke="${colour}" stroke-width="${num(e.width)}"${dash}/>`;
    for (const h of path.heads) svg += `<polygon points="${points(h.map(([x, y]) => p.ground(x, y)))}" fill="${colour}" stroke="none"/>`;
    out.push(`<g class="cc-edge" data-id="${escapeAttr(e.id)}" data-from="${escapeAttr(e.from)}" data-to="${escapeAttr(e.to)}">${svg}</g>`);
    stats.edges++;
  }
  return out.join('');
}

/** Grid lines on whole cells around everything drawn, two cells beyond it. */
function drawGrid(model: RenderModel, p: Projector, theme: ThemeStyle, extent: Extent): string {
  const all = union([...model.boxes.values()]) ?? ({ x: 0, y: 0, w: 1, h: 1 } satisfies Box);
  const x0 = Math.floor(all.x) - 2;
  const y0 = Math.floor(all.y) - 2;
  const x1 = Math.ceil(all.x + all.w) + 2;
  const y1 = Math.ceil(all.y + all.h) + 2;
  let d = '';
  const line = (a: Pt, b: Pt) => { d += `M${num(a[0])} ${num(a[1])}L${num(b[0])} ${num(b[1])}`; };
  for (let x = x0; x <= x1; x++) line(p.ground(x, y0), p.ground(x, y1));
  for (let y = y0; y <= y1; y++) line(p.ground(x0, y), p.ground(x1, y));
  extent.add([p.ground(x0, y0), p.ground(x1, y0), p.ground(x1, y1), p.ground(x0, y1)]);
  return `<path class="cc-grid" d="${d}" stroke="${theme.grid}" stroke-width="1" fill="none"/>`;
}
