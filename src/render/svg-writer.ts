/**
 * The few primitives every SVG and HTML string is built from: number formatting (two decimals,
 * so output is byte-stable across platforms) and escaping. Everything that comes from a
 * blueprint passes through `escapeText`/`escapeAttr`; nothing else builds markup from input.
 */

/** Two decimals, no `-0`, no trailing zeros: `12`, `-3.5`, `0.25`. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** A list of points as `x,y x,y …` for polygon/polyline `points`. */
export function points(list: readonly (readonly [number, number])[]): string {
  let s = '';
  for (let i = 0; i < list.length; i++) s += `${i ? ' ' : ''}${num(list[i]![0])},${num(list[i]![1])}`;
  return s;
}

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates,
 * U+FFFE/U+FFFF). One of them in a label would make the whole SVG file unreadable, so each
 * becomes U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Anything escapeText would change; most ids and labels have none, and skip the work. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Text content: safe inside an element in both XML (SVG files) and HTML. */
export function escapeText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/** Attribute values are always written double-quoted, so the same escaping holds. */
export const escapeAttr = escapeText;

/**
 * JSON inside `<script type="application/json">`: `<`, `>` and `&` become \u escapes so no
 * string in it can close the script element or open a comment, and U+2028/2029 are escaped for
 * older parsers (JSON.stringify already escapes controls and lone surrogates). JSON.parse reads
 * it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
