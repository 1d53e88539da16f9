/**
 * draw.io style strings (`shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.lambda;html=1;`)
 * and the stencil identity they describe. Style keys are read into a Map, never into a plain
 * object, so a hostile key such as `__proto__` stays an ordinary string.
 */

export interface Style {
  /** `key=value` pairs; the last one wins, as in draw.io. */
  readonly values: ReadonlyMap<string, string>;
  /** Bare tokens without `=` (`text`, `ellipse`, `group`, `swimlane`, `edgeLabel`, …). */
  readonly names: readonly string[];
}

export function parseStyle(style: string): Style {
  const values = new Map<string, string>();
  const names: string[] = [];
  for (const part of style.split(';')) {
    const token = part.trim();
    if (!token) continue;
    const eq = token.indexOf('=');
    if (eq < 0) names.push(token);
    else values.set(token.slice(0, eq).trim(), token.slice(eq + 1).trim());
  }
  return { values, names };
}

export function styleFlag(style: Style, key: string): boolean {
  const v = style.values.get(key);
  return v === '1' || v === 'true';
}

/** A `#rrggbb` / `#rgb` colour, or undefined for `none`, `default` and anything else. */
export function styleColor(style: Style, key: string): string | undefined {
  const v = style.values.get(key);
  if (!v) return undefined;
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  // draw.io's dark-mode aware form: light-dark(#001DBC,#0000FF) → the light colour.
  const m = /^light-dark\(\s*(#[0-9a-f]{6})/i.exec(v);
  return m ? m[1]!.toUpperCase() : undefined;
}

export type StencilFamily = 'aws4' | 'aws3' | 'aws3d' | 'aws' | 'azure' | 'azure2' | 'mscae' | 'stencil' | 'image' | 'basic';

/** What a vertex draws: the family and the name the mapping table is keyed by. */
export interface StencilId {
  family: StencilFamily;
  /** Table key (`aws4:lambda`, `azure2:virtual_machine`); undefined for basic shapes and unknown images. */
  key: string | undefined;
  /** Human-readable source type for reports: `mxgraph.aws4.lambda`, an image path, `rectangle`. */
  sourceType: string;
  /** Short readable name of the stencil (`lambda function`), used when a shape has no label. */
  display: string;
}

const FAMILY_PREFIX: readonly [string, StencilFamily][] = [
  ['mxgraph.aws4.', 'aws4'], ['mxgraph.aws3d.', 'aws3d'], ['mxgraph.aws3.', 'aws3'], ['mxgraph.aws.', 'aws'], ['mxgraph.azure.', 'azure'],
];

/** The icon keys that point at another stencil (`resIcon=`, `prIcon=`, `grIcon=`). */
const ICON_KEYS = ['resIcon', 'prIcon', 'grIcon'] as const;

function humanize(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ').trim().toLowerCase();
}

/** Basic draw.io geometry (no stencil): what generic shapes and labels are drawn with. */
const BASIC_NAMES = new Set(['rectangle', 'rounded', 'ellipse', 'rhombus', 'triangle', 'hexagon', 'cylinder', 'cylinder3', 'cloud',
  'parallelogram', 'trapezoid', 'swimlane', 'label', 'process', 'doubleEllipse', 'step', 'card', 'note', 'document', 'actor',
  'umlActor', 'line', 'waypoint', 'callout', 'tape', 'datastore', 'mxgraph.basic.rect', 'mxgraph.flowchart.process']);

export function stencilOf(style: Style): StencilId {
  const shape = style.values.get('shape') ?? '';
  for (const [prefix, family] of FAMILY_PREFIX) {
    if (!shape.startsWith(prefix)) continue;
    let name = shape.slice(prefix.length);
    // resourceIcon / productIcon / group / groupCenter carry the real stencil in an icon key.
    for (const k of ICON_KEYS) {
      const icon = style.values.get(k);
      if (icon?.startsWith(prefix)) {
        name = icon.slice(prefix.length);
        return { family, key: `${family}:${name}`, sourceType: icon, display: humanize(name) };
      }
    }
    return { family, key: `${family}:${name}`, sourceType: shape, display: humanize(name) };
  }
  const image = style.values.get('image');
  if (image !== undefined && (shape === 'image' || style.names.includes('image') || shape === 'label')) return imageStencil(image);
  if (shape.startsWith('stencil(')) return { family: 'stencil', key: undefined, sourceType: 'stencil(…)', display: 'shape' };
  if (shape && !BASIC_NAMES.has(shape)) {
    // Another vendor's stencil (mxgraph.gcp2.*, mxgraph.cisco19.*): unknown to the table.
    const tail = shape.split('.').pop() ?? shape;
    return { family: 'stencil', key: undefined, sourceType: shape, display: humanize(tail) };
  }
  const basic = shape || style.names.find((n) => BASIC_NAMES.has(n)) || (styleFlag(style, 'rounded') ? 'rounded rectangle' : 'rectangle');
  return { family: 'basic', key: undefined, sourceType: basic, display: humanize(basic) };
}

/** `img/lib/azure2/compute/Virtual_Machine.svg` → azure2:virtual_machine; data URIs stay anonymous. */
function imageStencil(image: string): StencilId {
  if (image.startsWith('data:')) return { family: 'image', key: undefined, sourceType: 'image (embedded)', display: 'image' };
  const m = /img\/lib\/(azure2|mscae)\/(?:.*\/)?([^/]+?)\.(?:svg|png)$/i.exec(image);
  if (m) {
    const family = m[1]!.toLowerCase() as 'azure2' | 'mscae';
    const file = m[2]!.toLowerCase();
    return { family, key: `${family}:${file}`, sourceType: image, display: humanize(file) };
  }
  const file = image.split(/[/?#]/).filter(Boolean).pop()?.replace(/\.[a-z0-9]+$/i, '') ?? 'image';
  return { family: 'image', key: undefined, sourceType: image.length > 120 ? `${image.slice(0, 117)}…` : image, display: humanize(file) };
}

/** Label text cells (`text;html=1;…`) and edge labels carry words, not things. */
export function isTextStyle(style: Style): boolean {
  return style.names.includes('text') || style.values.get('shape') === 'text' || style.names.includes('edgeLabel');
}

/** draw.io's invisible grouping (`style="group"`): moves children together, draws nothing. */
export function isInvisibleGroup(style: Style): boolean {
  return style.names.includes('group') && !style.values.has('shape');
}

/** Rotation in degrees, normalised to [0, 360). */
export function rotationOf(style: Style): number {
  const r = Number.parseFloat(style.values.get('rotation') ?? '0');
  if (!Number.isFinite(r)) return 0;
  return ((r % 360) + 360) % 360;
}
