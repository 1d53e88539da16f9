/** `cloudcraft-convert account list|snapshot`: AWS and Azure accounts linked to Cloudcraft. */
import type { Argv, CommandModule } from 'yargs';
import type { ImageParams, SnapshotParams } from '../../../api/types.js';
import { CliError } from '../../io.js';
import { withClient, writeExport } from './context.js';
import { formatFromOutput, imageOptions, imageParams, type ImageArgs } from './export-options.js';
import { apiOptions, type ApiArgs } from './options.js';
import { progress } from './progress.js';

const SNAPSHOT_FORMATS = ['json', 'svg', 'png', 'pdf', 'mxGraph'] as const;
type Provider = 'aws' | 'azure';

interface ListArgs extends ApiArgs {
  provider?: Provider;
}

type SnapshotArgs = ApiArgs & ImageArgs & Omit<SnapshotParams, keyof ImageParams> & {
  id: string;
  region: string;
  provider?: Provider;
  format?: (typeof SNAPSHOT_FORMATS)[number];
  output?: string;
  deadline?: string;
};

const list: CommandModule<ApiArgs, ListArgs> = {
  command: 'list',
  describe: 'List linked AWS and Azure accounts',
  builder: (y) => apiOptions(y).option('provider', { choices: ['aws', 'azure'] as const, describe: 'Only this provider' }) as Argv<ListArgs>,
  handler: (argv) => withClient(argv, async ({ client, printJson, print }) => {
    const providers: Provider[] = argv.provider ? [argv.provider] : ['aws', 'azure'];
    const rows: { provider: Provider; id: string; name: string; detail: string }[] = [];
    for (const p of providers) {
      if (p === 'aws') for (const a of await client.aws.list()) rows.push({ provider: p, id: a.id, name: a.name, detail: a.roleArn });
      else for (const a of await client.azure.list()) rows.push({ provider: p, id: a.id, name: a.name, detail: `subscription ${a.subscriptionId}` });
    }
    if (argv.json) return printJson(rows);
    for (const r of rows) print(`${r.provider.padEnd(5)}  ${r.id}  ${r.name}  (${r.detail})\n`);
  }),
};

const snapshot: CommandModule<ApiArgs, SnapshotArgs> = {
  command: 'snapshot <id> <region>',
  describe: 'Scan a live account into a blueprint (json) or an image; waits while Cloudcraft is still scanning',
  builder: (y) => imageOptions(apiOptions(y))
    .positional('id', { type: 'string', demandOption: true, describe: 'Account id (see account list)' })
    .positional('region', { type: 'string', demandOption: true, describe: 'AWS region or Azure location' })
    .option('provider', { choices: ['aws', 'azure'] as const, describe: 'Account provider (default: looked up by id)' })
    .option('format', { alias: 'f', choices: SNAPSHOT_FORMATS, describe: 'Output format (default: from -o extension, else json)' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write to this file (default stdout)' })
    .option('filter', { type: 'string', describe: 'Live-tab search, e.g. "env=prod OR role=bastion"' })
    .option('exclude', { type: 'array', string: true, describe: 'Component types to leave out (e.g. ec2,sg)' })
    .option('label', { type: 'boolean', describe: 'Label components (default true; --no-label)' })
    .option('autoconnect', { type: 'boolean', describe: 'Draw connections (default true; --no-autoconnect)' })
    .option('projection', { choices: ['isometric', '2d'] as const })
    .option('theme', { choices: ['light', 'dark'] as const })
    .option('deadline', { type: 'string', describe: 'Give up waiting after this long (default 10m)' })
    .example('$0 account snapshot 9a1… us-east-1 -o live.json', 'Blueprint JSON of a live AWS region (upload it with: $0 upload live.json)') as unknown as Argv<SnapshotArgs>,
  handler: (argv) => withClient(argv, async ({ client, printJson, say }) => {
    const { parseDuration } = await import('../../../api/config.js');
    const deadlineMs = argv.deadline ? parseDuration(argv.deadline, '--deadline') : undefined;
    let provider = argv.provider;
    if (!provider) {
      if ((await client.aws.list()).some((a) => a.id === argv.id)) provider = 'aws';
      else if ((await client.azure.list()).some((a) => a.id === argv.id)) provider = 'azure';
      else throw new CliError(`no AWS or Azure account ${argv.id} (see: cloudcraft-convert account list)`);
    }
    const format = argv.format ?? formatFromOutput(argv.output, SNAPSHOT_FORMATS, 'json');
    const exclude = argv.exclude?.flatMap((e) => e.split(',')).map((e) => e.trim()).filter(Boolean);
    const params = {
      ...imageParams(argv),
      ...(argv.filter ? { filter: argv.filter } : {}), ...(exclude?.length ? { exclude } : {}),
      ...(argv.label !== undefined ? { label: argv.label } : {}), ...(argv.autoconnect !== undefined ? { autoconnect: argv.autoconnect } : {}),
      ...(argv.projection ? { projection: argv.projection } : {}), ...(argv.theme ? { theme: argv.theme } : {}),
    };
    const bar = progress(!argv.quiet && !argv.json);
    const api = provider === 'aws' ? client.aws : client.azure;
    let out;
    try {
      out = await api.snapshot(argv.id, argv.region, format, params, {
        ...(deadlineMs ? { deadlineMs } : {}),
        onProgress: (p) => {
          const line = `scanning ${provider} ${argv.id} ${argv.region}: still processing after ${Math.round(p.elapsedMs / 1000)} s (poll ${p.polls})`;
          if (process.stderr.isTTY) bar.status(line);
          else say(line);
        },
      });
    } finally {
      bar.end();
    }
    const written = writeExport(argv.output, out.body, format === 'png' || format === 'pdf');
    if (argv.json && written) return printJson({ ok: true, provider, id: argv.id, region: argv.region, format, output: written, bytes: out.body.length });
    if (written) say(`wrote ${written} (${format}, ${out.body.length} bytes)`);
  }),
};

export const accountCommand: CommandModule<object, ApiArgs> = {
  command: 'account <command>',
  describe: 'List linked AWS/Azure accounts or snapshot one into a blueprint or image',
  builder: (y) => (y as Argv<ApiArgs>).command(list).command(snapshot).demandCommand(1, 'Give an account command: list or snapshot'),
  handler: () => {
    throw new CliError('Give an account command: list or snapshot');
  },
};
