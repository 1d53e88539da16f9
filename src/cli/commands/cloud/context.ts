/**
 * Runs an API command: resolves the configuration (flags > env > file), builds the client (loaded
 * lazily, so other commands never pay for undici), turns every failure into a one-line CliError
 * with the key scrubbed, and closes the connections at the end.
 */
import type { CloudcraftClient } from '../../../api/client.js';
import { Redactor } from '../../../api/redact.js';
import { CliError, EXIT, writeFileAtomic } from '../../io.js';
import type { ApiArgs } from './options.js';

export interface ApiContext {
  client: CloudcraftClient;
  redactor: Redactor;
  /** stderr line unless --quiet or --json (scrubbed). */
  say(line: string): void;
  /** stdout JSON, scrubbed. */
  printJson(value: unknown): void;
  /** stdout text, scrubbed. */
  print(text: string): void;
  stateFile?: string;
  backupDir?: string;
}

/** Maps library errors to exit codes: remote changed → 1, everything else → 2. */
async function toCliError(err: unknown, redactor: Redactor): Promise<CliError> {
  if (err instanceof CliError) return new CliError(redactor.scrub(err.message), err.exitCode);
  const { RemoteChangedError } = await import('../../../api/errors.js');
  const raw = err instanceof Error ? err.message : String(err);
  const message = redactor.scrub(raw);
  const known = err instanceof Error && /^(Cloudcraft\w*Error|RemoteChangedError|SnapshotTimeoutError|StateFileError)$/.test(err.name);
  if (err instanceof RemoteChangedError) return new CliError(message, EXIT.findings);
  return new CliError(known ? message : `internal error: ${message}`, EXIT.usage);
}

export async function withClient<A extends ApiArgs>(argv: A, run: (ctx: ApiContext) => Promise<void>): Promise<void> {
  const [{ CloudcraftClient }, { resolveConfig }] = await Promise.all([import('../../../api/client.js'), import('../../../api/config.js')]);
  let client: CloudcraftClient | undefined;
  try {
    const flags = {
      ...(argv.config !== undefined ? { config: argv.config } : {}),
      ...(argv.host !== undefined ? { host: argv.host } : {}),
      ...(argv.port !== undefined ? { port: argv.port } : {}),
      ...(argv.protocol !== undefined ? { protocol: argv.protocol } : {}),
      ...(argv.basePath !== undefined ? { basePath: argv.basePath } : {}),
      ...(argv.timeout !== undefined ? { timeout: argv.timeout } : {}),
      ...(argv.maxRetries !== undefined ? { maxRetries: argv.maxRetries } : {}),
      ...(argv.ca !== undefined ? { ca: argv.ca } : {}),
      ...(argv.rateLimit !== undefined ? { rateLimit: argv.rateLimit } : {}),
      ...(argv.apiKeyFile !== undefined ? { apiKeyFile: argv.apiKeyFile } : {}),
      ...(argv.insecureHttp ? { insecureHttp: true } : {}),
    };
    const config = resolveConfig({ flags });
    const verbose = !!argv.verbose && !argv.quiet;
    client = new CloudcraftClient({ resolved: config, ...(verbose ? { log: (l: string) => process.stderr.write(`  ${l}\n`) } : {}) });
    const redactor = client.redactor;
    for (const w of config.warnings) process.stderr.write(`cloudcraft-convert: warning: ${redactor.scrub(w)}\n`);
    if (verbose) {
      const from = Object.entries(config.sources).filter(([, s]) => s !== 'default').map(([k, s]) => `${k} from ${s}`).join(', ');
      process.stderr.write(`  API ${config.origin}${config.basePath}${from ? ` (${from})` : ''}${config.configFile ? `; config ${config.configFile}` : ''}\n`);
    }
    await run({
      client, redactor,
      say: (line) => {
        if (!argv.quiet && !argv.json) process.stderr.write(`${redactor.scrub(line)}\n`);
      },
      printJson: (value) => process.stdout.write(`${JSON.stringify(redactor.scrubValue(value), null, 2)}\n`),
      print: (text) => process.stdout.write(redactor.scrub(text)),
      ...(config.stateFile ? { stateFile: config.stateFile } : {}),
      ...(config.backupDir ? { backupDir: config.backupDir } : {}),
    });
  } catch (err) {
    // Before the client exists, still mask a key from the environment (a misplaced one may be quoted).
    throw await toCliError(err, client?.redactor ?? new Redactor([process.env['CLOUDCRAFT_API_KEY']]));
  } finally {
    await client?.close();
  }
}

/** Writes an export to a file (atomically) or to stdout; refuses to spray binary on a terminal. */
export function writeExport(output: string | undefined, body: Buffer, binary: boolean): string | undefined {
  if (output && output !== '-') {
    writeFileAtomic(output, body);
    return output;
  }
  if (binary && process.stdout.isTTY) throw new CliError('refusing to write binary data to a terminal; pass -o FILE');
  process.stdout.write(body);
  return undefined;
}
