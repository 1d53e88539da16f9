/**
 * Fn::ForEach (AWS::LanguageExtensions): `Fn::ForEach::Name: [Identifier, Collection, {Key${Identifier}: …}]`
 * in Resources, Outputs, Conditions and property mappings. Loops nest. Keys get `${Id}` and
 * `&{Id}` (non-alphanumerics removed) replaced; values see the identifier as a loop variable
 * (`Ref: Id`, `${Id}` in Fn::Sub) through the scope, so templates are never deep-copied.
 */
import type { Point } from '../../../src/diagnostics.js';
import { isPlainObject } from '../load/template.js';
import type { Evaluator, Scope } from './evaluator.js';
import { scalarText, Unknown, type Value } from './values.js';

export const FOREACH_PREFIX = 'Fn::ForEach::';

export interface ForEachEntry {
  /** Key with every known loop variable substituted (placeholders keep `${Id}`). */
  key: string;
  raw: unknown;
  locals: ReadonlyMap<string, Value>;
  /** True when a collection could not be resolved and this entry stands for the whole loop. */
  placeholder: boolean;
  /** Where the entry's key is in the source. */
  at: Point | undefined;
  /** `Buckets` for `Fn::ForEach::Buckets` (outermost loop first). */
  loops: string[];
}

function substituteKey(key: string, locals: ReadonlyMap<string, Value>): string {
  if (!key.includes('{')) return key;
  return key.replace(/([$&])\{([^}]+)\}/g, (whole, sigil: string, name: string) => {
    const v = locals.get(name);
    const text = scalarText(v);
    if (text === undefined) return whole;
    return sigil === '&' ? text.replace(/[^A-Za-z0-9]/g, '') : text;
  });
}

/** Expands one `Fn::ForEach::Name` entry of `parent`, calling `emit` for every generated entry. */
export function expandForEach(ev: Evaluator, loopKey: string, value: unknown, parent: object, scope: Scope,
  emit: (key: string, raw: unknown, locals: ReadonlyMap<string, Value>, entry: ForEachEntry) => void, outerLoops: string[] = []): void {
  const loop = loopKey.slice(FOREACH_PREFIX.length);
  const loops = [...outerLoops, loop];
  if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string' || !isPlainObject(value[2])) {
    ev.host.reporter.report('foreach-invalid', `${loopKey} must be [Identifier, Collection, {OutputKey: OutputValue}]`, ev.host.file, ev.host.positions.keyOf(parent, loopKey));
    return;
  }
  const [identifier, collectionNode, template] = value as [string, unknown, Record<string, unknown>];
  const collection = ev.evaluate(collectionNode, scope);
  const texts = Array.isArray(collection) ? collection.map(scalarText) : undefined;
  const items = texts && texts.every((t) => t !== undefined) ? (texts as string[]) : undefined;
  const base = scope.locals ?? new Map<string, Value>();
  const run = (locals: Map<string, Value>, placeholder: boolean) => {
    // An entry inside a resolved loop nested in an unresolved one is still a placeholder.
    placeholder ||= [...locals.values()].some((v) => v instanceof Unknown);
    for (const [k, v] of Object.entries(template)) {
      if (k.startsWith(FOREACH_PREFIX)) {
        expandForEach(ev, k, v, template, { locals }, emit, loops);
        continue;
      }
      const key = substituteKey(k, locals);
      emit(key, v, locals, { key, raw: v, locals, placeholder, at: ev.host.positions.keyOf(template, k), loops });
    }
  };
  if (!items) {
    const why = collection instanceof Unknown ? collection.reason : 'not a list of strings';
    ev.host.reporter.report('foreach-unresolved',
      `${loopKey}: the collection cannot be listed offline (${why}); one placeholder stands for the loop — pass the missing values with --param to expand it`,
      ev.host.file, ev.at(collectionNode) ?? ev.host.positions.keyOf(parent, loopKey));
    const locals = new Map(base);
    locals.set(identifier, new Unknown(`${loop} loop variable`));
    run(locals, true);
    return;
  }
  for (const item of items) {
    const locals = new Map(base);
    locals.set(identifier, item);
    run(locals, false);
  }
}
