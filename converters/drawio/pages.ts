/**
 * Pages of an mxfile. Each `<diagram>` holds either a plain `<mxGraphModel>` child or compressed
 * text: base64 → raw DEFLATE → URI-encoded XML. Both kinds may share one file. Decompression is
 * capped (a deflate bomb stops at the cap instead of filling memory), and every failure names the
 * page it happened on.
 */
import { inflateRawSync } from 'node:zlib';
import { ContainerError } from './container.js';
import { attr, childrenOf, hasDoctype, parseXml, tagOf, textOf, XmlError, type XmlNode } from './xml.js';

export interface DecodedPage {
  /** The page name as draw.io shows it (`Page-1` when unnamed). */
  name: string;
  id?: string;
  /** 0-based position in the file. */
  index: number;
  model: XmlNode;
  compressed: boolean;
}

export class PageError extends ContainerError {
  constructor(message: string, ruleId: string, readonly line?: number, readonly column?: number) {
    super(message, ruleId);
  }
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function pageLabel(index: number, name: string | undefined): string {
  return name ? `page ${index + 1} ${JSON.stringify(name)}` : `page ${index + 1}`;
}

/** Inflates one compressed page within the remaining budget; returns the XML and the bytes it used. */
function inflatePage(text: string, budget: number, label: string, capMb: number): { xml: string; used: number } {
  const body = text.trim();
  if (body.startsWith('<')) return { xml: body, used: 0 }; // already XML (hand-edited files)
  if (!BASE64.test(body)) throw new PageError(`${label}: the compressed diagram is not valid base64`, 'drawio-compressed');
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(Buffer.from(body, 'base64'), { maxOutputLength: Math.max(1, budget) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new PageError(`${label}: the compressed diagram inflates to more than ${capMb} MB (raise --max-inflate-mb if the file is genuine)`, 'drawio-inflate-limit');
    }
    throw new PageError(`${label}: the compressed diagram is corrupt (${(err as Error).message})`, 'drawio-compressed');
  }
  const decoded = inflated.toString('utf8');
  if (decoded.trimStart().startsWith('<')) return { xml: decoded, used: inflated.length }; // very old files skip the URI encoding
  try {
    return { xml: decodeURIComponent(decoded), used: inflated.length };
  } catch {
    throw new PageError(`${label}: the decompressed diagram is not URI-encoded XML`, 'drawio-compressed');
  }
}

function parsePageXml(xml: string, label: string): XmlNode {
  if (hasDoctype(xml)) throw new PageError(`${label}: DOCTYPE/ENTITY declarations are not allowed in a diagram`, 'drawio-doctype');
  let nodes: XmlNode[];
  try {
    nodes = parseXml(xml);
  } catch (err) {
    const e = err as XmlError;
    const where = e.line !== undefined ? ` (line ${e.line}, column ${e.column ?? 1} of the decompressed diagram)` : '';
    throw new PageError(`${label}: invalid XML${where}: ${e.message}`, 'drawio-xml');
  }
  const model = nodes.find((n) => tagOf(n) === 'mxGraphModel');
  if (!model) throw new PageError(`${label}: no <mxGraphModel> inside the diagram`, 'drawio-not-diagram');
  return model;
}

/**
 * Pages of the diagram XML (an `<mxfile>` or a bare `<mxGraphModel>`). `maxBytes` caps the
 * decompressed size of all pages together.
 */
export function decodePages(xml: string, maxBytes: number): DecodedPage[] {
  if (hasDoctype(xml)) {
    throw new PageError('DOCTYPE/ENTITY declarations are not allowed in draw.io files (they enable entity-expansion attacks)', 'drawio-doctype');
  }
  let nodes: XmlNode[];
  try {
    nodes = parseXml(xml);
  } catch (err) {
    const e = err as XmlError;
    throw new PageError(`invalid XML: ${e.message}`, 'drawio-xml', e.line, e.column);
  }
  const root = nodes.find((n) => tagOf(n) !== undefined && tagOf(n) !== '#text' && tagOf(n) !== '?xml');
  const rootTag = root ? tagOf(root) : undefined;
  if (root && rootTag === 'mxGraphModel') return [{ name: 'Page-1', index: 0, model: root, compressed: false }];
  if (!root || rootTag !== 'mxfile') {
    throw new PageError(`not a draw.io diagram: the root element is <${rootTag ?? '?'}>, expected <mxfile> or <mxGraphModel>`, 'drawio-not-diagram');
  }
  const capMb = Math.round((maxBytes / 1048576) * 100) / 100;
  let budget = maxBytes;
  const pages: DecodedPage[] = [];
  for (const d of childrenOf(root)) {
    if (tagOf(d) !== 'diagram') continue;
    const index = pages.length;
    const name = attr(d, 'name');
    const id = attr(d, 'id');
    const label = pageLabel(index, name);
    const inline = childrenOf(d).find((c) => tagOf(c) === 'mxGraphModel');
    let model: XmlNode;
    let compressed = false;
    if (inline) {
      model = inline;
    } else {
      const text = textOf(d);
      if (!text.trim()) {
        model = { mxGraphModel: [] }; // an empty page
      } else {
        compressed = true;
        if (budget <= 0) {
          throw new PageError(`${label}: the decompressed pages add up to more than ${capMb} MB (raise --max-inflate-mb if the file is genuine)`, 'drawio-inflate-limit');
        }
        const page = inflatePage(text, budget, label, capMb);
        budget -= page.used;
        model = parsePageXml(page.xml, label);
      }
    }
    const page: DecodedPage = { name: name || `Page-${index + 1}`, index, model, compressed };
    if (id !== undefined) page.id = id;
    pages.push(page);
  }
  if (pages.length === 0) throw new PageError('the <mxfile> has no <diagram> pages', 'drawio-not-diagram');
  return pages;
}
