import { describe, expect, it } from 'vitest';
import { parseAccessList } from '../../src/api/acl.js';
import { sameContent, stableStringify } from '../../src/api/compare.js';
import { CloudcraftInputError } from '../../src/api/errors.js';
import { Redactor } from '../../src/api/redact.js';
import { backoffDelay, classifyNetworkError, DEFAULT_RETRY, isSafeToRepeat, parseRetryAfter } from '../../src/api/retry.js';

const TEAM = 'team/5f209338-50a1-495f-90dd-73251dec7329';

describe('parseAccessList', () => {
  it.each([
    [undefined, undefined],
    [[TEAM], [TEAM]],
    [[`${TEAM},customer/abc-123`], [TEAM, 'customer/abc-123']],
    [[TEAM, TEAM], [TEAM]],
    [['[]'], []],
  ])('%j → %j', (input, expected) => {
    expect(parseAccessList(input, '--read-access')).toEqual(expected);
  });

  it.each([
    [['teams/abc'], /"teams\/abc": expected team\/<id> or customer\/<id>/],
    [['team/'], /"team\/"/],
    [['team/a b'], /"team\/a b"/],
    [['abc'], /"abc"/],
    [['[]', TEAM], /cannot be combined/],
    [[], /give team\/<id>/],
    [['team/../x'], /"team\/..\/x"/],
  ])('%j is refused', (input, message) => {
    expect(() => parseAccessList(input, '--write-access')).toThrow(CloudcraftInputError);
    expect(() => parseAccessList(input, '--write-access')).toThrow(message);
  });
});

describe('Redactor', () => {
  const key = 'bear3vFUUkgfzoBK+UKyPmZw1NsdfrFzdvZoyFJwe8=';
  const r = new Redactor([key]);
  it('masks the key plain, URL-encoded and in any Bearer header', () => {
    expect(r.scrub(`key ${key} and ${encodeURIComponent(key)}`)).toBe('key <redacted> and <redacted>');
    expect(r.scrub('Authorization: Bearer someOtherToken123')).toBe('Authorization: Bearer <redacted>');
  });
  it('scrubs nested values', () => {
    expect(r.scrubValue({ a: [{ b: `x${key}y` }] })).toEqual({ a: [{ b: 'x<redacted>y' }] });
  });
  it('ignores secrets too short to mask safely', () => {
    expect(new Redactor(['abc']).scrub('abc')).toBe('abc');
  });
});

describe('retry policy', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.25', now)).toBe(250);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('repeats only safe requests', () => {
    expect(isSafeToRepeat('GET', {})).toBe(true);
    expect(isSafeToRepeat('DELETE', {})).toBe(true);
    expect(isSafeToRepeat('PUT', {})).toBe(false);
    expect(isSafeToRepeat('PUT', { 'If-Match': 'W/"1"' })).toBe(true);
    expect(isSafeToRepeat('POST', { 'if-match': 'x' })).toBe(false);
  });

  it('backs off exponentially with bounded jitter', () => {
    const at = (n: number, random: number) => backoffDelay(n, { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000, random: () => random });
    expect([at(0, 0), at(0, 1)]).toEqual([50, 100]);
    expect([at(2, 0), at(2, 1)]).toEqual([200, 400]);
    expect(at(10, 1)).toBe(1000);
  });

  it('tells unsent failures from ones the server may have acted on', () => {
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).kind).toBe('not-sent');
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' })).kind).toBe('ambiguous');
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' })).kind).toBe('ambiguous');
    expect(classifyNetworkError(Object.assign(new Error('x'), { cause: { code: 'ECONNRESET' } })).kind).toBe('ambiguous');
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' })).kind).toBe('tls');
  });
});

describe('content comparison', () => {
  it('ignores key order, the server-stamped version and list order of sharing', () => {
    expect(stableStringify({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
    const remote = { id: 'x', name: 'n', data: { version: 4, name: 'n', nodes: [] }, readAccess: ['team/b', 'team/a'], tags: null };
    expect(sameContent({ name: 'n', data: { nodes: [], name: 'n' }, readAccess: ['team/a', 'team/b'] }, remote)).toBe(true);
    expect(sameContent({ name: 'n', data: { nodes: [{ id: 'a', type: 'ec2' }], name: 'n' } }, remote)).toBe(false);
    expect(sameContent({ name: 'n', data: { nodes: [], name: 'n' }, readAccess: [] }, remote)).toBe(false);
  });
});
