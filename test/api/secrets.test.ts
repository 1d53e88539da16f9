/**
 * The API key never reaches output: every CLI run in these tests goes through `cli()`, which
 * fails on any key the stand-in issued; this file drives the paths most likely to leak one
 * (verbose logs, --json, --dry-run, errors quoting the Authorization header, keys from every source).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { cli, secrets, type StandIn, standInForFile, writeTemplate } from './helpers.js';

let s!: StandIn;
let dir: string;
let template: string;
let flags: string[];
const transcript: string[] = [];

async function run(args: string[]) {
  const r = await cli(args);
  transcript.push(r.stdout, r.stderr);
  return r;
}

standInForFile(async (started) => {
  s = started;
  dir = join(s.dir, 'secrets');
  mkdirSync(dir);
  template = writeTemplate(dir);
  flags = ['--state', join(dir, 'state.json'), '--backup-dir', join(dir, 'b'), ...s.args];
}, { keys: { readWrite: 'rwKeyWithoutSlash0123456789abcdefghijklmnop=', readOnly: 'roKey/WithSlash0123456789abcdefghijklmnopqr=' } });
beforeEach(() => s.server.faults.clear());

it('keeps the key out of --verbose logs, --json results and --dry-run dumps', async () => {
  const created = await run(['upload', template, '--verbose', '--json', ...flags]);
  expect(created.code, created.stderr).toBe(0);
  expect(created.stderr).toMatch(/→ POST https:\/\/127\.0\.0\.1:\d+\/blueprint/);
  writeTemplate(dir, 'stack.json', { Queue: { Type: 'AWS::SQS::Queue' } });
  s.server.faults.add({ kind: 'status', status: 503, method: 'GET' });
  const updated = await run(['upload', template, '--verbose', ...flags]);
  expect(updated.stderr).toMatch(/retrying in \d+ ms: 503/);
  const dry = await run(['upload', template, '--dry-run', '--verbose', ...flags]);
  expect(dry.stdout).toContain('"authorization": "Bearer <redacted>"');
});

it('scrubs a server error that quotes the Authorization header back', async () => {
  s.server.faults.add({ kind: 'echo-auth' });
  const r = await run(['whoami', '--verbose', ...s.args]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('API key not recognised: Bearer <redacted>');
  // The library error itself is scrubbed too, for library users who print it.
  s.server.faults.add({ kind: 'echo-auth' });
  const err = await s.client().me().catch((e: Error) => e);
  expect(err.message).toContain('Bearer <redacted>');
  for (const k of secrets) expect(err.message).not.toContain(k);
});

it('scrubs a key passed where an id belongs, and keys from the environment and the config file', async () => {
  // A key with a '/' is refused locally as an id; one without reaches the server in the URL. Both are scrubbed.
  for (const [key, args] of [[s.server.keys.readWrite, s.args], [s.server.keys.readOnly, s.readOnlyArgs]] as const) {
    const asId = await run(['blueprint', 'get', key, '--verbose', ...args]);
    expect(asId.code).toBe(2);
    expect(asId.stderr).toContain('<redacted>');
  }

  const base = ['--host', '127.0.0.1', '--port', String(s.server.port), '--ca', s.server.caFile];
  process.env['CLOUDCRAFT_API_KEY'] = s.server.keys.readOnly;
  try {
    const ro = await run(['upload', template, '--verbose', '--state', join(dir, 'ro-state.json'), ...base]);
    expect(ro.code).toBe(2);
    expect(ro.stderr).toMatch(/403 Forbidden/);
  } finally {
    delete process.env['CLOUDCRAFT_API_KEY'];
  }

  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ apiKey: s.server.keys.readWrite, host: '127.0.0.1', port: s.server.port, ca: s.server.caFile }), { mode: 0o644 });
  const fromFile = await run(['whoami', '--verbose', '--config', config]);
  expect(fromFile.code, fromFile.stderr).toBe(0);
  expect(fromFile.stderr).toMatch(/holds an API key and is readable by other users/);

  const wrong = 'wrongKeyWrongKeyWrongKeyWrongKeyWrongKey0000';
  secrets.add(wrong);
  const keyFile = join(dir, 'wrong.key');
  writeFileSync(keyFile, wrong);
  const rejected = await run(['whoami', '--verbose', '--json', ...base, '--api-key-file', keyFile]);
  expect(rejected.code).toBe(2);
  expect(rejected.stderr).toMatch(/401 Unauthorized/);
});

it('found no key in anything captured', () => {
  const all = transcript.join('\n');
  expect(all.length).toBeGreaterThan(1000);
  for (const k of secrets) expect(all.includes(k)).toBe(false);
});
