/**
 * Shared set-up for the API tests: a stand-in server over real HTTPS (its generated CA passed to
 * the client, never `rejectUnauthorized: false`), an isolated environment, and a CLI runner that
 * fails the test whenever any output contains a key the stand-in knows.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { CloudcraftClient, type ClientOptions } from '../../src/api/client.js';
import { startMockServer, type MockServer, type MockServerOptions } from '../../src/mock-server/index.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { fileURLToPath } from 'node:url';

// Nothing from the developer's machine may leak in: no CLOUDCRAFT_* variables, no config file.
for (const k of Object.keys(process.env)) if (k.startsWith('CLOUDCRAFT_') || k === 'NODE_EXTRA_CA_CERTS') delete process.env[k];
const isolatedHome = mkdtempSync(join(tmpdir(), 'cc-api-home-'));
process.env['XDG_CONFIG_HOME'] = isolatedHome;
// Short backoff for the CLI runs (the library tests pass `retry` directly).
process.env['CLOUDCRAFT_RETRY_BASE'] = '20ms';
// The stand-ins used by CLI tests run without a limit; the budget itself is tested on the library and in the bench.
process.env['CLOUDCRAFT_RATE_LIMIT'] = 'off';

/** Every key any stand-in in this process has issued. */
export const secrets = new Set<string>();

export function assertNoSecret(text: string, where: string): void {
  for (const s of secrets) {
    if (text.includes(s)) throw new Error(`an API key appeared in ${where}:\n${text.slice(Math.max(0, text.indexOf(s) - 200), text.indexOf(s) + 60)}`);
  }
}

export interface StandIn {
  server: MockServer;
  dir: string;
  /** Flags pointing the CLI at the stand-in with the read-write key. */
  args: string[];
  /** The same with the read-only key. */
  readOnlyArgs: string[];
  client(options?: Partial<ClientOptions>): CloudcraftClient;
  close(): Promise<void>;
}

export async function standIn(options: MockServerOptions = {}): Promise<StandIn> {
  const server = await startMockServer({ rateLimit: false, snapshot: { polls: 1, holdMs: 10 }, ...options });
  secrets.add(server.keys.readWrite);
  secrets.add(server.keys.readOnly);
  const dir = mkdtempSync(join(tmpdir(), 'cc-api-'));
  const rwFile = join(dir, 'rw.key');
  const roFile = join(dir, 'ro.key');
  writeFileSync(rwFile, `${server.keys.readWrite}\n`, { mode: 0o600 });
  writeFileSync(roFile, `${server.keys.readOnly}\n`, { mode: 0o600 });
  const base = ['--host', '127.0.0.1', '--port', String(server.port), '--ca', server.caFile];
  const clients: CloudcraftClient[] = [];
  return {
    server, dir,
    args: [...base, '--api-key-file', rwFile],
    readOnlyArgs: [...base, '--api-key-file', roFile],
    client: (o = {}) => {
      const c = new CloudcraftClient({
        host: '127.0.0.1', port: server.port, apiKey: server.keys.readWrite, ca: server.caFile, env: {}, rateLimit: 'off',
        retry: { baseDelayMs: 10, maxDelayMs: 50 }, longPoll: { pollIntervalMs: 5 }, ...o,
      });
      clients.push(c);
      return c;
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a stand-in before the file's tests and closes it after them; `use` receives it. */
export function standInForFile(use: (s: StandIn) => void | Promise<void>, options: MockServerOptions = {}): void {
  let started: StandIn | undefined;
  beforeAll(async () => {
    started = await standIn(options);
    await use(started);
  });
  afterAll(async () => {
    await started?.close();
  });
}

/** Runs the CLI in-process; any key in stdout or stderr fails the test. */
export async function cli(args: string[], opts: { allowSecrets?: boolean } = {}): Promise<CliRun> {
  const strays = ['.cloudcraft-convert.json', '.cloudcraft-convert-backups'].filter((f) => !existsSync(f));
  const r = await runCli(args);
  // Tests pass --state/--backup-dir; nothing may land in the checkout.
  for (const f of strays) if (existsSync(f)) throw new Error(`${args.join(' ')} wrote ${f} into the working directory`);
  if (!opts.allowSecrets) {
    assertNoSecret(r.stdout, `stdout of ${args.join(' ')}`);
    assertNoSecret(r.stderr, `stderr of ${args.join(' ')}`);
  }
  return r;
}

/** Asserts a CLI run succeeded, showing its stderr otherwise. */
export function ok(r: CliRun): CliRun {
  expect(r.stderr.includes('internal error'), r.stderr).toBe(false);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** A small CloudFormation template of our own. */
export function writeTemplate(dir: string, name = 'stack.json', extra: Record<string, unknown> = {}): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Web: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.micro' } },
      Bucket: { Type: 'AWS::S3::Bucket' },
      ...extra,
    },
  }, null, 2));
  return path;
}

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/**
 * The real binary in a child process, asynchronously (a synchronous spawn would block the event
 * loop that serves the in-process stand-in). Output is checked for keys like `cli`.
 */
export function cliProcess(args: string[], opts: { input?: string; cwd?: string; allowSecrets?: boolean; onStdout?: (text: string, kill: () => void) => void } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: opts.cwd ?? process.cwd(), env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      opts.onStdout?.(stdout, () => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (!opts.allowSecrets) {
        assertNoSecret(stdout, `stdout of ${args.join(' ')}`);
        assertNoSecret(stderr, `stderr of ${args.join(' ')}`);
      }
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}
