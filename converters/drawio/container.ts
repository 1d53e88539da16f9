/**
 * Where the diagram XML lives in each kind of draw.io file, found by content, never by file
 * extension: an `<mxfile>` (`.drawio`, `.xml`, `.io`), a bare `<mxGraphModel>`, an SVG export with
 * the mxfile in its `content` attribute (`.drawio.svg`), or a PNG export with it in a text chunk.
 */
import type { InputSource } from '../../src/input.js';
import { decodeEntities } from './label.js';
import { diagramFromPng, isPng } from './png.js';

export type ContainerKind = 'mxfile' | 'model' | 'svg' | 'png';

const HEAD = 4096;

/** Skips a BOM, the XML declaration, comments, processing instructions and DOCTYPE to the root tag. */
export function rootTagStart(text: string): number {
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (let guard = 0; guard < 64; guard++) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) i = skipTo(text, i, '?>');
    else if (text.startsWith('<!--', i)) i = skipTo(text, i, '-->');
    else if (text.startsWith('<!', i)) i = skipTo(text, i, '>');
    else return i;
    if (i < 0) return -1;
  }
  return -1;
}

function skipTo(text: string, from: number, end: string): number {
  const j = text.indexOf(end, from);
  return j < 0 ? -1 : j + end.length;
}

function rootName(text: string): string | undefined {
  const at = rootTagStart(text.length > HEAD * 4 ? text.slice(0, HEAD * 4) : text);
  if (at < 0 || text[at] !== '<') return undefined;
  return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 64))?.[1];
}

/** Attributes of the first `<svg …>` start tag, read with quotes honoured (values may hold `>`). */
function svgStartTagAttrs(text: string): Map<string, string> | undefined {
  const start = text.search(/<svg[\s>]/);
  if (start < 0) return undefined;
  const attrs = new Map<string, string>();
  const re = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
  re.lastIndex = start + 4;
  for (;;) {
    const m = re.exec(text);
    if (!m) return attrs; // malformed tag: whatever was read so far
    if (m[5]) return attrs;
    attrs.set(m[1]!, m[3] ?? m[4] ?? '');
  }
}

/** How sure we are that this input is a draw.io diagram (0..1), from its first bytes. */
export function sniffContainer(input: InputSource): { kind: ContainerKind; confidence: number } | undefined {
  if (isPng(input.bytes)) {
    return pngHasDiagram(input.bytes!) ? { kind: 'png', confidence: 0.9 } : undefined;
  }
  if (input.kind === 'directory' || input.kind === 'object') return undefined;
  const text = input.text();
  const root = rootName(text);
  if (root === 'mxfile') return { kind: 'mxfile', confidence: 0.95 };
  if (root === 'mxGraphModel') return { kind: 'model', confidence: 0.9 };
  if (root === 'svg') {
    const content = svgStartTagAttrs(text.slice(0, 1 << 20))?.get('content');
    if (content && /(&lt;|<|%3C)(mxfile|mxGraphModel)\b/.test(content.slice(0, 512))) return { kind: 'svg', confidence: 0.9 };
  }
  return undefined;
}

function pngHasDiagram(bytes: Uint8Array): boolean {
  // Cheap: look for the keyword bytes in text chunks without inflating anything.
  const hay = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const type of ['tEXt', 'zTXt', 'iTXt']) {
    let at = hay.indexOf(type);
    while (at >= 0) {
      const kw = hay.subarray(at + 4, at + 20).toString('latin1');
      if (kw.startsWith('mxfile\0') || kw.startsWith('mxGraphModel\0')) return true;
      at = hay.indexOf(type, at + 4);
    }
  }
  return false;
}

/** A near miss worth explaining (an SVG or PNG without the diagram, a shape library). */
export function rejectionReason(input: InputSource): string | undefined {
  if (isPng(input.bytes)) {
    return pngHasDiagram(input.bytes!) ? undefined
      : 'a PNG without an embedded draw.io diagram: export it from draw.io with "Include a copy of my diagram" ticked';
  }
  if (input.kind === 'directory' || input.kind === 'object') return undefined;
  const root = rootName(input.text());
  if (root === 'svg' && /\bdrawio|diagrams\.net|mxgraph/i.test(input.text().slice(0, 8192))) {
    return 'an SVG drawn by draw.io but without the diagram in it: export with "Include a copy of my diagram" ticked';
  }
  if (root === 'mxlibrary') return 'a draw.io shape library (<mxlibrary>), not a diagram';
  return undefined;
}

export class ContainerError extends Error {
  constructor(message: string, readonly ruleId: string) {
    super(message);
  }
}

/** The mxfile / mxGraphModel XML text held by the input, and whether its positions are the file's own. */
export function extractDiagramXml(input: InputSource, maxBytes: number): { xml: string; kind: ContainerKind; positional: boolean } {
  if (isPng(input.bytes)) {
    let xml: string | undefined;
    try {
      xml = diagramFromPng(input.bytes!, maxBytes);
    } catch (err) {
      throw new ContainerError((err as Error).message, 'drawio-png');
    }
    if (xml === undefined) throw new ContainerError('the PNG has no embedded draw.io diagram', 'drawio-png');
    return { xml, kind: 'png', positional: false };
  }
  const text = input.text();
  const root = rootName(text);
  if (root === 'svg') {
    const content = svgStartTagAttrs(text)?.get('content');
    if (!content) throw new ContainerError('the SVG has no embedded draw.io diagram (no content attribute)', 'drawio-svg');
    return { xml: decodeEntities(content), kind: 'svg', positional: false };
  }
  return { xml: text, kind: root === 'mxGraphModel' ? 'model' : 'mxfile', positional: true };
}
