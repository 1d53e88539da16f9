/** The yargs front end: global options, one module per command (src/cli/commands). */
import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { CliError, EXIT, STDIO_TOKEN, takeExitCode } from './io.js';
import { commands } from './commands/index.js';
import { ensureBuiltins } from '../builtins.js';

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--version') || argv.includes('-V')) {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  let exitCode: number = EXIT.ok;
  // Converters contribute options to `convert --help`, so they must be registered first.
  await ensureBuiltins();
  const parser = yargs(argv.map((a) => (a === '-' ? STDIO_TOKEN : a)))
    .scriptName('cloudcraft-convert')
    .usage('$0 [convert] <inputs..> [-o FILE]\n\nConvert CloudFormation/SAM/CDK, Terraform state/plan and draw.io diagrams into Cloudcraft blueprints.')
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'Print only errors', global: true })
    .option('verbose', { type: 'boolean', describe: 'Also print informational notes', global: true })
    .option('json', { type: 'boolean', describe: 'Machine-readable result on stdout', global: true })
    .strict()
    .recommendCommands()
    .demandCommand(1, 'Give an input file, or a command (see --help)')
    .help()
    // Never call process.exit: main() returns the exit code (and runs in-process in tests).
    .exitProcess(false)
    .alias('help', 'h')
    .version(false)
    .option('version', { alias: 'V', type: 'boolean', describe: 'Show version number' })
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Exit codes: 0 ok, 1 findings (--strict, diff --exit-code, remote changed), 2 bad input or usage.\nDocs: README.md')
    // A fail handler that throws, so yargs never runs a command after a usage error.
    .fail((msg, err) => {
      if (err) throw err;
      throw new CliError(msg ?? 'invalid usage', EXIT.usage, true);
    });
  for (const c of commands) parser.command(c);
  takeExitCode();
  try {
    await parser.parseAsync();
    // setExitCode() is the way; a handler that set process.exitCode is honoured too, then cleared
    // so in-process callers (tests) do not inherit it.
    const legacy = typeof process.exitCode === 'number' ? process.exitCode : 0;
    process.exitCode = undefined;
    exitCode = Math.max(takeExitCode(), legacy);
  } catch (err) {
    takeExitCode();
    if (err instanceof CliError) {
      process.stderr.write(`cloudcraft-convert: ${err.message}\n`);
      if (err.isUsageError) {
        process.stderr.write('Run cloudcraft-convert --help for usage.\n');
      }
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`cloudcraft-convert: internal error: ${message}\n`);
    if (argv.includes('--verbose') && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return EXIT.usage;
  }
  return exitCode;
}

/** The version in package.json (one level above src/ when run from source, two above dist/src/). */
export function packageVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cloudcraft-convert' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return 'unknown';
}
