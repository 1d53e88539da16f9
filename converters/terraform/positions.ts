/**
 * Which JSON values to locate in each input kind: every resource and instance of a state, every
 * resource of the module trees of `terraform show -json` and plans, every resource change.
 * Attribute values are never entered, so the scan stays one quick pass.
 */
import type { Point } from '../../src/diagnostics.js';
import { scanPositions, type JsonPath, type ScanSpec } from './json-locate.js';
import type { TerraformKind } from './sniff.js';

/** `base` followed by any number of `child_modules/N` pairs. */
function moduleTreeDepth(path: JsonPath, base: readonly string[]): number | undefined {
  if (path.length < base.length) return undefined;
  for (let i = 0; i < base.length; i++) if (path[i] !== base[i]) return undefined;
  let i = base.length;
  let depth = 0;
  while (i < path.length && path[i] === 'child_modules') {
    if (i + 1 >= path.length) return -1; // inside the child_modules array itself
    if (typeof path[i + 1] !== 'number') return undefined;
    i += 2;
    depth++;
  }
  return i === path.length ? depth : undefined;
}

function treeSpec(bases: readonly (readonly string[])[], extra: { record?: (p: JsonPath) => boolean; descend?: (p: JsonPath) => boolean } = {}): ScanSpec {
  const inTree = (p: JsonPath) => bases.some((b) => moduleTreeDepth(p, b) !== undefined);
  const prefixOfBase = (p: JsonPath) => bases.some((b) => p.length < b.length && p.every((s, i) => s === b[i]));
  /** `<tree>/resources` and `<tree>/resources/N`. */
  const resourcesOf = (p: JsonPath, withIndex: boolean) => {
    const cut = withIndex ? 2 : 1;
    return p.length >= cut && p[p.length - cut] === 'resources' && (!withIndex || typeof p[p.length - 1] === 'number') && inTree(p.slice(0, p.length - cut));
  };
  return {
    descend: (p) => prefixOfBase(p) || inTree(p) || resourcesOf(p, false) || (extra.descend?.(p) ?? false),
    record: (p) => resourcesOf(p, true) || (extra.record?.(p) ?? false),
  };
}

const isIndex = (x: unknown) => typeof x === 'number';

const SPECS: Record<Exclude<TerraformKind, 'empty' | 'invalid-json'>, ScanSpec> = {
  'state-v4': {
    descend: (p) => p.length === 0 || (p[0] === 'resources' && (p.length === 1 || (p.length === 2 && isIndex(p[1])) || (p.length === 3 && p[2] === 'instances'))),
    record: (p) => p[0] === 'resources' && ((p.length === 2 && isIndex(p[1])) || (p.length === 4 && p[2] === 'instances' && isIndex(p[3]))),
  },
  'state-v3': {
    descend: (p) => p.length === 0 || (p[0] === 'modules' && (p.length === 1 || (p.length === 2 && isIndex(p[1])) || (p.length === 3 && p[2] === 'resources'))),
    record: (p) => p[0] === 'modules' && p.length === 4 && p[2] === 'resources',
  },
  'show-state': treeSpec([['values', 'root_module']]),
  plan: treeSpec([['planned_values', 'root_module'], ['prior_state', 'values', 'root_module']], {
    descend: (p) => p.length === 1 && p[0] === 'resource_changes',
    record: (p) => p.length === 2 && p[0] === 'resource_changes' && isIndex(p[1]),
  }),
};

/** Pointer → line/column for one input, computed on first use. */
export function positionIndex(text: string, kind: TerraformKind): (pointer: string) => Point | undefined {
  let map: Map<string, Point> | undefined;
  return (pointer) => {
    if (kind === 'empty' || kind === 'invalid-json') return undefined;
    map ??= scanPositions(text, SPECS[kind]);
    return map.get(pointer);
  };
}
