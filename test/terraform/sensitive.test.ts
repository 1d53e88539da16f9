import { describe, expect, it } from 'vitest';
import { redactMirror, redactPaths } from '../../converters/terraform/sensitive.js';

describe('sensitive values', () => {
  const values = { name: 'db', password: 'FAKE-pw', nested: [{ secret: 's1', keep: 'k' }, { secret: 's2' }], map: { a: 'x', b: 'y' } };

  it('removes get_attr paths from state v4', () => {
    expect(redactPaths(values, [[{ type: 'get_attr', value: 'password' }]])).toEqual({ name: 'db', nested: values.nested, map: values.map });
  });

  it('removes index paths (numbers and strings) without touching the input', () => {
    const out = redactPaths(values, [
      [{ type: 'get_attr', value: 'nested' }, { type: 'index', value: { value: 0, type: 'number' } }, { type: 'get_attr', value: 'secret' }],
      [{ type: 'get_attr', value: 'map' }, { type: 'index', value: { value: 'b', type: 'string' } }],
    ]);
    expect(out['nested']).toEqual([{ keep: 'k' }, { secret: 's2' }]);
    expect(out['map']).toEqual({ a: 'x' });
    expect(values.nested[0]!.secret).toBe('s1');
    expect(values.map.b).toBe('y');
  });

  it('drops the whole attribute when a path step is unreadable, and everything when even that is unknown', () => {
    expect(redactPaths(values, [[{ type: 'get_attr', value: 'password' }, { type: 'mystery' }]])).not.toHaveProperty('password');
    expect(redactPaths(values, [[{ type: 'mystery' }]])).toEqual({});
    expect(redactPaths(values, [42])).toEqual({});
  });

  it('leaves values alone without sensitive paths', () => {
    expect(redactPaths(values, [])).toBe(values);
    expect(redactPaths(values, undefined)).toBe(values);
  });

  it('applies sensitive_values / after_sensitive mirrors', () => {
    expect(redactMirror(values, { password: true, nested: [{ secret: true }, {}], map: {} })).toEqual({
      name: 'db', nested: [{ keep: 'k' }, { secret: 's2' }], map: { a: 'x', b: 'y' },
    });
    expect(redactMirror(values, true)).toEqual({});
    expect(redactMirror(values, false)).toBe(values);
  });
});
