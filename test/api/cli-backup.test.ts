/** backup DIR (resumable, checksums) and restore DIR (idempotent) against two stand-ins. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progress } from '../../src/cli/commands/cloud/progress.js';
import { cli, ok, standIn, type StandIn } from './helpers.js';

let source: StandIn;
let target: StandIn;
let dir: string;
const ids: string[] = [];

beforeAll(async () => {
  [source, target] = await Promise.all([standIn(), standIn()]);
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta']) {
    ids.push(source.server.store.createBlueprint({ name, data: { name, grid: 'standard', nodes: [{ type: 'ec2', id: `${name}-1`, mapPos: [0, 0] }] }, tags: ['keep'] }).record.id);
  }
  dir = join(source.dir, 'backup');
});
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
});

type Index = { origin: string; complete: boolean; blueprints: { id: string; name: string; file: string; sha256: string; updatedAt: string }[] };
const index = (): Index => JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
function since(s: StandIn): () => typeof s.server.requests {
  const start = s.server.requests.length;
  return () => s.server.requests.slice(start);
}

describe('backup', () => {
  it('saves every blueprint with a checksum index', async () => {
    const r = ok(await cli(['backup', dir, ...source.args]));
    expect(r.stderr).toContain(`${dir}: 4 blueprints (4 fetched, 0 unchanged since the last backup)`);
    const idx = index();
    expect(idx).toMatchObject({ origin: `https://127.0.0.1:${source.server.port}`, complete: true });
    expect(idx.blueprints.map((b) => b.name).sort()).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    for (const b of idx.blueprints) {
      const text = readFileSync(join(dir, b.file), 'utf8');
      expect(JSON.parse(text)).toMatchObject({ id: b.id, name: b.name, data: { nodes: [{ type: 'ec2' }] } });
      expect(b.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    }
    expect(ok(await cli(['backup', dir, '--verify'])).stderr).toContain('4 blueprints, all checksums match');
  });

  it('fetches only what changed on a re-run, and keeps files of deleted blueprints', async () => {
    let seen = since(source);
    expect(JSON.parse(ok(await cli(['backup', dir, '--json', ...source.args])).stdout)).toMatchObject({ blueprints: 4, fetched: 0, unchanged: 4 });
    expect(seen().map((q) => `${q.method} ${q.path}`)).toEqual(['GET /blueprint']);

    const beta = source.server.store.blueprints.get(ids[1]!)!;
    await new Promise((r) => setTimeout(r, 5)); // a later updatedAt
    source.server.store.updateBlueprint(beta, { data: { ...beta.record.data, note: 'changed' } });
    const extra = source.server.store.createBlueprint({ name: 'Epsilon', data: { name: 'Epsilon', nodes: [] } }).record.id;
    seen = since(source);
    ok(await cli(['backup', dir, ...source.args]));
    expect(seen().filter((q) => q.path !== '/blueprint').map((q) => q.path).sort()).toEqual([`/blueprint/${ids[1]}`, `/blueprint/${extra}`].sort());

    source.server.store.blueprints.delete(extra);
    const r = ok(await cli(['backup', dir, ...source.args]));
    expect(r.stderr).toMatch(/1 blueprint no longer exists in Cloudcraft; their files were kept: blueprints\/.*\.json/);
    expect(index().blueprints).toHaveLength(4);
    expect(existsSync(join(dir, 'blueprints', `${extra}.json`))).toBe(true);
  });

  it('resumes after an interrupted run without fetching again what it already saved', async () => {
    const fresh = join(source.dir, 'interrupted');
    const sorted = [...ids].sort();
    source.server.faults.add({ kind: 'status', status: 503, count: 10, method: 'GET', path: `/blueprint/${sorted[2]}` });
    const failed = await cli(['backup', fresh, '--max-retries', '1', ...source.args]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/503 Service Unavailable/);
    const partial = JSON.parse(readFileSync(join(fresh, 'index.json'), 'utf8')) as Index;
    expect(partial.complete).toBe(false);
    expect(partial.blueprints.map((b) => b.id)).toEqual(sorted.slice(0, 2));
    expect((await cli(['backup', fresh, '--verify'])).stderr).toMatch(/did not finish/);

    source.server.faults.clear();
    const seen = since(source);
    ok(await cli(['backup', fresh, ...source.args]));
    expect(seen().filter((q) => q.path !== '/blueprint').map((q) => q.path)).toEqual(sorted.slice(2).map((i) => `/blueprint/${i}`));
  });

  it('draws a progress bar on a terminal only', () => {
    const written: string[] = [];
    const fake = { isTTY: true, columns: 60, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const bar = progress(true, fake);
    bar.update(1, 4, 'Alpha');
    bar.end();
    expect(written[0]).toMatch(/^\r\[#{6}-{18}\] 1\/4 Alpha +$/);
    expect(written[1]).toBe('\r\x1b[K');
    const quiet: string[] = [];
    progress(true, { isTTY: false, write: (s: string) => quiet.push(s) } as unknown as NodeJS.WriteStream).update(1, 2, 'x');
    expect(quiet).toEqual([]);
  });
});

describe('restore', () => {
  it('creates every blueprint in another account, then does nothing on a second run', async () => {
    const dry = JSON.parse(ok(await cli(['restore', dir, '--dry-run', '--json', ...target.args])).stdout);
    expect(dry.items.map((i: { action: string }) => i.action)).toEqual(['would-create', 'would-create', 'would-create', 'would-create']);
    expect(target.server.store.blueprints.size).toBe(0);

    const r = ok(await cli(['restore', dir, '--backup-dir', join(target.dir, 'overwritten'), ...target.args]));
    expect(r.stderr).toContain('4 created, 0 updated, 0 unchanged');
    const restored = [...target.server.store.blueprints.values()];
    expect(restored.map((b) => b.record.name).sort()).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect(restored.every((b) => b.record.tags?.includes('keep'))).toBe(true);
    const beta = restored.find((b) => b.record.name === 'Beta')!;
    expect(beta.record.data['note']).toBe('changed');

    const seen = since(target);
    expect(ok(await cli(['restore', dir, ...target.args])).stderr).toContain('0 created, 0 updated, 4 unchanged');
    expect(seen().filter((q) => q.method !== 'GET')).toEqual([]);
  });

  it('updates a changed blueprint after saving it, and re-creates a deleted one', async () => {
    const restored = [...target.server.store.blueprints.values()];
    const alpha = restored.find((b) => b.record.name === 'Alpha')!;
    target.server.store.updateBlueprint(alpha, { data: { ...alpha.record.data, nodes: [] } });
    const gamma = restored.find((b) => b.record.name === 'Gamma')!;
    target.server.store.blueprints.delete(gamma.record.id);
    const overwritten = join(target.dir, 'overwritten');

    const dry = ok(await cli(['restore', dir, '--dry-run', ...target.args]));
    expect(dry.stdout).toMatch(/^would-update +\S+ +Alpha$/m);
    expect(dry.stdout).toMatch(/^would-create +\(new\) +Gamma$/m);

    const r = ok(await cli(['restore', dir, '--backup-dir', overwritten, ...target.args]));
    expect(r.stderr).toContain('1 created, 1 updated, 2 unchanged');
    expect(r.stdout).toMatch(new RegExp(`^updated +${alpha.record.id} +Alpha +\\(previous version: ${overwritten}/.*\\.json\\)$`, 'm'));
    expect((alpha.record.data['nodes'] as unknown[]).length).toBe(1);
    expect(ok(await cli(['restore', dir, ...target.args])).stderr).toContain('4 unchanged');
  });

  it('updates in place when restoring into the same account', async () => {
    const alpha = source.server.store.blueprints.get(ids[0]!)!;
    source.server.store.updateBlueprint(alpha, { data: { ...alpha.record.data, nodes: [] } });
    const before = source.server.store.blueprints.size;
    const r = ok(await cli(['restore', dir, '--backup-dir', join(source.dir, 'over'), ...source.args]));
    expect(r.stderr).toContain('0 created, 1 updated');
    expect(source.server.store.blueprints.size).toBe(before);
  });

  it('refuses a tampered backup before sending anything', async () => {
    const idx = index();
    const file = join(dir, idx.blueprints[0]!.file);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"name": "[^"]+"/, '"name": "Tampered"'));
    const verify = await cli(['backup', dir, '--verify']);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain(`${file}: checksum mismatch`);
    const seen = since(target);
    const r = await cli(['restore', dir, ...target.args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/backup cannot be restored; nothing was sent/);
    expect(seen()).toEqual([]);
  });
});
