#!/usr/bin/env node
/**
 * CLI entry. `--version` is answered before anything else is loaded, so it costs about as much
 * as starting Node; everything else loads the yargs front end on demand.
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL(packageJsonPath(), import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import('./cli/main.js');
  process.exitCode = await main(args);
}

/** package.json sits two levels up from dist/src/cli.js and one level up from src/cli.ts. */
function packageJsonPath(): string {
  return import.meta.url.includes('/dist/src/') ? '../../package.json' : '../package.json';
}
