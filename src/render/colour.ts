/**
 * Colours: reading the ones a blueprint carries (only well-formed hex ever reaches an attribute)
 * and deriving the lit and shaded faces of a block from one base colour.
 */

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#abc` or `#aabbcc` (lower-cased), or undefined for anything else (names, `null`, injections). */
export function parseHex(value: unknown): string | undefined {
  if (typeof value !== 'string' || !HEX.test(value)) return undefined;
  const v = value.toLowerCase();
  return v.length === 4 ? `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}` : v;
}

/**
 * A blueprint colour: `{ isometric, 2d }` on components and edges, a plain hex string on some
 * text objects (Cloudcraft's own samples), `null` or `"null"` for "default".
 */
export function blueprintColour(value: unknown, projection: 'isometric' | '2d'): string | undefined {
  if (typeof value === 'string') return parseHex(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    return parseHex(o[projection]) ?? parseHex(o[projection === '2d' ? 'isometric' : '2d']);
  }
  return undefined;
}

function channels(hex: string): [number, number, number] {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

function toHex(c: readonly number[]): string {
  return `#${c.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('')}`;
}

/** Mixes `hex` towards `other` by `amount` (0 = hex, 1 = other). */
export function mix(hex: string, other: string, amount: number): string {
  const a = channels(hex);
  const b = channels(other);
  return toHex(a.map((v, i) => v + (b[i]! - v) * amount));
}

export interface Faces {
  top: string;
  left: string;
  right: string;
  edge: string;
}

/** Light comes from the upper left, as in Cloudcraft: bright top, mid left face, dark right face. */
export function blockFaces(base: string): Faces {
  return { top: mix(base, '#ffffff', 0.25), left: base, right: mix(base, '#000000', 0.25), edge: mix(base, '#000000', 0.45) };
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return l > 0.4 ? '#1b1f24' : '#ffffff';
}
