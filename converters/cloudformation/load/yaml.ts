/**
 * YAML templates: every CloudFormation short-form tag in scalar, sequence and mapping form, read
 * into the long form (`!Ref X` → `{Ref: X}`, `!GetAtt A.B.C` → `{"Fn::GetAtt": ["A", "B.C"]}`),
 * with source offsets kept. YAML 1.2 core schema, so `2010-09-09` stays a string. When the strict
 * parse fails we retry leniently (CloudFormation accepts under-indented flow mappings).
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type ParsedNode, type ScalarTag, type CollectionTag } from 'yaml';
import type { Point } from '../../../src/diagnostics.js';
import { originalOffset, reindentFlowCollections } from './flow-indent.js';
import { Positions, setOwn } from './positions.js';

/** Intrinsic function names that have a `!Name` short form. */
export const SHORT_FORM_NAMES = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not',
  'FindInMap', 'GetAZs', 'ImportValue', 'Base64', 'Cidr', 'Transform', 'Length', 'ToJsonString', 'ForEach',
] as const;

const longName = (n: string) => (n === 'Ref' || n === 'Condition' ? n : `Fn::${n}`);

/** Identity resolvers: the tag stays on the node and our walk turns it into the long form. */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = SHORT_FORM_NAMES.flatMap((n) => [
  { tag: `!${n}`, resolve: (v: string) => v } as ScalarTag,
  { tag: `!${n}`, collection: 'seq', resolve: (v: unknown) => v } as unknown as CollectionTag,
  { tag: `!${n}`, collection: 'map', resolve: (v: unknown) => v } as unknown as CollectionTag,
]);

export interface YamlProblem {
  ruleId: 'yaml-syntax' | 'duplicate-key' | 'unknown-tag' | 'yaml-alias';
  severity: 'error' | 'warning';
  reason: string;
  offset: number;
}

export interface YamlResult {
  /** undefined when the text could not be parsed at all. */
  value: unknown;
  positions: Positions;
  problems: YamlProblem[];
  /** The strict parse failed and a lenient one succeeded: the first strict error and its place. */
  lenientBecause?: { reason: string; at: Point };
}

const MAX_REPORTED_ERRORS = 5;
/** Deepest nesting we walk (no real template comes close; guards the call stack). */
const MAX_DEPTH = 512;
/** Largest number of nodes a document may expand to through aliases (guards alias bombs). */
const MAX_EXPANDED_NODES = 2_000_000;

function parse(text: string, strict: boolean): Document.Parsed {
  return parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, strict, prettyErrors: false });
}

function problemOf(e: { code: string; message: string; pos: [number, number] }, ruleId: YamlProblem['ruleId'] = 'yaml-syntax'): YamlProblem {
  // yaml appends "at line L, column C:" and a code frame; our diagnostics carry the place already.
  const reason = e.message.split(/ at line \d+, column \d+/)[0]!.trim();
  return { ruleId, severity: 'error', reason: `${reason} (${e.code})`, offset: e.pos[0] };
}

export function loadYaml(text: string): YamlResult {
  let doc = parse(text, true);
  let lenientBecause: YamlResult['lenientBecause'];
  let positions = new Positions(text);
  if (doc.errors.length > 0) {
    const strictErrors = doc.errors;
    // First the repair CloudFormation's own parser implies (under-indented flow collections),
    // then yaml's lenient mode; the first one that parses cleanly wins.
    const repaired = reindentFlowCollections(text);
    const retry = repaired ? parse(repaired.text, true) : undefined;
    if (repaired && retry && retry.errors.length === 0) {
      doc = retry;
      positions = new Positions(text, (o) => originalOffset(repaired, o));
    } else {
      const lenient = parse(text, false);
      // The first few errors say what is wrong; the rest are usually consequences.
      if (lenient.errors.length > 0) return { value: undefined, positions, problems: strictErrors.slice(0, MAX_REPORTED_ERRORS).map((e) => problemOf(e)) };
      doc = lenient;
    }
    const first = problemOf(strictErrors[0]!);
    lenientBecause = { reason: first.reason, at: new Positions(text).point(first.offset) };
  }
  const problems: YamlProblem[] = [];
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const tag = /tag: (\S+)/.exec(w.message)?.[1] ?? 'tag';
      problems.push({ ruleId: 'unknown-tag', severity: 'error', reason: `unknown tag ${tag}: CloudFormation has no such short form`, offset: w.pos[0] });
    }
  }
  const built = new Map<YamlNode, unknown>();
  const sizes = new WeakMap<object, number>();
  const inProgress = new Set<YamlNode>();
  let aliasWarned = false;

  const sizeOf = (v: unknown) => (typeof v === 'object' && v !== null ? sizes.get(v) ?? 1 : 1);

  /** yaml ranges start at the tagged value; diagnostics should point at the `!Tag` before it. */
  const tagStart = (name: string, offset: number): number => {
    const tag = `!${name}`;
    const at = text.lastIndexOf(tag, offset);
    return at >= 0 && /^\s*$/.test(text.slice(at + tag.length, offset)) ? at : offset;
  };

  const intrinsic = (name: string, arg: unknown, valueOffset: number): Record<string, unknown> => {
    const offset = tagStart(name, valueOffset);
    const key = longName(name);
    let value = arg;
    if (name === 'GetAtt' && typeof arg === 'string') {
      const dot = arg.indexOf('.');
      value = dot < 0 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
      if (Array.isArray(value)) positions.set(value, offset);
    }
    const obj: Record<string, unknown> = {};
    setOwn(obj, key, value);
    positions.set(obj, offset);
    positions.setKey(obj, key, offset);
    sizes.set(obj, 1 + sizeOf(value));
    return obj;
  };

  const tagName = (node: YamlNode): string | undefined => {
    const t = node.tag;
    if (!t || !t.startsWith('!') || t.startsWith('!!') || t.startsWith('tag:')) return undefined;
    const name = t.slice(1);
    return (SHORT_FORM_NAMES as readonly string[]).includes(name) ? name : undefined;
  };

  const walk = (node: YamlNode | null | undefined, depth = 0): unknown => {
    if (node === null || node === undefined) return null;
    if (depth > MAX_DEPTH) throw new TooDeep(node.range?.[0] ?? 0);
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!aliasWarned) {
        aliasWarned = true;
        problems.push({ ruleId: 'yaml-alias', severity: 'warning', reason: 'YAML aliases are not supported by CloudFormation (expanded here)', offset: node.range?.[0] ?? 0 });
      }
      if (target && inProgress.has(target)) {
        problems.push({ ruleId: 'yaml-alias', severity: 'error', reason: 'an alias refers to a node that contains it (a cycle)', offset: node.range?.[0] ?? 0 });
        return null;
      }
      return target && built.has(target) ? built.get(target) : walk(target, depth + 1);
    }
    const offset = node.range?.[0] ?? 0;
    inProgress.add(node);
    let value: unknown;
    if (isScalar(node)) {
      value = node.value;
      if (typeof value === 'bigint') value = Number(value);
    } else if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      positions.set(obj, offset);
      let size = 1;
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const rawKey = isScalar(keyNode) ? keyNode.value : keyNode ? walk(keyNode) : null;
        const key = typeof rawKey === 'string' ? rawKey : String(rawKey);
        const keyAt = keyNode?.range?.[0] ?? offset;
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          problems.push({ ruleId: 'duplicate-key', severity: 'error', reason: `duplicate key ${JSON.stringify(key)}`, offset: keyAt });
        }
        const v = walk(pair.value as YamlNode | null, depth + 1);
        size += sizeOf(v);
        setOwn(obj, key, v);
        positions.setKey(obj, key, keyAt);
      }
      sizes.set(obj, size);
      value = obj;
    } else if (isSeq(node)) {
      const arr: unknown[] = [];
      positions.set(arr, offset);
      let size = 1;
      for (const item of node.items) {
        const itemNode = item as YamlNode | null;
        const itemAt = itemNode?.range?.[0] ?? offset;
        const itemTag = itemNode ? tagName(itemNode) : undefined;
        positions.setKey(arr, arr.length, itemTag ? tagStart(itemTag, itemAt) : itemAt);
        const v = walk(itemNode, depth + 1);
        size += sizeOf(v);
        arr.push(v);
      }
      sizes.set(arr, size);
      value = arr;
    } else {
      value = null;
    }
    const name = tagName(node);
    if (name !== undefined) value = intrinsic(name, value, offset);
    if (sizeOf(value) > MAX_EXPANDED_NODES) throw new AliasBomb(offset);
    inProgress.delete(node);
    built.set(node, value);
    return value;
  };

  try {
    const value = walk(doc.contents as ParsedNode | null);
    return { value, positions, problems, ...(lenientBecause ? { lenientBecause } : {}) };
  } catch (err) {
    if (err instanceof TooDeep) {
      problems.push({ ruleId: 'yaml-syntax', severity: 'error', reason: `nesting deeper than ${MAX_DEPTH} levels`, offset: err.offset });
      return { value: undefined, positions, problems };
    }
    if (!(err instanceof AliasBomb)) throw err;
    problems.push({ ruleId: 'yaml-alias', severity: 'error', reason: `aliases expand this document beyond ${MAX_EXPANDED_NODES} nodes (a resource-exhaustion pattern); refusing it`, offset: err.offset });
    return { value: undefined, positions, problems };
  }
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

class AliasBomb extends Error {
  constructor(readonly offset: number) {
    super('alias bomb');
  }
}
