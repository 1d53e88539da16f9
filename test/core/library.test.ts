import { describe, expect, it } from 'vitest';
import { convert, registerConverter, unregisterConverter, validate, type Converter } from '../../src/index.js';
import { testConverter } from '../helpers/test-converter.js';

registerConverter(testConverter);

const doc = { testfmt: [{ id: 'Fn', type: 'T::Fn', cc: 'lambda' }, { id: 'Q', type: 'T::Q', cc: 'sqs', to: 'Fn' }] };

describe('library', () => {
  it('converts an object, a string and a path-free input the same way', async () => {
    const a = await convert({ object: doc, name: 'mem' });
    const b = await convert({ text: JSON.stringify(doc), name: 'mem' });
    expect(a.ok).toBe(true);
    expect(JSON.stringify(a.blueprint)).toBe(JSON.stringify(b.blueprint));
    expect(validate(a.blueprint).ok).toBe(true);
    expect(a.report?.summary).toMatchObject({ total: 2, mapped: 2, nodes: 2, edges: 1 });
  });

  it('returns failures as data, never throws', async () => {
    const r = await convert({ object: { testfmt: [{ id: 'x', type: 't', error: 'broken' }] }, name: 'in.json' });
    expect(r.ok).toBe(false);
    expect(r.blueprint).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ reason: 'broken', ruleId: 'test-error', file: 'in.json', line: 3, column: 7, fatal: true })]);
  });

  it('turns a crashing converter into an internal-error diagnostic', async () => {
    const crashing: Converter = { name: 'crash', description: '', detect: () => 0, parse: () => { throw new TypeError('boom'); } };
    registerConverter(crashing);
    const r = await convert({ object: doc }, { format: 'crash' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'internal-error', source: 'crash' });
    expect(r.diagnostics[0]!.reason).toContain('boom');
    unregisterConverter('crash');
  });

  it('detection takes the most confident converter; ties go to the earlier registration', async () => {
    registerConverter({ ...testConverter, name: 'surer', detect: () => 1 });
    expect((await convert({ object: doc })).report?.formats).toEqual(['surer']);
    unregisterConverter('surer');
    registerConverter({ ...testConverter, name: 'later', detect: () => 0.9 });
    expect((await convert({ object: doc })).report?.formats).toEqual(['testfmt']);
    unregisterConverter('later');
  });

  it('rejects a malformed converter at registration', () => {
    expect(() => registerConverter({ name: 'x' } as unknown as Converter)).toThrow(TypeError);
  });

  it('gives the same ids on every run', async () => {
    const a = await convert({ object: doc, name: 'mem' });
    const b = await convert({ object: doc, name: 'mem' });
    expect(a.blueprint!.data.nodes.map((n) => n.id)).toEqual(b.blueprint!.data.nodes.map((n) => n.id));
  });
});
