/**
 * CLI start-up: `--version` must stay within 2× of a bare `node -e 0` (it is answered before any
 * module loads), and `--help` shows what loading the yargs front end and converters costs.
 * Uses the built CLI (dist/), building it first when missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = `${root}dist/src/cli.js`;
if (!existsSync(cli)) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

function median(cmd: string[], runs = 15): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, cmd, { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const bare = median(['-e', '0']);
const version = median([cli, '--version']);
const help = median([cli, '--help'], 7);
console.log(`node -e 0          ${bare.toFixed(0).padStart(5)} ms`);
console.log(`cli --version      ${version.toFixed(0).padStart(5)} ms  (${(version / bare).toFixed(2)}× node; target ≤ 2×)`);
console.log(`cli --help         ${help.toFixed(0).padStart(5)} ms  (yargs + converter registration)`);
