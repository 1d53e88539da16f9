/**
 * `cloudcraft-convert upload <blueprint.json | inputs..>`: convert (unless given a blueprint) and
 * create or update the blueprint in Cloudcraft, with sharing, tags and the CI state file.
 */
import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { Blueprint } from '../../../blueprint.js';
import { validateBlueprint } from '../../../validate/index.js';
import { CliError, isStdin, printDiagnostics, splitList } from '../../io.js';
import { conversionOptions, pipelineOptions, runConversion, type ConvertArgs } from '../convert.js';
import { withClient } from './context.js';
import { apiOptions, backupDirOption, type ApiArgs } from './options.js';

interface UploadArgs extends ConvertArgs, ApiArgs {
  readAccess?: string[];
  writeAccess?: string[];
  tag?: string[];
  id?: string;
  dryRun?: boolean;
  force?: boolean;
  keepLayout?: boolean;
  state?: string | false;
  stateKey?: string;
  backupDir?: string;
}

/** Our own options, kept out of the converter options that conversion passes through. */
const OWN_KEYS = new Set(['readAccess', 'writeAccess', 'tag', 'id', 'dryRun', 'force', 'keepLayout', 'state', 'stateKey', 'backupDir',
  'config', 'host', 'port', 'protocol', 'basePath', 'timeout', 'maxRetries', 'ca', 'insecureHttp', 'rateLimit', 'apiKeyFile']);

const BLUEPRINT_ARRAYS = ['nodes', 'groups', 'surfaces', 'edges', 'text', 'icons', 'images', 'connectors'];

/** A lone .json input that already is a blueprint (`{ data: { nodes: [...] } }`) is uploaded as is. */
function blueprintFile(inputs: readonly string[]): { path: string; doc: Blueprint } | undefined {
  const path = inputs[0];
  if (inputs.length !== 1 || !path || isStdin(path) || !/\.json$/i.test(path)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined; // not JSON: conversion reports it with a position
  }
  const data = (doc as { data?: unknown } | null)?.data;
  if (!data || typeof data !== 'object' || !BLUEPRINT_ARRAYS.some((a) => Array.isArray((data as Record<string, unknown>)[a]))) return undefined;
  return { path, doc: doc as Blueprint };
}

function conversionArgs(argv: UploadArgs): ConvertArgs {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(argv)) if (!OWN_KEYS.has(k)) out[k] = v;
  return out as ConvertArgs;
}

async function handler(argv: ArgumentsCamelCase<UploadArgs>): Promise<void> {
  const [{ parseAccessList }, { uploadBlueprint }, { UploadState }, { DEFAULT_BACKUP_DIR }] = await Promise.all([
    import('../../../api/acl.js'), import('../../../api/upload.js'), import('../../../state/upload-state.js'), import('../../../state/backups.js'),
  ]);
  let readAccess: string[] | undefined;
  let writeAccess: string[] | undefined;
  try {
    readAccess = parseAccessList(argv.readAccess, '--read-access');
    writeAccess = parseAccessList(argv.writeAccess, '--write-access');
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  const tags = splitList(argv.tag);
  const file = blueprintFile(argv.inputs);
  if (file) {
    const check = validateBlueprint(file.doc, file.path);
    printDiagnostics(check.diagnostics, { quiet: !!argv.quiet, verbose: !!argv.verbose });
    if (!check.ok) throw new CliError(`${file.path}: not a valid blueprint; nothing was uploaded`);
  }
  const convertArgs = conversionArgs(argv);
  const produce = async (previous?: Blueprint): Promise<Blueprint> => {
    if (file) return file.doc;
    const extra = previous ? { layout: { ...pipelineOptions(convertArgs).layout, previous } } : {};
    return (await runConversion(convertArgs, extra)).blueprint!;
  };

  await withClient(argv, async (ctx) => {
    if (file && argv.keepLayout) ctx.say('note: --keep-layout applies to converted inputs; a blueprint file is uploaded as it is');
    // A repeated option arrives as an array (`--state a --no-state`): the last one counts.
    const stateArg = Array.isArray(argv.state) ? (argv.state as (string | false)[]).at(-1) : argv.state;
    const fromStdin = argv.inputs.some(isStdin);
    const useState = stateArg !== false && !(fromStdin && !argv.stateKey);
    if (fromStdin && !argv.stateKey && stateArg !== false) ctx.say('note: input from stdin is not remembered in the state file; pass --state-key NAME to update the same blueprint on re-runs');
    const state = useState ? UploadState.load(typeof stateArg === 'string' ? stateArg : ctx.stateFile ?? '.cloudcraft-convert.json') : undefined;
    const stateKey = argv.stateKey ?? (state ? state.keyFor(argv.inputs.map((i) => (isStdin(i) ? '<stdin>' : i))) : argv.inputs.join(' + '));
    const result = await uploadBlueprint(ctx.client, {
      produce: file ? () => file.doc : (previous) => produce(previous as Blueprint | undefined),
      stateKey, backupDir: argv.backupDir ?? ctx.backupDir ?? DEFAULT_BACKUP_DIR,
      ...(state ? { state } : {}),
      ...(argv.name !== undefined ? { name: argv.name } : {}),
      ...(readAccess ? { readAccess } : {}),
      ...(writeAccess ? { writeAccess } : {}),
      ...(tags ? { tags } : {}),
      ...(argv.id ? { id: argv.id } : {}),
      ...(argv.force ? { force: true } : {}),
      ...(argv.keepLayout ? { keepLayout: true } : {}),
      ...(argv.dryRun ? { dryRun: true } : {}),
      onNotice: (m) => ctx.say(`note: ${m}`),
    });
    if (result.action === 'dry-run') {
      ctx.printJson({ dryRun: true, requests: result.requests });
      ctx.say('dry run: nothing was sent');
      return;
    }
    if (argv.json) {
      ctx.printJson({ ok: true, ...result, ...(state ? { stateFile: state.path } : {}) });
      return;
    }
    if (result.backup) ctx.say(`previous version saved to ${result.backup}`);
    if (result.recovered) ctx.say('note: the create request failed in transit but had gone through; using the blueprint it made');
    if (!argv.quiet) {
      ctx.print(result.action === 'unchanged' ? `blueprint "${result.name}" ${result.id} is already up to date\n` : `${result.action} blueprint "${result.name}" ${result.id}\n`);
    }
    ctx.print(`${result.url}\n`);
  });
}

export const uploadCommand: CommandModule<object, UploadArgs> = {
  command: 'upload <inputs..>',
  describe: 'Convert inputs (or take a blueprint JSON) and create or update the blueprint in Cloudcraft',
  builder: (y) =>
    backupDirOption(apiOptions(conversionOptions(y) as Argv<object>))
      .positional('inputs', { type: 'string', array: true, describe: 'A blueprint JSON, or inputs to convert (as for convert); - for stdin' })
      .option('read-access', { type: 'array', string: true, describe: 'Share for reading: team/ID or customer/ID (repeatable, comma-separated); [] unshares' })
      .option('write-access', { type: 'array', string: true, describe: 'Share for editing: team/ID or customer/ID; [] unshares' })
      .option('tag', { type: 'array', string: true, describe: 'Blueprint tags (repeatable, comma-separated)' })
      .option('id', { type: 'string', describe: 'Update this blueprint instead of the one recorded in the state file' })
      .option('dry-run', { type: 'boolean', describe: 'Print the requests (key masked) instead of sending them' })
      .option('force', { type: 'boolean', describe: 'Overwrite even if the blueprint was changed in Cloudcraft since our last upload' })
      .option('keep-layout', { type: 'boolean', describe: 'Keep the positions of the blueprint in Cloudcraft for components that persist' })
      .option('state', { type: 'string', describe: 'State file remembering blueprint id and ETag per input set (default .cloudcraft-convert.json); --no-state to skip' })
      .option('state-key', { type: 'string', describe: 'Name this upload in the state file (default: the input paths)' })
      .example('$0 upload template.yaml --read-access team/1f0c…', 'Convert and upload, shared with a team')
      .example('$0 upload cdk.out --keep-layout', 'CI re-run: update in place, keeping hand-moved positions')
      .example('$0 upload out.json --id 3f2… --force', 'Overwrite a given blueprint with a blueprint file') as unknown as Argv<UploadArgs>,
  handler,
};
