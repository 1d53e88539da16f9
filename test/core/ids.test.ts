import { describe, expect, it } from 'vitest';
import { derivedId, ID_NAMESPACE, resourceId, uuidv5 } from '../../src/ids.js';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidv5', () => {
  it('matches the RFC 4122 reference vector', () => {
    expect(uuidv5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('our namespace is uuidv5(DNS, "cloudcraft-convert.dev")', () => {
    expect(uuidv5('cloudcraft-convert.dev', DNS)).toBe(ID_NAMESPACE);
  });
  it('sets version 5 and the RFC variant', () => {
    const id = resourceId('stack#Bucket');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('is stable and distinguishes addresses and kinds', () => {
    expect(resourceId('a#B')).toBe(resourceId('a#B'));
    expect(resourceId('a#B')).not.toBe(resourceId('a#C'));
    expect(derivedId('label', 'x')).not.toBe(derivedId('edge', 'x'));
    // Parts are separated so ('ab','c') and ('a','bc') differ.
    expect(derivedId('k', 'ab', 'c')).not.toBe(derivedId('k', 'a', 'bc'));
  });
});
