/** The stand-in itself, spoken to with raw HTTPS requests (no client policies in between). */
import { Agent, request } from 'undici';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { validateFault } from '../../src/mock-server/faults.js';
import { type StandIn, standInForFile } from './helpers.js';

let s!: StandIn;
let agent: Agent;
standInForFile((started) => {
  s = started;
  agent = new Agent({ connect: { ca: s.server.ca } });
}, { retryAfter: 'seconds' });
afterAll(async () => {
  await agent?.close();
});
beforeEach(() => {
  s.server.setRateLimit(false);
  s.server.faults.clear();
});

async function call(method: string, path: string, opts: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {}) {
  const key = opts.key === undefined ? s.server.keys.readWrite : opts.key;
  const res = await request(`${s.server.url}${path}`, {
    method: method as 'GET', dispatcher: agent,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(opts.body ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    ...(opts.body ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

describe('stand-in API', () => {
  it('needs a bearer key and says why in the Cloudcraft error shape', async () => {
    expect((await call('GET', '/user/me', { key: null })).json()).toEqual({ error: 'Unauthorized', reason: 'unauthorized', code: 401 });
    expect((await call('GET', '/user/me', { key: 'nope' })).status).toBe(401);
    expect((await call('GET', '/user/me')).status).toBe(200);
  });

  it('gives read-only keys reads and 403 on every write', async () => {
    const ro = s.server.keys.readOnly;
    expect((await call('GET', '/blueprint', { key: ro })).status).toBe(200);
    for (const [method, path] of [['POST', '/blueprint'], ['PUT', '/blueprint/00000000-0000-4000-8000-000000000001'], ['DELETE', '/blueprint/00000000-0000-4000-8000-000000000001'], ['POST', '/aws/account']]) {
      const r = await call(method!, path!, { key: ro, body: { data: {} } });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.json()['reason']).toBe('insufficient_privileges');
    }
  });

  it('creates with UUID ids and ETags, and guards updates with If-Match', async () => {
    const created = await call('POST', '/blueprint', { body: { data: { name: 'Raw', grid: 'standard' } } });
    expect(created.status).toBe(201);
    const rec = created.json() as { id: string; name: string; data: { version: number } };
    expect(rec.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rec).toMatchObject({ name: 'Raw', data: { version: 4 } });
    const etag = created.headers['etag'] as string;
    const stale = await call('PUT', `/blueprint/${rec.id}`, { body: { data: {} }, headers: { 'if-match': 'W/"old"' } });
    expect([stale.status, stale.json()['error']]).toEqual([412, 'Resource out of date']);
    const fresh = await call('PUT', `/blueprint/${rec.id}`, { body: { data: { name: 'Raw 2' } }, headers: { 'if-match': etag } });
    expect(fresh.status).toBe(204);
    expect(fresh.headers['etag']).not.toBe(etag);
    expect((await call('PUT', `/blueprint/${rec.id}`, { body: { data: {} } })).status).toBe(204);
    expect((await call('GET', `/api/blueprint/${rec.id}`)).status).toBe(200);
  });

  it('validates ids, bodies, sharing and export parameters', async () => {
    expect((await call('GET', '/blueprint/not-a-uuid')).json()).toMatchObject({ error: 'Invalid parameter format: blueprintId', code: 400 });
    expect((await call('GET', '/blueprint/00000000-0000-4000-8000-00000000dead')).json()).toMatchObject({ error: 'Blueprint not found', reason: 'not_found' });
    expect((await call('POST', '/blueprint', { body: { name: 'x' } })).json()['error']).toBe('Invalid property: data');
    expect((await call('POST', '/blueprint', { body: { data: {}, readAccess: ['everyone'] } })).json()['error']).toBe('Invalid property: readAccess');
    const id = (await call('POST', '/blueprint', { body: { data: {} } })).json()['id'] as string;
    expect((await call('GET', `/blueprint/${id}/webp`)).status).toBe(400);
    expect((await call('GET', `/blueprint/${id}/pdf?paperSize=B5`)).json()['error']).toMatch(/paperSize must be one of/);
    expect((await call('GET', `/blueprint/${id}/budget/csv?currency=XXX`)).status).toBe(400);
    expect((await call('PATCH', `/blueprint/${id}`)).status).toBe(405);
    expect((await call('GET', '/nowhere')).status).toBe(404);
  });

  it('limits each key to its window with 429 and Retry-After in seconds or as a date', async () => {
    s.server.setRateLimit({ requests: 2, windowMs: 60_000 });
    expect((await call('GET', '/user/me')).status).toBe(200);
    expect((await call('GET', '/user/me')).status).toBe(200);
    const limited = await call('GET', '/user/me');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^(59|60)$/);
    // Another key has its own window.
    expect((await call('GET', '/user/me', { key: s.server.keys.readOnly })).status).toBe(200);
    s.server.faults.add({ kind: 'status', status: 429, retryAfter: 'date' });
    s.server.setRateLimit(false);
    const dated = await call('GET', '/user/me');
    expect(Date.parse(dated.headers['retry-after'] as string)).toBeGreaterThan(Date.now());
  });

  it('answers 202 then 200 for a snapshot, and lets faults be added over HTTP', async () => {
    const [aws] = [...s.server.store.aws.values()];
    const path = `/aws/account/${aws!.id}/ap-south-1/json?label=false`;
    expect((await call('GET', path)).json()).toMatchObject({ code: 'STILL_PROCESSING', retry: true });
    expect((await call('GET', path)).status).toBe(200);
    expect((await call('POST', '/_mock/faults', { body: { kind: 'reset', phase: 'before', path: '/team' } })).status).toBe(204);
    await expect(call('GET', '/team')).rejects.toThrow();
    expect((await call('POST', '/_mock/faults', { body: { kind: 'explode' } })).status).toBe(400);
    expect((await call('POST', '/_mock/faults', { key: s.server.keys.readOnly, body: { kind: 'reset', phase: 'before' } })).status).toBe(401);
    const id = (await call('POST', '/blueprint', { body: { data: {} } })).json()['id'] as string;
    const edited = await call('POST', `/_mock/blueprint/${id}/edit`);
    expect(edited.json()).toMatchObject({ data: { editedInApp: 1 } });
  });

  it.each([
    [{ kind: 'status', status: 200 }, /400–599/],
    [{ kind: 'reset', phase: 'sometimes' }, /before, after or mid-body/],
    [{ kind: 'slow-headers' }, /delayMs/],
    [{ kind: 'echo-auth', count: 0 }, /count/],
  ])('rejects the fault %j', (fault, message) => {
    expect(() => validateFault(fault)).toThrow(message);
  });
});
