/**
 * Builds the blueprint JSON Schema (draft 2020-12) from the component catalogue and the
 * placement table. schemas/blueprint.schema.json is this function's output, committed; a test
 * fails when the two drift apart (regenerate with `npx tsx scripts/gen-schema.ts`).
 */
import { COMPONENTS } from '../catalog/components.generated.js';
import { arrayOf, BLUEPRINT_ARRAYS } from '../catalog/placement.js';
import type { FieldSpec } from '../catalog/types.js';

type Schema = Record<string, unknown>;

const colorSchema: Schema = {
  anyOf: [
    { type: 'string' },
    { type: 'null' },
    { type: 'object', properties: { isometric: { type: ['string', 'null'] }, '2d': { type: ['string', 'null'] } } },
  ],
};

/** Numbers in Cloudcraft examples are often strings ("200"); accept both when validating. */
const numberSchema: Schema = { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' }] };

function fieldSchema(name: string, f: FieldSpec): Schema {
  if (name === 'color' || name === 'accentColor' || name === 'background' || name === 'borderColor') return { $ref: '#/$defs/color' };
  if (name === 'mapPos') return { $ref: '#/$defs/mapPos' };
  if (f.enum) return { enum: [...f.enum] };
  switch (f.kind) {
    case 'string': return { type: 'string' };
    case 'number': return { $ref: '#/$defs/number' };
    case 'boolean': return { type: 'boolean' };
    case 'object': return { type: 'object' };
    case 'point': return { $ref: '#/$defs/point' };
    case 'stringArray': return { type: 'array', items: { type: 'string' } };
    case 'pointArray': return { type: 'array', items: { $ref: '#/$defs/point' } };
    case 'objectArray': return { type: 'array', items: { type: 'object' } };
    default: return {};
  }
}

export function buildBlueprintSchema(): Schema {
  const defs: Schema = {
    // Non-empty string; written without minLength so ajv's standalone code needs no runtime helper.
    id: { type: 'string', not: { const: '' } },
    color: colorSchema,
    number: numberSchema,
    point: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], minItems: 2, maxItems: 2 },
    // Cloudcraft also writes positions relative to another object.
    mapPos: {
      anyOf: [
        { $ref: '#/$defs/point' },
        { type: 'object', required: ['relTo', 'offset'], properties: { relTo: { type: 'string' }, offset: { $ref: '#/$defs/point' } } },
      ],
    },
    edge: {
      type: 'object',
      required: ['id', 'type', 'from', 'to'],
      properties: {
        id: { $ref: '#/$defs/id' },
        type: { enum: ['edge', 'autoedge'] },
        from: { $ref: '#/$defs/id' },
        to: { $ref: '#/$defs/id' },
        width: { type: 'number', minimum: 0 },
        dashed: { type: 'boolean' },
        endCap: { type: 'string' },
        startCap: { type: 'string' },
        color: { $ref: '#/$defs/color' },
      },
    },
  };
  const byArray = new Map<string, string[]>();
  for (const type of Object.keys(COMPONENTS)) {
    const arr = arrayOf(type);
    byArray.set(arr, [...(byArray.get(arr) ?? []), type]);
  }
  for (const [type, spec] of Object.entries(COMPONENTS)) {
    const properties: Schema = { type: { const: type }, id: { $ref: '#/$defs/id' } };
    for (const [name, f] of Object.entries(spec.fields)) properties[name] = fieldSchema(name, f);
    const required = ['type', 'id'];
    if (spec.hasMapPos) required.push('mapPos');
    if (spec.hasMapSize) required.push('mapSize');
    defs[type] = { type: 'object', required, properties };
  }
  const arrayItems = (arr: string): Schema => {
    if (arr === 'edges') return { $ref: '#/$defs/edge' };
    const types = byArray.get(arr) ?? [];
    if (types.length === 0) return { type: 'object' };
    // A discriminated oneOf: validators that know `discriminator` (ajv, OpenAPI tools) jump straight to
    // the one branch; others still get the right answer because every branch fixes `type` with const.
    return {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: types } },
      discriminator: { propertyName: 'type' },
      oneOf: types.map((t) => ({ $ref: `#/$defs/${t}` })),
    };
  };
  const dataProps: Schema = {
    version: { type: 'integer' },
    name: { type: 'string' },
    grid: { type: 'string' },
    projection: { enum: ['isometric', '2d'] },
    theme: { type: 'object', properties: { base: { enum: ['light', 'dark'] } } },
  };
  for (const arr of BLUEPRINT_ARRAYS) dataProps[arr] = { type: 'array', items: arrayItems(arr) };
  const acl = { type: ['array', 'null'], items: { type: 'string', pattern: '^(team|customer)/[A-Za-z0-9-]+$' } };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/cloudcraft-convert/cloudcraft-convert/schemas/blueprint.schema.json',
    title: 'Cloudcraft blueprint',
    description: 'A Cloudcraft blueprint as written by cloudcraft-convert and accepted by POST/PUT /blueprint. Generated from the component catalogue; component objects allow extra keys because the API does.',
    type: 'object',
    required: ['data'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      tags: { type: ['array', 'null'], items: { type: 'string' } },
      readAccess: acl,
      writeAccess: acl,
      data: { type: 'object', properties: dataProps },
    },
    $defs: defs,
  };
}
