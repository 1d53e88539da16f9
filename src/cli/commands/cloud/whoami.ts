/** `cloudcraft-convert whoami`: the user the API key belongs to (a quick credentials check). */
import type { CommandModule } from 'yargs';
import { withClient } from './context.js';
import { apiOptions, type ApiArgs } from './options.js';

export const whoamiCommand: CommandModule<object, ApiArgs> = {
  command: 'whoami',
  describe: 'Show the Cloudcraft user the API key belongs to',
  builder: (y) => apiOptions(y),
  handler: (argv) => withClient(argv, async ({ client, printJson, print }) => {
    const me = await client.me();
    if (argv.json) return printJson(me);
    print(`${me.name} <${me.email}> ${me.id}\n`);
  }),
};
