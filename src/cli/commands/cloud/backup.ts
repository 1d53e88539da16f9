/** `cloudcraft-convert backup DIR`: every blueprint to a folder, resumable, with checksums. */
import type { Argv, CommandModule } from 'yargs';
import { CliError, EXIT, setExitCode } from '../../io.js';
import { withClient } from './context.js';
import { apiOptions, type ApiArgs } from './options.js';
import { progress } from './progress.js';

interface BackupArgs extends ApiArgs {
  dir: string;
  verify?: boolean;
}

export const backupCommand: CommandModule<object, BackupArgs> = {
  command: 'backup <dir>',
  describe: 'Save every blueprint as JSON plus an index with checksums (re-run to resume or refresh)',
  builder: (y) => apiOptions(y).positional('dir', { type: 'string', demandOption: true, describe: 'Backup folder' })
    .option('verify', { type: 'boolean', describe: 'Only check the files in DIR against the index (no network)' }) as unknown as Argv<BackupArgs>,
  handler: async (argv) => {
    const { backupBlueprints, verifyBackup } = await import('../../../api/backup.js');
    if (argv.verify) {
      let result;
      try {
        result = verifyBackup(argv.dir);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      if (argv.json) process.stdout.write(`${JSON.stringify({ ok: result.problems.length === 0, blueprints: result.entries.length, problems: result.problems }, null, 2)}\n`);
      else for (const p of result.problems) process.stderr.write(`${p}\n`);
      if (result.problems.length) setExitCode(EXIT.usage);
      else if (!argv.json && !argv.quiet) process.stderr.write(`${argv.dir}: ${result.entries.length} blueprints, all checksums match\n`);
      return;
    }
    await withClient(argv, async ({ client, printJson, say }) => {
      const bar = progress(!argv.quiet && !argv.json);
      let result;
      try {
        result = await backupBlueprints(client, argv.dir, (p) => bar.update(p.done, p.total, p.name));
      } finally {
        bar.end();
      }
      if (argv.json) return printJson({ ok: true, dir: argv.dir, blueprints: result.index.blueprints.length, fetched: result.fetched, unchanged: result.skipped, stale: result.stale.map((s) => s.id) });
      say(`${argv.dir}: ${result.index.blueprints.length} blueprints (${result.fetched} fetched, ${result.skipped} unchanged since the last backup)`);
      if (result.stale.length) say(`${result.stale.length} blueprint${result.stale.length === 1 ? ' no longer exists' : 's no longer exist'} in Cloudcraft; their files were kept: ${result.stale.map((s) => s.file).join(', ')}`);
    });
  },
};
