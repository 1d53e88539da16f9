/** `cloudcraft-convert team`: the caller's teams and members (team ids are what --read-access takes). */
import type { CommandModule } from 'yargs';
import { withClient } from './context.js';
import { apiOptions, type ApiArgs } from './options.js';

export const teamCommand: CommandModule<object, ApiArgs> = {
  command: 'team',
  describe: 'List your teams and their members (use team/<id> with --read-access)',
  builder: (y) => apiOptions(y),
  handler: (argv) => withClient(argv, async ({ client, printJson, print }) => {
    const teams = await client.teams();
    if (argv.json) return printJson(teams);
    for (const t of teams) {
      print(`team/${t.id}  ${t.name}${t.role ? ` (you: ${t.role})` : ''}\n`);
      for (const m of t.members ?? []) print(`  ${m.name ?? ''} <${m.email ?? ''}>${m.role ? ` ${m.role}` : ''}\n`);
    }
  }),
};
