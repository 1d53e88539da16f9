/** The client under fault injection: rate limits, 5xx, resets, timeouts, races. */
import { beforeEach, describe, expect, it } from 'vitest';
import { CloudcraftApiError, CloudcraftNetworkError, RemoteChangedError } from '../../src/api/errors.js';
import type { BlueprintWrite } from '../../src/api/types.js';
import { RateLimiter } from '../../src/api/rate-limiter.js';
import { type StandIn, standInForFile } from './helpers.js';

let s!: StandIn;
standInForFile((started) => {
  s = started;
});
beforeEach(() => {
  s.server.faults.clear();
  s.server.setRateLimit(false);
});

const body = (name: string): BlueprintWrite => ({ name, data: { name, grid: 'standard', nodes: [] } });
const count = (method: string, path: string) => s.server.requests.filter((r) => r.method === method && r.path === path).length;

/** Requests from now on. */
function mark(): () => typeof s.server.requests {
  const start = s.server.requests.length;
  return () => s.server.requests.slice(start);
}

describe('429 Too Many Requests', () => {
  it('waits for Retry-After (seconds) and lowers the client budget', async () => {
    const limiter = new RateLimiter({ requests: 20, windowMs: 10_000 });
    const c = s.client({ rateLimiter: limiter });
    s.server.faults.add({ kind: 'status', status: 429, retryAfter: 0.3, path: '/user/me' });
    const t = performance.now();
    await c.me();
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    expect(limiter.currentLimit).toBe(10);
    expect(limiter.stats.lowered).toBe(1);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const c = s.client();
    s.server.faults.add({ kind: 'status', status: 429, retryAfter: 'date', path: '/user/me' });
    const t = performance.now();
    await c.me();
    // The date is 1.5 s ahead, rounded down to whole seconds by the format: 0.5–1.5 s.
    expect(performance.now() - t).toBeGreaterThanOrEqual(450);
  });

  it('backs off exponentially when Retry-After is absent', async () => {
    const c = s.client({ retry: { baseDelayMs: 40, maxDelayMs: 1000, random: () => 1 } });
    s.server.faults.add({ kind: 'status', status: 429, count: 3, path: '/team' });
    const t = performance.now();
    await c.teams();
    // 40 + 80 + 160 ms
    expect(performance.now() - t).toBeGreaterThanOrEqual(270);
    expect(count('GET', '/team')).toBeGreaterThanOrEqual(4);
  });

  it('retries a POST after 429 (the server did not process it) without duplicates', async () => {
    const c = s.client();
    const seen = mark();
    s.server.faults.add({ kind: 'status', status: 429, retryAfter: 0.05, method: 'POST' });
    const { value } = await c.blueprints.createOnce(body('after-429'), { marker: 'cloudcraft-convert:t429' });
    expect(seen().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([429, 201]);
    expect([...s.server.store.blueprints.values()].filter((b) => b.record.name === 'after-429')).toHaveLength(1);
    expect(value.tags).toContain('cloudcraft-convert:t429');
  });

  it('fails with a message instead of waiting longer than allowed', async () => {
    const c = s.client({ retry: { maxRetryAfterMs: 1000 } });
    s.server.faults.add({ kind: 'status', status: 429, retryAfter: 3600, path: '/user/me' });
    await expect(c.me()).rejects.toThrow(/asks to wait 3600 s, longer than the 1 s we wait/);
  });

  it('stays under the stand-in limit when both use the contract budget', async () => {
    s.server.setRateLimit({ requests: 5, windowMs: 400 });
    const c = s.client({ rateLimiter: new RateLimiter({ requests: 5, windowMs: 400 }) });
    const seen = mark();
    await Promise.all(Array.from({ length: 16 }, () => c.me()));
    expect(seen().filter((r) => r.status === 429)).toEqual([]);
    expect(seen()).toHaveLength(16);
  });

  it('recovers from the stand-in limiter when the client has no budget of its own', async () => {
    s.server.setRateLimit({ requests: 3, windowMs: 300 });
    const c = s.client({ maxRetries: 10 });
    const seen = mark();
    await Promise.all(Array.from({ length: 6 }, () => c.me()));
    expect(seen().filter((r) => r.status === 200)).toHaveLength(6);
    expect(seen().some((r) => r.status === 429)).toBe(true);
  });
});

describe('server errors and broken connections', () => {
  it('repeats a GET after a 5xx burst', async () => {
    const c = s.client();
    s.server.faults.add({ kind: 'status', status: 503, count: 2, path: '/blueprint' });
    const seen = mark();
    await c.blueprints.list();
    expect(seen().map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('gives up after maxRetries with the attempts in the message', async () => {
    const c = s.client({ maxRetries: 2 });
    s.server.faults.add({ kind: 'status', status: 502, count: 5, path: '/user/me' });
    await expect(c.me()).rejects.toThrow(/502 Bad Gateway: .*after 3 attempts/);
  });

  it('repeats a GET whose body was cut off mid-way', async () => {
    const c = s.client();
    await c.blueprints.create(body('mid-body'));
    s.server.faults.add({ kind: 'reset', phase: 'mid-body', path: '/blueprint' });
    const seen = mark();
    const list = await c.blueprints.list();
    expect(list.some((b) => b.name === 'mid-body')).toBe(true);
    expect(seen().map((r) => r.status)).toEqual(['reset', 200]);
  });

  it('repeats a GET after a headers timeout', async () => {
    const c = s.client({ timeout: 400 });
    s.server.faults.add({ kind: 'slow-headers', delayMs: 3000, path: '/user/me' });
    const t = performance.now();
    expect((await c.me()).name).toBe('Stand-in User');
    expect(performance.now() - t).toBeLessThan(2500);
  });

  it('reports a body timeout when every attempt stalls', async () => {
    const c = s.client({ timeout: 400, maxRetries: 1 });
    s.server.faults.add({ kind: 'slow-body', delayMs: 3000, count: 2, path: '/team' });
    const err = await c.teams().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudcraftNetworkError);
    expect((err as Error).message).toMatch(/timed out reading the response body \(after 2 attempts\)/);
  });

  it('never repeats a PUT without If-Match', async () => {
    const c = s.client();
    const { value } = await c.blueprints.create(body('put-once'));
    s.server.faults.add({ kind: 'status', status: 503, method: 'PUT' });
    const seen = mark();
    await expect(c.blueprints.update(value.id, body('put-twice'))).rejects.toMatchObject({ status: 503 });
    expect(seen().filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('repeats a PUT with If-Match, and takes a 412 after an applied first attempt as success', async () => {
    const c = s.client();
    const created = await c.blueprints.create(body('put-retry'));
    // The first PUT is carried out, but its answer is lost.
    s.server.faults.add({ kind: 'reset', phase: 'after', method: 'PUT' });
    const seen = mark();
    const { etag } = await c.blueprints.update(created.value.id, body('put-retry-2'), created.etag);
    expect(seen().filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual(['reset', 412]);
    const now = await c.blueprints.get(created.value.id);
    expect(now.value.name).toBe('put-retry-2');
    expect(etag).toBe(now.etag);
  });

  it('repeats a DELETE, and takes a 404 on the repeat as done', async () => {
    const c = s.client();
    const { value } = await c.blueprints.create(body('delete-retry'));
    s.server.faults.add({ kind: 'reset', phase: 'after', method: 'DELETE' });
    await c.blueprints.delete(value.id);
    expect(s.server.store.blueprints.has(value.id)).toBe(false);
  });
});

describe('creating exactly once', () => {
  const created = (name: string) => [...s.server.store.blueprints.values()].filter((b) => b.record.name === name);

  it.each([
    ['a reset after the server created it', { kind: 'reset', phase: 'after' }],
    ['a body cut off mid-way', { kind: 'reset', phase: 'mid-body' }],
    ['a 5xx after the server created it', { kind: 'status', status: 502, afterProcessing: true }],
  ] as const)('finds the blueprint after %s instead of creating another', async (_what, fault) => {
    const c = s.client();
    const name = `once-${fault.kind}-${'phase' in fault ? fault.phase : fault.status}`;
    s.server.faults.add({ ...fault, method: 'POST' });
    const seen = mark();
    const result = await c.blueprints.createOnce(body(name), { marker: `cloudcraft-convert:${name}` });
    expect(result.recovered).toBe(true);
    expect(created(name)).toHaveLength(1);
    expect(result.value.id).toBe(created(name)[0]!.record.id);
    expect(seen().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('creates again when the lookup shows the first attempt did not go through', async () => {
    const c = s.client();
    s.server.faults.add({ kind: 'reset', phase: 'before', method: 'POST' });
    const seen = mark();
    const result = await c.blueprints.createOnce(body('once-not-processed'), { marker: 'cloudcraft-convert:np' });
    expect(result.recovered).toBe(false);
    expect(created('once-not-processed')).toHaveLength(1);
    expect(seen().map((r) => `${r.method} ${r.status}`)).toEqual(['POST reset', 'GET 200', 'POST 201']);
  });

  it('does not take an older blueprint with the same name and marker for the lost one', async () => {
    const c = s.client();
    await c.blueprints.create({ ...body('once-old'), tags: ['cloudcraft-convert:old'] });
    const old = created('once-old')[0]!;
    old.record.createdAt = new Date(Date.now() - 3_600_000).toISOString();
    s.server.faults.add({ kind: 'reset', phase: 'before', method: 'POST' });
    const result = await c.blueprints.createOnce(body('once-old'), { marker: 'cloudcraft-convert:old' });
    expect(result.value.id).not.toBe(old.record.id);
    expect(created('once-old')).toHaveLength(2);
  });

  it('never sends a plain create twice', async () => {
    const c = s.client();
    s.server.faults.add({ kind: 'status', status: 503, method: 'POST' });
    const seen = mark();
    await expect(c.blueprints.create(body('plain'))).rejects.toBeInstanceOf(CloudcraftApiError);
    expect(seen().filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

describe('412 race', () => {
  it('refuses to overwrite an edit made between our read and our write', async () => {
    const c = s.client();
    const created = await c.blueprints.create(body('race'));
    const read = await c.blueprints.get(created.value.id);
    // Someone saves in the app.
    s.server.store.updateBlueprint(s.server.store.blueprints.get(created.value.id)!, { data: { name: 'race', edited: true } });
    const err = await c.blueprints.update(created.value.id, body('race-ours'), read.etag).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteChangedError);
    expect((err as RemoteChangedError).remoteEtag).toBe((await c.blueprints.get(created.value.id)).etag);
    expect((await c.blueprints.get(created.value.id)).value.data['edited']).toBe(true);
  });
});
