/** `cloudcraft-convert restore DIR`: put a backup back; creates missing, updates changed, idempotent. */
import type { Argv, CommandModule } from 'yargs';
import { withClient } from './context.js';
import { apiOptions, backupDirOption, type ApiArgs } from './options.js';
import { progress } from './progress.js';

interface RestoreArgs extends ApiArgs {
  dir: string;
  dryRun?: boolean;
  backupDir?: string;
}

export const restoreCommand: CommandModule<object, RestoreArgs> = {
  command: 'restore <dir>',
  describe: 'Restore a backup folder: create missing blueprints, update changed ones (safe to re-run)',
  builder: (y) => backupDirOption(apiOptions(y)).positional('dir', { type: 'string', demandOption: true, describe: 'Folder made by backup' })
    .option('dry-run', { type: 'boolean', describe: 'Show what would be created or updated; change nothing' }) as unknown as Argv<RestoreArgs>,
  handler: (argv) => withClient(argv, async ({ client, printJson, say, print, backupDir }) => {
    const [{ restoreBlueprints }, { DEFAULT_BACKUP_DIR }] = await Promise.all([import('../../../api/restore.js'), import('../../../state/backups.js')]);
    const bar = progress(!argv.quiet && !argv.json);
    let items;
    try {
      items = await restoreBlueprints(client, argv.dir, {
        ...(argv.dryRun ? { dryRun: true } : {}),
        backupDir: argv.backupDir ?? backupDir ?? DEFAULT_BACKUP_DIR,
        onProgress: (p) => bar.update(p.done, p.total, p.item.name),
      });
    } finally {
      bar.end();
    }
    const count = (a: string): number => items.filter((i) => i.action === a).length;
    if (argv.json) return printJson({ ok: true, dryRun: !!argv.dryRun, items });
    for (const i of items) {
      if (i.action !== 'unchanged' || argv.verbose) print(`${i.action.padEnd(12)} ${i.id ?? '(new)'}  ${i.name}${i.backup ? `  (previous version: ${i.backup})` : ''}\n`);
    }
    const summary = argv.dryRun ? `${count('would-create')} to create, ${count('would-update')} to update` : `${count('created')} created, ${count('updated')} updated`;
    say(`${argv.dryRun ? 'dry run: ' : ''}${summary}, ${count('unchanged')} unchanged`);
  }),
};
