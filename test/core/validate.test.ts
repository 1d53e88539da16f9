import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBlueprintSchema } from '../../src/validate/schema-builder.js';
import { validateBlueprint } from '../../src/validate/index.js';

const base = () => ({
  name: 'b',
  data: {
    version: 4, name: 'b', grid: 'standard', projection: 'isometric', theme: { base: 'light' },
    nodes: [{ type: 'ec2', id: 'n1', mapPos: [0, 0], instanceType: 'm5', instanceSize: 'large' }, { type: 's3', id: 'n2', mapPos: [3, 0] }],
    groups: [{ type: 'vpc', id: 'g1', name: 'v', nodes: ['n1'] }],
    surfaces: [], edges: [{ id: 'e1', type: 'edge', from: 'n1', to: 'n2' }],
    text: [{ type: 'isotext', id: 't1', mapPos: [0, 1], text: 'web', attachedTo: 'n1' }], icons: [], images: [], connectors: [],
  },
});

describe('schema file', () => {
  it('schemas/blueprint.schema.json is the schema the catalogue builds (regenerate with scripts/gen-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schemas/blueprint.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(buildBlueprintSchema());
  });
});

describe('validateBlueprint', () => {
  it('accepts a well-formed blueprint', () => {
    expect(validateBlueprint(base())).toEqual({ ok: true, diagnostics: [] });
  });

  type Mutate = (b: ReturnType<typeof base>) => void;
  const cases: [string, Mutate, string, string][] = [
    ['enum value', (b) => { b.data.nodes[0]!.instanceType = 'm99'; }, 'schema-enum', '/data/nodes/0/instanceType'],
    ['missing mapPos', (b) => { delete (b.data.nodes[1] as { mapPos?: unknown }).mapPos; }, 'schema-required', '/data/nodes/1'],
    ['type in the wrong array', (b) => { b.data.nodes[1]!.type = 'vpc'; }, 'schema-enum', '/data/nodes/1/type'],
    ['bad ACL', (b) => { (b as Record<string, unknown>)['readAccess'] = ['group/1']; }, 'schema-pattern', '/readAccess/0'],
    ['duplicate id', (b) => { b.data.nodes[1]!.id = 'n1'; }, 'duplicate-id', '/data/nodes/1/id'],
    ['dangling member', (b) => { b.data.groups[0]!.nodes = ['nope']; }, 'dangling-member', '/data/groups/0/nodes/0'],
    ['dangling edge', (b) => { b.data.edges[0]!.to = 'nope'; }, 'dangling-edge', '/data/edges/0/to'],
    ['dangling label anchor', (b) => { b.data.text[0]!.attachedTo = 'nope'; }, 'dangling-anchor', '/data/text/0/attachedTo'],
  ];
  for (const [name, mutate, ruleId, pointer] of cases) {
    it(`reports ${name} with a JSON pointer`, () => {
      const b = base();
      mutate(b);
      const r = validateBlueprint(b, 'x.json');
      expect(r.ok).toBe(false);
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ ruleId, pointer, file: 'x.json', severity: 'error' }));
    });
  }

  it('warns (does not fail) on a member type the container does not accept', () => {
    const b = base();
    b.data.groups[0]!.nodes = ['n2'];
    const r = validateBlueprint(b);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toMatchObject([{ ruleId: 'member-type', severity: 'warning' }]);
  });
});

describe('precompiled validator', () => {
  it('src/validate/validator.generated.ts is the standalone code of the current schema (regenerate with scripts/gen-schema.ts)', async () => {
    const { standaloneValidatorSource } = await import('../../src/validate/standalone.js');
    const committed = readFileSync(new URL('../../src/validate/validator.generated.ts', import.meta.url), 'utf8');
    expect(committed === standaloneValidatorSource()).toBe(true);
  });
});
