/**
 * `cloudcraft-convert serve-mock`: the stand-in Cloudcraft API on loopback HTTPS, for trying
 * uploads and pipelines offline. Prints its URL, CA file and keys; runs until Ctrl-C / SIGTERM.
 */
import type { Argv, CommandModule } from 'yargs';
import { CliError, writeFileAtomic } from '../../io.js';

interface ServeMockArgs {
  host: string;
  port: number;
  rateLimit?: string;
  retryAfter?: 'seconds' | 'date' | 'none';
  snapshotPolls: number;
  snapshotHold?: string;
  key?: string;
  readKey?: string;
  writeEnv?: string;
  altName?: string[];
  json?: boolean;
  quiet?: boolean;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

async function handler(argv: ServeMockArgs): Promise<void> {
  const [{ startMockServer }, { parseDuration, parseRateLimit }] = await Promise.all([import('../../../mock-server/index.js'), import('../../../api/config.js')]);
  let server;
  try {
    const rate = parseRateLimit(argv.rateLimit ?? '20/10s', '--rate-limit');
    server = await startMockServer({
      host: argv.host, port: argv.port, rateLimit: rate,
      snapshot: { polls: argv.snapshotPolls, holdMs: argv.snapshotHold ? parseDuration(argv.snapshotHold, '--snapshot-hold') : 100 },
      ...(argv.retryAfter ? { retryAfter: argv.retryAfter } : {}),
      ...(argv.altName?.length ? { altNames: argv.altName.map((n) => (/^(DNS|IP):/.test(n) ? n : /^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)) } : {}),
      keys: { ...(argv.key ? { readWrite: argv.key } : {}), ...(argv.readKey ? { readOnly: argv.readKey } : {}) },
      ...(argv.quiet ? {} : { log: (line: string) => process.stderr.write(`${line}\n`) }),
    });
  } catch (err) {
    throw new CliError(`serve-mock: ${(err as Error).message}`);
  }
  const env = [
    `CLOUDCRAFT_HOST=${server.host}`, `CLOUDCRAFT_PORT=${server.port}`, `CLOUDCRAFT_API_KEY=${shellQuote(server.keys.readWrite)}`,
    `NODE_EXTRA_CA_CERTS=${shellQuote(server.caFile)}`,
  ];
  if (argv.writeEnv) writeFileAtomic(argv.writeEnv, env.map((l) => `export ${l}\n`).join(''));
  if (argv.json) {
    process.stdout.write(`${JSON.stringify({ url: server.url, host: server.host, port: server.port, caFile: server.caFile, keys: server.keys })}\n`);
  } else {
    process.stdout.write([
      `Cloudcraft stand-in API on ${server.url}`,
      `CA certificate:  ${server.caFile}`,
      `read-write key:  ${server.keys.readWrite}`,
      `read-only key:   ${server.keys.readOnly}`,
      '',
      'Point cloudcraft-convert (or an official SDK) at it:',
      `  export ${env.join(' ')}`,
      '',
      'Keys and certificate are made afresh at every start; Ctrl-C stops the server.',
      '',
    ].join('\n'));
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
}

export const serveMockCommand: CommandModule<object, ServeMockArgs> = {
  command: 'serve-mock',
  describe: 'Run a local HTTPS stand-in of the Cloudcraft API (test pipelines offline)',
  builder: (y) => y
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on (loopback recommended)' })
    .option('port', { type: 'number', default: 0, describe: 'Port (0 picks a free one)' })
    .option('rate-limit', { type: 'string', describe: 'Requests per window per key, e.g. 20/10s (default, the API contract) or off' })
    .option('retry-after', { choices: ['seconds', 'date', 'none'] as const, describe: 'How a 429 states Retry-After (default seconds)' })
    .option('snapshot-polls', { type: 'number', default: 1, describe: '202 answers before a snapshot is ready' })
    .option('snapshot-hold', { type: 'string', describe: 'How long each 202 is held, like the real long poll (default 100ms)' })
    .option('key', { type: 'string', describe: 'Read-write key to accept (default: random)' })
    .option('read-key', { type: 'string', describe: 'Read-only key to accept (default: random)' })
    .option('alt-name', { type: 'array', string: true, describe: 'Extra host name or IP in the certificate, for clients that connect by another name' })
    .option('write-env', { type: 'string', describe: 'Also write `export CLOUDCRAFT_…` lines to this file for CI steps (not --env-file: Node 20 takes that flag for itself)' })
    .example('$0 serve-mock --write-env mock.env & sleep 1; . ./mock.env; $0 upload template.yaml', 'Upload to the stand-in') as unknown as Argv<ServeMockArgs>,
  handler,
};
