/** `cloudcraft-convert blueprint list|get|export|delete`. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { serializeBlueprint } from '../../../blueprint.js';
import { CliError } from '../../io.js';
import { withClient, writeExport } from './context.js';
import { formatFromOutput, imageOptions, imageParams, type ImageArgs } from './export-options.js';
import { apiOptions, backupDirOption, type ApiArgs } from './options.js';

const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'mxGraph'] as const;

interface IdArgs extends ApiArgs {
  id: string;
  output?: string;
}

interface ExportArgs extends IdArgs, ImageArgs {
  format?: (typeof EXPORT_FORMATS)[number];
}

interface DeleteArgs extends IdArgs {
  dryRun?: boolean;
  backupDir?: string;
}

const list: CommandModule<ApiArgs, ApiArgs> = {
  command: 'list',
  describe: 'List blueprints (id, last update, name)',
  builder: (y) => apiOptions(y),
  handler: (argv) => withClient(argv, async ({ client, printJson, print }) => {
    const items = [...await client.blueprints.list()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    if (argv.json) return printJson(items);
    for (const b of items) print(`${b.id}  ${(b.updatedAt ?? '').slice(0, 19).replace('T', ' ').padEnd(19)}  ${b.name}\n`);
  }),
};

const get: CommandModule<ApiArgs, IdArgs> = {
  command: 'get <id>',
  describe: 'Download a blueprint (JSON record, with its ETag on stderr)',
  builder: (y) => apiOptions(y).positional('id', { type: 'string', demandOption: true })
    .option('output', { alias: 'o', type: 'string', describe: 'Write to this file (default stdout)' }) as unknown as Argv<IdArgs>,
  handler: (argv) => withClient(argv, async ({ client, printJson, say }) => {
    const { value, etag } = await client.blueprints.get(argv.id);
    const text = serializeBlueprint(value);
    if (argv.output && argv.output !== '-') {
      writeExport(argv.output, Buffer.from(text), false);
      if (argv.json) return printJson({ ok: true, id: value.id, etag, output: argv.output });
      say(`wrote ${argv.output} (ETag ${etag ?? 'none'})`);
      return;
    }
    if (argv.json) return printJson({ ok: true, id: value.id, etag, blueprint: value });
    // The blueprint is the user's data: written as it is (only our own messages are scrubbed).
    process.stdout.write(text);
    say(`ETag ${etag ?? 'none'}`);
  }),
};

const exportCommand: CommandModule<ApiArgs, ExportArgs> = {
  command: 'export <id>',
  describe: 'Render a blueprint as svg, png, pdf or mxGraph',
  builder: (y) => imageOptions(apiOptions(y)).positional('id', { type: 'string', demandOption: true })
    .option('format', { alias: 'f', choices: EXPORT_FORMATS, describe: 'Output format (default: from -o extension, else svg)' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write to this file (default stdout)' })
    .example('$0 blueprint export 3f2… -o diagram.png --width 1600 --height 900 --grid', 'PNG with grid') as unknown as Argv<ExportArgs>,
  handler: (argv) => withClient(argv, async ({ client, printJson, say }) => {
    const format = argv.format ?? formatFromOutput(argv.output, EXPORT_FORMATS, 'svg');
    const out = await client.blueprints.exportImage(argv.id, format, imageParams(argv));
    const written = writeExport(argv.output, out.body, format === 'png' || format === 'pdf');
    if (argv.json && written) return printJson({ ok: true, id: argv.id, format, output: written, bytes: out.body.length, contentType: out.contentType });
    if (written) say(`wrote ${written} (${format}, ${out.body.length} bytes)`);
  }),
};

const del: CommandModule<ApiArgs, DeleteArgs> = {
  command: 'delete <id>',
  describe: 'Delete a blueprint (a copy is saved first)',
  builder: (y) => backupDirOption(apiOptions(y)).positional('id', { type: 'string', demandOption: true })
    .option('dry-run', { type: 'boolean', describe: 'Show what would be deleted; change nothing' }) as unknown as Argv<DeleteArgs>,
  handler: (argv: ArgumentsCamelCase<DeleteArgs>) => withClient(argv, async (ctx) => {
    const [{ saveRemoteCopy, DEFAULT_BACKUP_DIR }] = await Promise.all([import('../../../state/backups.js')]);
    const { value } = await ctx.client.blueprints.get(argv.id);
    if (argv.dryRun) {
      if (argv.json) return ctx.printJson({ dryRun: true, requests: [ctx.client.describeRequest({ method: 'DELETE', path: `/blueprint/${encodeURIComponent(argv.id)}` })] });
      ctx.say(`dry run: would delete "${value.name}" ${value.id}`);
      return;
    }
    const copy = saveRemoteCopy(argv.backupDir ?? ctx.backupDir ?? DEFAULT_BACKUP_DIR, value);
    await ctx.client.blueprints.delete(argv.id);
    if (argv.json) return ctx.printJson({ ok: true, id: value.id, deleted: true, backup: copy });
    ctx.say(`deleted "${value.name}" ${value.id}; a copy is in ${copy}`);
  }),
};

export const blueprintCommand: CommandModule<object, ApiArgs> = {
  command: 'blueprint <command>',
  describe: 'List, download, render or delete blueprints in Cloudcraft',
  builder: (y) => (y as Argv<ApiArgs>).command(list).command(get).command(exportCommand).command(del).demandCommand(1, 'Give a blueprint command: list, get, export or delete'),
  handler: () => {
    throw new CliError('Give a blueprint command: list, get, export or delete');
  },
};
