/** The real binary: `serve-mock` as users run it, and start-up that does not load the HTTP client. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Agent, request } from 'undici';
import { expect, it } from 'vitest';
import { cli, cliProcess, secrets } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
mkdirSync(join(ROOT, 'test', '.tmp'), { recursive: true });

it('serve-mock prints URL, CA and keys, serves the CLI and stops cleanly on SIGTERM', async () => {
  const envFile = join(ROOT, 'test', '.tmp', `mock-${process.pid}.env`);
  let info: { url: string; port: number; caFile: string; keys: { readWrite: string; readOnly: string } } | undefined;
  let checks: Promise<void> | undefined;
  const done = cliProcess(['serve-mock', '--json', '--quiet', '--rate-limit', 'off', '--write-env', envFile], {
    allowSecrets: true,
    onStdout: (text, kill) => {
      if (info || !text.includes('\n')) return;
      info = JSON.parse(text.split('\n')[0]!);
      checks = (async () => {
        secrets.add(info!.keys.readWrite);
        secrets.add(info!.keys.readOnly);
        expect(info!.url).toBe(`https://127.0.0.1:${info!.port}`);
        expect(readFileSync(envFile, 'utf8')).toContain(`export NODE_EXTRA_CA_CERTS='${info!.caFile}'`);
        // Faults over HTTP, for pipelines testing their own retries.
        const agent = new Agent({ connect: { ca: readFileSync(info!.caFile, 'utf8') } });
        const res = await request(`${info!.url}/_mock/faults`, {
          method: 'POST', dispatcher: agent, headers: { authorization: `Bearer ${info!.keys.readWrite}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'status', status: 503, path: '/user/me' }),
        });
        expect(res.statusCode).toBe(204);
        await res.body.dump();
        await agent.close();
        const keyFile = `${envFile}.key`;
        writeFileSync(keyFile, info!.keys.readWrite, { mode: 0o600 });
        const r = await cli(['whoami', '--host', '127.0.0.1', '--port', String(info!.port), '--ca', info!.caFile, '--api-key-file', keyFile, '--verbose']);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/retrying in \d+ ms: 503/);
        expect(r.stdout).toContain('Stand-in User');
      })().finally(kill);
    },
  });
  const result = await done;
  await checks;
  expect(result.code, result.stderr).toBe(0);
  expect(existsSync(info!.caFile)).toBe(false);
  rmSync(envFile, { force: true });
  rmSync(`${envFile}.key`, { force: true });
}, 30_000);

it('does not load undici or the stand-in when the CLI starts', async () => {
  const script = `
    const { createRequire } = await import('node:module');
    await import(${JSON.stringify(join(ROOT, 'src/cli/commands/index.ts'))});
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify(cache.filter((k) => k.includes('/node_modules/undici/'))));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT });
  expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual([]);
  // The probe itself works: importing the client does load undici.
  const probe = script.replace('src/cli/commands/index.ts', 'src/api/client.ts');
  const loaded = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: ROOT });
  expect(JSON.parse(loaded.stdout.trim().split('\n').at(-1)!).length).toBeGreaterThan(0);
}, 30_000);
