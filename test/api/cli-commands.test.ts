/** blueprint list|get|export|delete, budget, account list|snapshot, whoami, team against the stand-in. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ok, type StandIn, standInForFile } from './helpers.js';

let s!: StandIn;
let id: string;
standInForFile(async (started) => {
  s = started;
  id = s.server.store.createBlueprint({
    name: 'Shop', data: { name: 'Shop', grid: 'standard', nodes: [{ type: 'ec2', id: 'n1', region: 'us-east-1', mapPos: [1, 1], instanceType: 't3', instanceSize: 'micro' }] },
  }).record.id;
  s.server.store.createBlueprint({ name: 'Analytics', data: { name: 'Analytics', nodes: [] } });
});

describe('blueprint', () => {
  it('lists by name, as text or JSON', async () => {
    const r = ok(await cli(['blueprint', 'list', ...s.args]));
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s{2,}/).at(-1))).toEqual(['Analytics', 'Shop']);
    expect(lines[1]).toMatch(new RegExp(`^${id}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  Shop$`));
    const json = JSON.parse(ok(await cli(['blueprint', 'list', '--json', ...s.args])).stdout);
    expect(json.map((b: { name: string }) => b.name)).toEqual(['Analytics', 'Shop']);
  });

  it('gets a blueprint to stdout or a file, with its ETag', async () => {
    const r = ok(await cli(['blueprint', 'get', id, ...s.args]));
    expect(JSON.parse(r.stdout)).toMatchObject({ id, name: 'Shop', data: { nodes: [{ id: 'n1' }] } });
    const etag = s.server.store.etag(s.server.store.blueprints.get(id)!);
    expect(r.stderr).toContain(`ETag ${etag}`);
    const file = join(s.dir, 'got.json');
    const j = JSON.parse(ok(await cli(['blueprint', 'get', id, '-o', file, '--json', ...s.args])).stdout);
    expect(j).toEqual({ ok: true, id, etag, output: file });
    expect(JSON.parse(readFileSync(file, 'utf8')).id).toBe(id);
    const missing = await cli(['blueprint', 'get', '00000000-0000-4000-8000-00000000ffff', ...s.args]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/404 Not Found: Blueprint not found/);
  });

  it('exports each format, picked by --format or by the file extension, with image options', async () => {
    for (const [file, magic] of [['d.svg', '<?xml'], ['d.png', '\x89PNG'], ['d.pdf', '%PDF'], ['d.xml', '<mxGraphModel']] as const) {
      const out = join(s.dir, file);
      ok(await cli(['blueprint', 'export', id, '-o', out, '--width', '120', '--height', '80', '--grid', ...s.args]));
      expect(readFileSync(out, 'latin1').startsWith(magic)).toBe(true);
    }
    const svg = ok(await cli(['blueprint', 'export', id, '--format', 'svg', '--transparent', '--scale', '0.5', '--width', '200', ...s.args]));
    expect(svg.stdout).toContain('width="100"');
    expect(s.server.requests.at(-1)).toMatchObject({ path: `/blueprint/${id}/svg` });
    const bad = await cli(['blueprint', 'export', id, '--paper-size', 'B5', ...s.args]);
    expect(bad.code).toBe(2);
  });

  it('deletes after saving a copy, and --dry-run changes nothing', async () => {
    const doomed = s.server.store.createBlueprint({ name: 'Doomed', data: { name: 'Doomed', nodes: [] } }).record.id;
    const backups = join(s.dir, 'deleted');
    const dry = ok(await cli(['blueprint', 'delete', doomed, '--dry-run', '--backup-dir', backups, ...s.args]));
    expect(dry.stderr).toContain(`would delete "Doomed" ${doomed}`);
    expect(s.server.store.blueprints.has(doomed)).toBe(true);
    const r = ok(await cli(['blueprint', 'delete', doomed, '--backup-dir', backups, ...s.args]));
    expect(s.server.store.blueprints.has(doomed)).toBe(false);
    const [copy] = readdirSync(backups);
    expect(r.stderr).toContain(`deleted "Doomed" ${doomed}; a copy is in ${join(backups, copy!)}`);
    expect(JSON.parse(readFileSync(join(backups, copy!), 'utf8'))).toMatchObject({ id: doomed, name: 'Doomed' });
    const ro = await cli(['blueprint', 'delete', id, '--backup-dir', backups, ...s.readOnlyArgs]);
    expect(ro.code).toBe(2);
    expect(ro.stderr).toMatch(/403 Forbidden/);
    expect(s.server.store.blueprints.has(id)).toBe(true);
  });

  it('asks for a subcommand', async () => {
    const r = await cli(['blueprint', ...s.args]);
    expect(r.code).toBe(2);
  });
});

describe('budget', () => {
  it('exports CSV to stdout and XLSX to a file with currency, period and rate', async () => {
    const csv = ok(await cli(['budget', id, '--currency', 'EUR', '--period', 'd', '--rate', 'effective', ...s.args]));
    expect(csv.stdout.split('\n')[0]).toMatch(/^category,type,region,count,unitPrice,cost/);
    expect(s.server.requests.at(-1)!.path).toBe(`/blueprint/${id}/budget/csv`);
    const xlsx = join(s.dir, 'budget.xlsx');
    const j = JSON.parse(ok(await cli(['budget', id, '-o', xlsx, '--json', ...s.args])).stdout);
    expect(j).toMatchObject({ ok: true, format: 'xlsx', output: xlsx });
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('account', () => {
  it('lists AWS and Azure accounts', async () => {
    const r = ok(await cli(['account', 'list', ...s.args]));
    expect(r.stdout).toMatch(/^aws {4}[0-9a-f-]{36} {2}Stand-in AWS {2}\(arn:aws:iam::123456789012:role\/cloudcraft\)$/m);
    expect(r.stdout).toMatch(/^azure {2}[0-9a-f-]{36} {2}Stand-in Azure/m);
    const azure = JSON.parse(ok(await cli(['account', 'list', '--provider', 'azure', '--json', ...s.args])).stdout);
    expect(azure).toEqual([expect.objectContaining({ provider: 'azure', name: 'Stand-in Azure' })]);
  });

  it('snapshots AWS to a blueprint JSON (waiting through 202s) that upload accepts', async () => {
    const [aws] = [...s.server.store.aws.values()];
    const file = join(s.dir, 'live.json');
    const r = ok(await cli(['account', 'snapshot', aws!.id, 'eu-west-1', '-o', file, '--exclude', 's3', '--no-label', ...s.args]));
    expect(r.stderr).toMatch(/scanning aws .* eu-west-1: still processing after \d+ s \(poll 1\)/);
    expect(r.stderr).toContain(`wrote ${file} (json,`);
    const shot = JSON.parse(readFileSync(file, 'utf8'));
    expect(shot.data.nodes.map((n: { type: string }) => n.type)).toEqual(['ec2', 'ec2', 'ec2', 'rds']);
    expect(shot.data.text).toEqual([]);
    const up = ok(await cli(['upload', file, '--state', join(s.dir, 'snap-state.json'), ...s.args]));
    expect(up.stdout).toContain('created blueprint "Stand-in AWS eu-west-1"');
  });

  it('snapshots Azure as an image, finding the provider by id', async () => {
    const [azure] = [...s.server.store.azure.values()];
    const file = join(s.dir, 'azure.png');
    ok(await cli(['account', 'snapshot', azure!.id, 'westeurope', '-o', file, '--width', '50', '--height', '40', ...s.args]));
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    const unknown = await cli(['account', 'snapshot', '00000000-0000-4000-8000-0000000000aa', 'us-east-1', ...s.args]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no AWS or Azure account/);
  });

  it('gives up at --deadline with a clear message', async () => {
    const [aws] = [...s.server.store.aws.values()];
    const jobs = s.server.store.snapshotJobs;
    const get = jobs.get.bind(jobs);
    jobs.get = (k: string) => get(k) ?? 100;
    try {
      const r = await cli(['account', 'snapshot', aws!.id, 'us-west-2', '--provider', 'aws', '--deadline', '300ms', ...s.args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/snapshot still processing after \d+ s and \d+ polls?/);
    } finally {
      jobs.get = get;
    }
  });
});

describe('whoami and team', () => {
  it('shows the user and teams', async () => {
    expect(ok(await cli(['whoami', ...s.args])).stdout).toMatch(/^Stand-in User <user@stand-in.invalid> [0-9a-f-]{36}\n$/);
    expect(JSON.parse(ok(await cli(['whoami', '--json', ...s.readOnlyArgs])).stdout)).toMatchObject({ name: 'Stand-in User' });
    const team = ok(await cli(['team', ...s.args]));
    expect(team.stdout).toMatch(/^team\/[0-9a-f-]{36} {2}Stand-in Team \(you: admin\)\n {2}Stand-in User <user@stand-in.invalid> admin\n$/);
  });

  it('fails clearly when the server cannot be trusted or reached', async () => {
    const untrusted = await cli(['whoami', '--host', '127.0.0.1', '--port', String(s.server.port), '--api-key-file', s.args.at(-1)!]);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toMatch(/TLS certificate not trusted .*--ca FILE/);
    const http = await cli(['whoami', '--protocol', 'http', ...s.args]);
    expect(http.stderr).toMatch(/pass --insecure-http/);
  });
});
