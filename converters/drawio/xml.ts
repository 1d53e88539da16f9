/**
 * fast-xml-parser, configured for draw.io (see dependencies.md §3): attribute prefix kept (so a
 * `__proto__` attribute is just `@___proto__`), values left as strings (ids "1" ≠ 1), numeric
 * character references decoded (draw.io writes newlines as `&#xa;`), no external or DOCTYPE
 * entities (DOCTYPE is rejected before parsing), nesting capped, document order preserved.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** draw.io needs about 9 levels (mxfile › diagram › mxGraphModel › root › UserObject › mxCell › mxGeometry › Array › mxPoint). */
export const MAX_XML_DEPTH = 64;

/** One element in preserveOrder form: `{ tag: children, ':@': { '@_attr': value } }`, or `{ '#text': … }`. */
export type XmlNode = Record<string, unknown>;

let parser: XMLParser | undefined;

function xmlParser(): XMLParser {
  parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    htmlEntities: true,
    // appliesTo is missing from the .d.ts; without it the built-in entities count towards the limits.
    processEntities: { enabled: true, maxEntityCount: 10, maxEntitySize: 1000, appliesTo: 'external' } as never,
    maxNestedTags: MAX_XML_DEPTH,
    preserveOrder: true,
  });
  return parser;
}

export class XmlError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = 'XmlError';
  }
}

/** Rejects what draw.io never writes and an XML bomb needs: DOCTYPE and ENTITY declarations. */
export function hasDoctype(text: string): boolean {
  return /<!\s*(DOCTYPE|ENTITY)\b/i.test(text);
}

/** Well-formedness check with a line and column, then the parse. */
export function parseXml(text: string): XmlNode[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // The validator reports unclosed elements as "Invalid '[\"a\",\"b\"]' found." at 1:1.
    const open = /^Invalid '\[([\s\S]*)\]' found\.?$/.exec(valid.err.msg);
    if (open) {
      const names = open[1]!.split(',').map((n) => `<${n.trim().replace(/^"|"$/g, '')}>`).join(', ');
      const lines = text.split('\n');
      throw new XmlError(`the text ends before ${names} ${names.includes(',') ? 'are' : 'is'} closed (truncated file?)`, lines.length, lines[lines.length - 1]!.length + 1);
    }
    throw new XmlError(valid.err.msg, valid.err.line, valid.err.col);
  }
  try {
    return xmlParser().parse(text) as XmlNode[];
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new XmlError(/nested tags/i.test(msg) ? `elements are nested deeper than ${MAX_XML_DEPTH} levels` : msg);
  }
}

export function tagOf(node: XmlNode): string | undefined {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return undefined;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const c = tag === undefined ? undefined : node[tag];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, unknown> | undefined;
  const v = a?.[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** Every attribute of an element, prefix removed, in a Map (arbitrary names stay inert). */
export function attrMap(node: XmlNode): Map<string, string> {
  const out = new Map<string, string>();
  const a = node[':@'] as Record<string, unknown> | undefined;
  if (a) for (const [k, v] of Object.entries(a)) if (typeof v === 'string') out.set(k.slice(2), v);
  return out;
}

export function textOf(node: XmlNode): string {
  let s = '';
  for (const c of childrenOf(node)) if (typeof c['#text'] === 'string') s += c['#text'];
  return s;
}

export function firstChild(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}
