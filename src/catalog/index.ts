/**
 * The Cloudcraft component catalogue: which types exist, their fields and enums, and which
 * containers accept which members. Converters use `sanitizeProps` so only values Cloudcraft
 * understands reach the blueprint; the emitter runs it again as a guard.
 */
import { COMPONENTS } from './components.generated.js';
import type { ComponentSpec, FieldSpec } from './types.js';

export type { ComponentSpec, FieldSpec, FieldKind } from './types.js';
export { arrayOf, BLUEPRINT_ARRAYS, edgeObject, LABEL_ANCHOR_KEY, LABEL_STYLE, GROUP_MEMBERSHIP, type BlueprintArray, type EdgeShapeInput } from './placement.js';

export function componentSpec(type: string): ComponentSpec | undefined {
  return Object.prototype.hasOwnProperty.call(COMPONENTS, type) ? COMPONENTS[type] : undefined;
}

export function isComponentType(type: string): boolean {
  return componentSpec(type) !== undefined;
}

export function componentTypes(): string[] {
  return Object.keys(COMPONENTS);
}

/**
 * Whether `container`'s `nodes` list may hold a `member`: the container page's acceptance list,
 * or the member page's own "fits in" list (ECS services say they fit in subnets; the subnet page
 * does not list them). Region and network ACL lists take anything.
 */
export function canContain(container: string, member: string): boolean {
  if (container === 'region' || container === 'networkacl') return true;
  const c = componentSpec(container);
  const m = componentSpec(member);
  if (!c || !m) return false;
  const accepts = c.fields['nodes']?.accepts;
  if (accepts?.includes(member)) return true;
  return m.containers.includes(container);
}

/** Fields every emitted component may carry whatever its page lists. */
const COMMON_FIELDS = new Set(['type', 'id', 'mapPos', 'mapSize', 'color', 'accentColor', 'link', 'locked', 'nodes', 'name']);

export interface DroppedField {
  field: string;
  value: unknown;
  why: 'unknown-field' | 'not-in-enum' | 'wrong-kind';
}

function kindMatches(spec: FieldSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'boolean': return typeof value === 'boolean';
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'point': return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number');
    case 'stringArray': return Array.isArray(value) && value.every((s) => typeof s === 'string');
    case 'pointArray': return Array.isArray(value) && value.every((p) => Array.isArray(p) && p.length === 2);
    case 'objectArray': return Array.isArray(value) && value.every((o) => typeof o === 'object' && o !== null);
    default: return true;
  }
}

/** Keeps only fields the type documents, with values of the right kind and inside the enum. */
export function sanitizeProps(type: string, props: Record<string, unknown>): { props: Record<string, unknown>; dropped: DroppedField[] } {
  const spec = componentSpec(type);
  const out: Record<string, unknown> = {};
  const dropped: DroppedField[] = [];
  for (const [field, value] of Object.entries(props)) {
    if (value === undefined) continue;
    const f = spec?.fields[field];
    if (!f) {
      if (COMMON_FIELDS.has(field)) out[field] = value;
      else dropped.push({ field, value, why: 'unknown-field' });
      continue;
    }
    if (!kindMatches(f, value)) {
      dropped.push({ field, value, why: 'wrong-kind' });
      continue;
    }
    if (f.enum && !f.enum.includes(value as string | number | boolean)) {
      dropped.push({ field, value, why: 'not-in-enum' });
      continue;
    }
    out[field] = value;
  }
  return { props: out, dropped };
}

/** The enum of a field, for converters that want to test a value before mapping it. */
export function fieldEnum(type: string, field: string): readonly (string | number | boolean)[] | undefined {
  return componentSpec(type)?.fields[field]?.enum;
}

export function hasField(type: string, field: string): boolean {
  return componentSpec(type)?.fields[field] !== undefined;
}
