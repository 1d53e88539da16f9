/** `upload` end to end against the stand-in: create, update in place, conflicts, sharing, dry runs. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, cliProcess, ok, type StandIn, standInForFile, writeTemplate } from './helpers.js';

let s!: StandIn;
let n = 0;
/** A fresh folder per test: template, state file and backup folder. */
let dir: string;
let template: string;
let flags: string[];

standInForFile((started) => {
  s = started;
});
beforeEach(() => {
  s.server.faults.clear();
  dir = join(s.dir, `case-${++n}`);
  mkdirSync(dir);
  template = writeTemplate(dir);
  flags = ['--state', join(dir, 'state.json'), '--backup-dir', join(dir, 'backups'), ...s.args];
});

function state(): { uploads: { id: string; etag: string; key: string; origin: string; name: string }[] } {
  return JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
}
const remote = (id: string) => s.server.store.blueprints.get(id)!;
function since(): () => typeof s.server.requests {
  const start = s.server.requests.length;
  return () => s.server.requests.slice(start);
}

describe('upload: create, then update in place', () => {
  it('converts, creates and prints the id and app URL, recording id and ETag', async () => {
    const r = ok(await cli(['upload', template, '--name', 'Shop', ...flags]));
    const [record] = state().uploads;
    expect(record).toMatchObject({ key: 'stack.json', origin: `https://127.0.0.1:${s.server.port}`, name: 'Shop' });
    expect(r.stdout).toBe(`created blueprint "Shop" ${record!.id}\nhttps://app.cloudcraft.co/blueprint/${record!.id}\n`);
    expect(record!.etag).toBe(s.server.store.etag(remote(record!.id)));
    expect(remote(record!.id).record.tags).toEqual([expect.stringMatching(/^cloudcraft-convert:[0-9a-f]{12}$/)]);
    expect(remote(record!.id).record.data['nodes']).toHaveLength(2);
  });

  it('leaves an unchanged blueprint alone, and updates a changed one with If-Match after saving the remote copy', async () => {
    ok(await cli(['upload', template, ...flags]));
    const { id, etag } = state().uploads[0]!;
    let seen = since();
    const again = ok(await cli(['upload', template, ...flags]));
    expect(again.stdout).toContain('is already up to date');
    expect(seen().map((r) => r.method)).toEqual(['GET']);

    writeTemplate(dir, 'stack.json', { Queue: { Type: 'AWS::SQS::Queue' } });
    seen = since();
    const r = ok(await cli(['upload', template, ...flags]));
    expect(r.stdout).toMatch(/^updated blueprint/);
    const put = seen().find((q) => q.method === 'PUT')!;
    expect(put.ifMatch).toBe(etag);
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(r.stderr).toContain(`previous version saved to ${join(dir, 'backups', backups[0]!)}`);
    expect(JSON.parse(readFileSync(join(dir, 'backups', backups[0]!), 'utf8')).data.nodes).toHaveLength(2);
    expect(state().uploads[0]).toMatchObject({ id, etag: s.server.store.etag(remote(id)) });
    expect(s.server.store.blueprints.size).toBeGreaterThan(0);
    expect([...s.server.store.blueprints.values()].filter((b) => b.record.id === id)).toHaveLength(1);
  });

  it('stops with exit 1 when the blueprint was edited in Cloudcraft, and overwrites with --force after a backup', async () => {
    ok(await cli(['upload', template, ...flags]));
    const { id } = state().uploads[0]!;
    s.server.store.updateBlueprint(remote(id), { data: { ...remote(id).record.data, editedInApp: 1 } });
    writeTemplate(dir, 'stack.json', { Queue: { Type: 'AWS::SQS::Queue' } });
    const seen = since();
    const r = await cli(['upload', template, ...flags]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/blueprint .* was changed in Cloudcraft since our last upload .*nothing was uploaded. Re-run with --force/);
    expect(seen().some((q) => q.method === 'PUT')).toBe(false);
    expect(remote(id).record.data['editedInApp']).toBe(1);

    const forced = ok(await cli(['upload', template, '--force', ...flags]));
    expect(forced.stdout).toMatch(/^updated/);
    expect(remote(id).record.data['editedInApp']).toBeUndefined();
    const [backup] = readdirSync(join(dir, 'backups'));
    expect(JSON.parse(readFileSync(join(dir, 'backups', backup!), 'utf8')).data.editedInApp).toBe(1);
  });

  it('puts a saved remote version back with upload <backup> --id --force', async () => {
    ok(await cli(['upload', template, ...flags]));
    const { id } = state().uploads[0]!;
    writeTemplate(dir, 'stack.json', { Queue: { Type: 'AWS::SQS::Queue' } });
    const r = JSON.parse(ok(await cli(['upload', template, '--json', ...flags])).stdout);
    expect((remote(id).record.data['nodes'] as unknown[]).length).toBe(3);
    ok(await cli(['upload', r.backup, '--id', id, '--force', '--state', join(dir, 'restore-state.json'), '--backup-dir', join(dir, 'backups'), ...s.args]));
    expect((remote(id).record.data['nodes'] as unknown[]).length).toBe(2);
  });

  it('stops on a 412 race during the PUT; --force reads, backs up and tries again', async () => {
    ok(await cli(['upload', template, ...flags]));
    writeTemplate(dir, 'stack.json', { Queue: { Type: 'AWS::SQS::Queue' } });
    s.server.faults.add({ kind: 'status', status: 412, method: 'PUT' });
    const r = await cli(['upload', template, ...flags]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was changed in Cloudcraft while we were uploading \(412\); nothing was overwritten/);
    s.server.faults.add({ kind: 'status', status: 412, method: 'PUT' });
    const seen = since();
    ok(await cli(['upload', template, '--force', ...flags]));
    expect(seen().filter((q) => q.method === 'PUT').map((q) => q.status)).toEqual([412, 204]);
  });

  it('with --id and no record, updates that blueprint conditional on the ETag just read', async () => {
    const other = s.server.store.createBlueprint({ name: 'Existing', data: { name: 'Existing', nodes: [] } });
    const read = s.server.store.etag(other);
    const seen = since();
    const r = ok(await cli(['upload', template, '--id', other.record.id, '--name', 'Replaced', '--json', ...flags]));
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, action: 'updated', id: other.record.id, url: `https://app.cloudcraft.co/blueprint/${other.record.id}` });
    expect(seen().find((q) => q.method === 'PUT')!.ifMatch).toBe(read);
    expect(remote(other.record.id).record.name).toBe('Replaced');
    expect(state().uploads[0]!.id).toBe(other.record.id);
  });

  it('creates a new blueprint when the recorded one was deleted in Cloudcraft', async () => {
    ok(await cli(['upload', template, ...flags]));
    const { id } = state().uploads[0]!;
    s.server.store.blueprints.delete(id);
    const r = ok(await cli(['upload', template, ...flags]));
    expect(r.stderr).toMatch(/no longer exists in Cloudcraft; creating a new one/);
    expect(state().uploads[0]!.id).not.toBe(id);
  });
});

describe('upload: options', () => {
  it('shares with teams and customers, tags, and unshares with []', async () => {
    const team = 'team/5f209338-50a1-495f-90dd-73251dec7329';
    ok(await cli(['upload', template, '--read-access', `${team},customer/c-1`, '--write-access', team, '--tag', 'prod', '--tag', 'infra', ...flags]));
    const { id } = state().uploads[0]!;
    expect(remote(id).record).toMatchObject({ readAccess: [team, 'customer/c-1'], writeAccess: [team] });
    expect(remote(id).record.tags).toEqual(['prod', 'infra', expect.stringMatching(/^cloudcraft-convert:/)]);
    ok(await cli(['upload', template, ...flags]));
    expect(remote(id).record.readAccess).toEqual([team, 'customer/c-1']);
    ok(await cli(['upload', template, '--read-access', '[]', '--write-access', '[]', ...flags]));
    expect(remote(id).record).toMatchObject({ readAccess: [], writeAccess: [] });
  });

  it.each([
    [['--read-access', 'teams/abc'], /--read-access "teams\/abc": expected team\/<id> or customer\/<id>/],
    [['--write-access', 'team/ok', '--write-access', 'nope'], /--write-access "nope"/],
    [['--read-access', '[]', '--read-access', 'team/x'], /cannot be combined/],
  ])('refuses invalid sharing %j before sending anything', async (extra, message) => {
    const seen = since();
    const r = await cli(['upload', template, ...extra, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(seen()).toEqual([]);
  });

  it('prints the requests with --dry-run and sends nothing, even without a key', async () => {
    const seen = since();
    const r = ok(await cli(['upload', template, '--dry-run', '--name', 'Dry', '--state', join(dir, 'state.json'), '--host', '127.0.0.1', '--port', String(s.server.port)]));
    const dump = JSON.parse(r.stdout);
    expect(dump.requests).toHaveLength(1);
    expect(dump.requests[0]).toMatchObject({ method: 'POST', url: `https://127.0.0.1:${s.server.port}/blueprint`, body: { name: 'Dry' } });
    expect(dump.requests[0].headers.authorization).toBe('Bearer <no API key configured>');
    expect(r.stderr).toContain('dry run: nothing was sent');
    expect(seen()).toEqual([]);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);

    ok(await cli(['upload', template, ...flags]));
    const update = JSON.parse(ok(await cli(['upload', template, '--dry-run', ...flags])).stdout);
    expect(update.requests.map((q: { method: string }) => q.method)).toEqual(['GET', 'PUT']);
    expect(update.requests[1].headers).toMatchObject({ authorization: 'Bearer <redacted>', 'if-match': state().uploads[0]!.etag });
  });

  it('uploads a blueprint JSON as it is, after validating it', async () => {
    const file = join(dir, 'bp.blueprint.json');
    ok(await cli(['convert', template, '-o', file, '--name', 'From file']));
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const r = ok(await cli(['upload', file, ...flags]));
    const { id } = state().uploads[0]!;
    expect(r.stdout).toContain('created blueprint "From file"');
    expect(remote(id).record.data['nodes']).toEqual(doc.data.nodes);
    expect(state().uploads[0]!.key).toBe('bp.blueprint.json');

    doc.data.edges.push({ id: 'e1', type: 'edge', from: 'nowhere', to: doc.data.nodes[0].id });
    writeFileSync(file, JSON.stringify(doc));
    const seen = since();
    const bad = await cli(['upload', file, ...flags]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/dangling-edge/);
    expect(bad.stderr).toMatch(/not a valid blueprint; nothing was uploaded/);
    expect(seen()).toEqual([]);
  });

  it('sends nothing when the conversion fails', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'Resources:\n  A: [\n');
    const seen = since();
    const r = await cli(['upload', broken, ...flags]);
    expect(r.code).toBe(2);
    expect(seen()).toEqual([]);
  });

  it('explains a missing key and a read-only key', async () => {
    const noKey = await cli(['upload', template, '--state', join(dir, 'state.json'), '--host', '127.0.0.1', '--port', String(s.server.port), '--ca', s.server.caFile]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/no API key: set CLOUDCRAFT_API_KEY/);
    const ro = await cli(['upload', template, '--state', join(dir, 'state.json'), '--backup-dir', join(dir, 'backups'), ...s.readOnlyArgs]);
    expect(ro.code).toBe(2);
    expect(ro.stderr).toMatch(/POST \/blueprint: 403 Forbidden: API key does not have sufficient permissions: .*read-only key/);
  });

  it('creates every time with --no-state', async () => {
    const before = s.server.store.blueprints.size;
    ok(await cli(['upload', template, ...flags, '--no-state']));
    ok(await cli(['upload', template, ...flags, '--no-state']));
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    expect(s.server.store.blueprints.size).toBe(before + 2);
  });

  it('keeps stdin uploads out of the state file unless given --state-key', async () => {
    const text = readFileSync(template, 'utf8');
    const plain = await cliProcess(['upload', '-', ...flags], { input: text });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toMatch(/not remembered in the state file; pass --state-key/);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    const keyed = await cliProcess(['upload', '-', '--state-key', 'piped', ...flags], { input: text });
    expect(keyed.code, keyed.stderr).toBe(0);
    expect(state().uploads.map((u) => u.key)).toEqual(['piped']);
  });
});
