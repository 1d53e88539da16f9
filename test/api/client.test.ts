/** Every endpoint of the client against the stand-in over real HTTPS. */
import { describe, expect, it } from 'vitest';
import { CloudcraftApiError, CloudcraftConfigError, CloudcraftInputError, CloudcraftNetworkError, RemoteChangedError, SnapshotTimeoutError } from '../../src/api/errors.js';
import { CloudcraftClient } from '../../src/api/client.js';
import { type StandIn, standInForFile } from './helpers.js';

let s!: StandIn;
standInForFile((started) => {
  s = started;
});

const data = (name: string) => ({ name, grid: 'standard', nodes: [{ type: 'ec2', id: 'n1', region: 'us-east-1', mapPos: [0, 0], instanceType: 'm5', instanceSize: 'large' }], edges: [] });

describe('blueprints', () => {
  it('creates, lists, reads with ETag, updates with If-Match and deletes', async () => {
    const c = s.client();
    const created = await c.blueprints.create({ name: 'One', data: data('One'), tags: ['t'], readAccess: ['team/abc'] });
    expect(created.value.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.etag).toBeTruthy();
    expect(created.value).toMatchObject({ name: 'One', tags: ['t'], readAccess: ['team/abc'], data: { version: 4, name: 'One' } });
    expect((await c.blueprints.list()).map((b) => b.id)).toContain(created.value.id);
    expect((await c.blueprints.list())[0]).not.toHaveProperty('data');

    const got = await c.blueprints.get(created.value.id);
    expect(got.etag).toBe(created.etag);
    const updated = await c.blueprints.update(created.value.id, { data: data('Two') }, got.etag);
    expect(updated.etag).not.toBe(got.etag);
    expect((await c.blueprints.get(created.value.id)).value).toMatchObject({ name: 'Two', readAccess: ['team/abc'] });
    expect(s.server.requests.filter((r) => r.method === 'PUT').at(-1)?.ifMatch).toBe(got.etag);

    await expect(c.blueprints.update(created.value.id, { data: data('Three') }, got.etag)).rejects.toBeInstanceOf(RemoteChangedError);
    await c.blueprints.delete(created.value.id);
    const gone = await c.blueprints.get(created.value.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(CloudcraftApiError);
    expect((gone as CloudcraftApiError).status).toBe(404);
    expect((gone as Error).message).toMatch(/404 Not Found: Blueprint not found/);
  });

  it('refuses ids that would change the request path, and reports malformed ids from the server', async () => {
    const c = s.client();
    await expect(c.blueprints.get('../user/me')).rejects.toBeInstanceOf(CloudcraftInputError);
    await expect(c.blueprints.get('not-a-uuid')).rejects.toMatchObject({ status: 400, reason: 'invalid_parameter' });
  });

  it('exports svg, png, pdf and mxGraph with parameters, and the budget as csv and xlsx', async () => {
    const c = s.client();
    const { value } = await c.blueprints.create({ data: data('Export') });
    const svg = await c.blueprints.exportImage(value.id, 'svg', { width: 30, height: 20, grid: true, transparent: true });
    expect(svg.contentType).toBe('image/svg+xml');
    const text = svg.body.toString();
    expect(text.startsWith('<?xml version="1.0" standalone="no"?>\n<!DOCTYPE svg')).toBe(true);
    expect(text).toContain('width="30"');
    expect(text).toContain('fill="url(#gridPatternMajor)"');
    expect(text).toContain('id="interactionLayer"');
    const png = await c.blueprints.exportImage(value.id, 'png', { width: 64, height: 32, scale: 0.5 });
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    expect([png.body.readUInt32BE(16), png.body.readUInt32BE(20)]).toEqual([32, 16]);
    const pdf = await c.blueprints.exportImage(value.id, 'pdf', { paperSize: 'A3', landscape: true });
    expect(pdf.body.toString('latin1')).toMatch(/^%PDF-1\.4[\s\S]*MediaBox \[0 0 1191 842\][\s\S]*%%EOF\n$/);
    const mx = await c.blueprints.exportImage(value.id, 'mxGraph');
    expect(mx.body.toString()).toContain('<mxGraphModel>');
    expect(s.server.requests.at(-3)?.path).toBe(`/blueprint/${value.id}/png`);
    await expect(c.blueprints.exportImage(value.id, 'svg', { width: -1 })).rejects.toMatchObject({ status: 400 });

    const csv = await c.blueprints.exportBudget(value.id, 'csv', { currency: 'EUR', period: 'y', rate: 'effective' });
    expect(csv.body.toString().split('\n')[0]).toMatch(/^category,type,region,count,unitPrice,cost,/);
    expect(csv.body.toString()).toContain('Compute,ec2,us-east-1,1,840.96');
    const xlsx = await c.blueprints.exportBudget(value.id, 'xlsx');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.contentType).toMatch(/spreadsheetml/);
  });
});

describe('accounts, user and teams', () => {
  it('manages AWS accounts and reads the IAM role parameters and policies', async () => {
    const c = s.client();
    const acct = await c.aws.create({ name: 'Prod', roleArn: 'arn:aws:iam::111122223333:role/cloudcraft', region: 'eu-west-1' });
    expect(acct).toMatchObject({ name: 'Prod', source: 'aws' });
    expect((await c.aws.list()).map((a) => a.id)).toContain(acct.id);
    expect(await c.aws.update(acct.id, { name: 'Production', roleArn: acct.roleArn })).toMatchObject({ name: 'Production' });
    await expect(c.aws.create({ name: 'Bad', roleArn: 'arn:nope' })).rejects.toMatchObject({ status: 400, reason: 'invalid_property' });
    expect(await c.aws.iamParameters()).toMatchObject({ accountId: expect.any(String), externalId: expect.any(String) });
    expect((await c.aws.iamPolicy('minimal')).Version).toBe('2012-10-17');
    expect((await c.aws.iamPolicy('custom')).Statement.length).toBeGreaterThan(0);
    await c.aws.delete(acct.id);
    expect((await c.aws.list()).map((a) => a.id)).not.toContain(acct.id);
  });

  it('manages Azure accounts', async () => {
    const c = s.client();
    const body = { name: 'Sub', applicationId: 'a', directoryId: 'd', subscriptionId: 'sub1', clientSecret: 'shh' };
    const acct = await c.azure.create(body);
    expect(acct).toMatchObject({ name: 'Sub', source: 'azure' });
    expect(await c.azure.update(acct.id, { ...body, name: 'Sub 2' })).toMatchObject({ name: 'Sub 2' });
    await c.azure.delete(acct.id);
    expect((await c.azure.list()).every((a) => a.id !== acct.id)).toBe(true);
  });

  it('snapshots an account through the 202 long poll, with filters', async () => {
    const c = s.client();
    const [aws] = await c.aws.list();
    const progress: number[] = [];
    const json = await c.aws.snapshot(aws!.id, 'us-east-1', 'json', { filter: 'env=prod', exclude: ['s3'], projection: '2d', label: false }, { onProgress: (p) => progress.push(p.polls) });
    expect(progress).toEqual([1]);
    const shot = JSON.parse(json.body.toString()) as { data: { nodes: { type: string }[]; text: unknown[]; projection: string } };
    expect(shot.data.nodes.map((n) => n.type).sort()).toEqual(['ec2', 'ec2', 'rds']);
    expect(shot.data.text).toEqual([]);
    expect(shot.data.projection).toBe('2d');
    const snapshotCalls = s.server.requests.filter((r) => r.path.endsWith('/us-east-1/json'));
    expect(snapshotCalls.map((r) => r.status)).toEqual([202, 200]);

    const [azure] = await c.azure.list();
    const svg = await c.azure.snapshot(azure!.id, 'eastus', 'svg');
    expect(svg.body.toString()).toContain('<svg');
    await expect(c.aws.snapshot(aws!.id, 'mars-1', 'json')).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Invalid region parameter: mars-1/) });
  });

  it('gives up a snapshot at the deadline with a message saying it continues remotely', async () => {
    s.server.store.snapshotJobs.clear();
    const c = s.client({ longPoll: { pollIntervalMs: 20 } });
    const [aws] = await c.aws.list();
    const slow = await startSlowSnapshot();
    const err = await c.aws.snapshot(aws!.id, 'eu-west-1', 'png', {}, { deadlineMs: 60 }).catch((e: unknown) => e);
    slow();
    expect(err).toBeInstanceOf(SnapshotTimeoutError);
    expect((err as Error).message).toMatch(/still processing .* running the same command again later picks up the result/);
  });

  it('reads the user and teams', async () => {
    const c = s.client();
    expect(await c.me()).toMatchObject({ name: 'Stand-in User', email: expect.stringContaining('@') });
    const teams = await c.teams();
    expect(teams[0]).toMatchObject({ name: 'Stand-in Team', role: 'admin' });
    expect(teams[0]!.members?.length).toBe(1);
  });
});

/** Makes every snapshot need many polls until the returned function is called. */
async function startSlowSnapshot(): Promise<() => void> {
  const jobs = s.server.store.snapshotJobs;
  const original = jobs.get.bind(jobs);
  jobs.get = (k: string) => original(k) ?? 1000;
  return () => {
    jobs.get = original;
  };
}

describe('credentials and trust', () => {
  it('lets a read-only key read and answers 403 to its writes', async () => {
    const c = s.client({ apiKey: s.server.keys.readOnly });
    expect(Array.isArray(await c.blueprints.list())).toBe(true);
    const err = await c.blueprints.create({ data: data('x') }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, reason: 'insufficient_privileges' });
    expect((err as Error).message).toMatch(/read-only key cannot create/);
  });

  it('explains a missing key before sending anything, and a rejected one after', async () => {
    const before = s.server.requests.length;
    const noKey = new CloudcraftClient({ host: '127.0.0.1', port: s.server.port, ca: s.server.caFile, env: {}, rateLimit: 'off' });
    await expect(noKey.me()).rejects.toBeInstanceOf(CloudcraftConfigError);
    await expect(noKey.me()).rejects.toThrow(/no API key: set CLOUDCRAFT_API_KEY/);
    await noKey.close();
    expect(s.server.requests.length).toBe(before);
    const wrong = s.client({ apiKey: 'x'.repeat(44) });
    await expect(wrong.me()).rejects.toMatchObject({ status: 401, message: expect.stringMatching(/check CLOUDCRAFT_API_KEY/) });
  });

  it('verifies the certificate: without the stand-in CA the connection fails and is not retried', async () => {
    const c = s.client({ ca: undefined, maxRetries: 3 });
    const before = s.server.requests.length;
    const err = await c.me().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudcraftNetworkError);
    expect((err as Error).message).toMatch(/TLS certificate not trusted .* --ca FILE/);
    expect((err as CloudcraftNetworkError).attempts).toBe(1);
    expect(s.server.requests.length).toBe(before);
  });

  it('speaks plain http only when allowed, and HTTPS clients reach the stand-in by name too', async () => {
    expect(() => new CloudcraftClient({ protocol: 'http', host: '127.0.0.1', port: s.server.port, env: {} })).toThrow(/--insecure-http/);
    const byName = s.client({ host: 'localhost' });
    expect((await byName.me()).name).toBe('Stand-in User');
  });
});
