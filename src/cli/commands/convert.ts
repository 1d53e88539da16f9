/** `cloudcraft-convert [convert] <inputs..>`: the main job. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule, Options } from 'yargs';
import { serializeBlueprint, type Blueprint } from '../../blueprint.js';
import { convert, type ConvertResult, type PipelineOptions } from '../../convert.js';
import { listConverters } from '../../registry.js';
import { summaryLine, unmappedEntries } from '../../report.js';
import { inputFromBytes, type InputLike } from '../../input.js';
import { formatForFile } from '../../render/format.js';
import { reportRender } from './render.js';
import { CliError, EXIT, isStdin, printDiagnostics, readStdin, setExitCode, splitList, writeFileAtomic } from '../io.js';

export interface ConvertArgs {
  inputs: string[];
  output?: string;
  format?: string;
  name?: string;
  region?: string;
  param?: string[];
  parametersFile?: string;
  templateDir?: string;
  includeTypes?: string[];
  excludeTypes?: string[];
  report?: string;
  preview?: string;
  strict?: boolean;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  projection?: 'isometric' | '2d';
  direction?: 'right' | 'down';
  spacing?: number;
  groupBy?: 'vpc' | 'module' | 'stack' | 'none';
  layoutFrom?: string;
  theme?: 'light' | 'dark';
  [key: string]: unknown;
}

/** Options shared by every command that converts inputs (convert, upload, diff, render). */
export function conversionOptions(y: Argv): Argv {
  y.option('format', { type: 'string', describe: 'Input format instead of detecting it by content (cloudformation, terraform, drawio)' })
    .option('name', { type: 'string', describe: 'Blueprint name (default: stack, state or page name)' })
    .option('region', { type: 'string', describe: 'Region for AWS::Region and for resources without one (default us-east-1)' })
    .option('param', { type: 'array', string: true, describe: 'Template parameter override Key=Value (repeatable)' })
    .option('parameters-file', { type: 'string', describe: 'Parameters JSON: AWS CLI [{ParameterKey,ParameterValue}] or {Key: Value}' })
    .option('template-dir', { type: 'string', describe: 'Folder holding templates that nested stacks reference by S3/https URL' })
    .option('include-types', { type: 'array', string: true, describe: 'Only draw these types (Cloudcraft or source types, * wildcards, comma-separated)' })
    .option('exclude-types', { type: 'array', string: true, describe: 'Never draw these types' })
    .option('projection', { choices: ['isometric', '2d'] as const, describe: 'Blueprint projection' })
    .option('direction', { choices: ['right', 'down'] as const, describe: 'Main flow direction of the layout' })
    .option('spacing', { type: 'number', describe: 'Free grid cells between components (default 2)' })
    .option('group-by', {
      choices: ['vpc', 'module', 'stack', 'none'] as const,
      describe: 'Containers drawn: vpc (default: VPCs, zones, subnets, security groups), module/stack (also an area per Terraform module or stack around the services outside VPCs), none (no containers at all)',
    })
    .option('layout-from', { type: 'string', describe: 'Keep positions from a previous blueprint for ids that persist' })
    .option('theme', { choices: ['light', 'dark'] as const, describe: 'Blueprint theme' });
  // Converter-specific options (e.g. terraform --include-data, drawio --page).
  for (const c of listConverters()) {
    for (const [key, spec] of Object.entries(c.cliOptions ?? {})) {
      const opt: Options = { type: spec.type, describe: `[${c.name}] ${spec.describe}` };
      if (spec.default !== undefined) opt.default = spec.default;
      if (spec.choices) opt.choices = [...spec.choices];
      if (spec.alias) opt.alias = spec.alias;
      y.option(key, opt);
    }
  }
  return y;
}

function parseParams(list: readonly string[] | undefined): Record<string, string> | undefined {
  if (!list?.length) return undefined;
  const out: Record<string, string> = {};
  for (const item of list) {
    const i = item.indexOf('=');
    if (i <= 0) throw new CliError(`--param ${JSON.stringify(item)}: expected Key=Value`);
    out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
}

function readBlueprintFile(path: string, flag: string): Blueprint {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Blueprint;
  } catch (err) {
    throw new CliError(`${flag} ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a JSON blueprint'}`);
  }
}

/** Builds pipeline options from parsed arguments (also used by upload/diff/render). */
export function pipelineOptions(argv: ConvertArgs): PipelineOptions {
  const o: PipelineOptions = {};
  const known = new Set(['inputs', 'output', 'o', 'param', 'includeTypes', 'excludeTypes', 'projection', 'direction', 'spacing', 'groupBy', 'layoutFrom', 'theme', '_', '$0']);
  // Converter-specific options pass through under their camelCase names.
  for (const [k, v] of Object.entries(argv)) {
    if (!known.has(k) && !k.includes('-') && v !== undefined) o[k] = v;
  }
  const params = parseParams(argv.param);
  if (params) o.params = params;
  const include = splitList(argv.includeTypes);
  if (include) o.includeTypes = include;
  const exclude = splitList(argv.excludeTypes);
  if (exclude) o.excludeTypes = exclude;
  o.layout = {};
  if (argv.projection) o.layout.projection = argv.projection;
  if (argv.direction) o.layout.direction = argv.direction;
  if (argv.spacing !== undefined) o.layout.spacing = argv.spacing;
  if (argv.groupBy) o.layout.groupBy = argv.groupBy;
  if (argv.layoutFrom) o.layout.previous = readBlueprintFile(argv.layoutFrom, '--layout-from');
  if (argv.theme) o.theme = argv.theme;
  return o;
}

/** Inputs as the pipeline takes them; `-` reads stdin. */
export async function resolveInputs(inputs: readonly string[]): Promise<InputLike[]> {
  const out: InputLike[] = [];
  for (const i of inputs) out.push(isStdin(i) ? inputFromBytes(await readStdin(), '<stdin>') : i);
  return out;
}

/** Converts and prints diagnostics; throws CliError (exit 2) when conversion failed. */
export async function runConversion(argv: ConvertArgs, extra: Partial<PipelineOptions> = {}): Promise<ConvertResult> {
  const result = await convert(await resolveInputs(argv.inputs), { ...pipelineOptions(argv), ...extra });
  printDiagnostics(result.diagnostics, { quiet: !!argv.quiet, verbose: !!argv.verbose });
  if (!result.ok) {
    const n = result.diagnostics.filter((d) => d.severity === 'error').length;
    throw new CliError(`conversion failed with ${n} error${n === 1 ? '' : 's'}; nothing was written`);
  }
  return result;
}

function isDirectoryTarget(path: string): boolean {
  return path.endsWith('/') || (existsSync(path) && statSync(path).isDirectory());
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'page';
}

async function handler(argv: ArgumentsCamelCase<ConvertArgs>): Promise<void> {
  const out = argv.output;
  const toDir = out !== undefined && !isStdin(out) && isDirectoryTarget(out);
  const previewAs = argv.preview !== undefined ? formatForFile(argv.preview) : undefined;
  if (argv.preview !== undefined && !previewAs) throw new CliError(`--preview ${argv.preview}: name the file .svg or .html`);
  const result = await runConversion(argv, toDir ? { allPages: true } : {});
  // Rendered before anything is written, so a preview that fails leaves no half-done run behind.
  let preview: string | undefined;
  if (argv.preview !== undefined && previewAs) {
    const { renderBlueprint } = await import('../../render/index.js');
    const rendered = renderBlueprint(result.blueprint, previewAs, { file: argv.preview });
    reportRender(rendered, argv, argv.preview);
    preview = rendered.output!;
  }
  const written: string[] = [];
  if (toDir) {
    const pages = result.pages?.length ? result.pages : [{ name: result.blueprint!.name, blueprint: result.blueprint! }];
    for (const p of pages) {
      const file = join(out!, `${slug(p.name)}.blueprint.json`);
      writeFileAtomic(file, serializeBlueprint(p.blueprint));
      written.push(file);
    }
  } else if (out !== undefined && !isStdin(out)) {
    writeFileAtomic(out, serializeBlueprint(result.blueprint));
    written.push(out);
  } else if (!argv.json) {
    process.stdout.write(serializeBlueprint(result.blueprint));
  }
  if (argv.report) {
    writeFileAtomic(argv.report, `${JSON.stringify(result.report, null, 2)}\n`);
  }
  if (preview !== undefined) writeFileAtomic(argv.preview!, preview);
  const unmapped = unmappedEntries(result.report!);
  if (argv.json) {
    const payload: Record<string, unknown> = {
      ok: true,
      outputs: written,
      ...(preview !== undefined ? { preview: argv.preview } : {}),
      summary: result.report!.summary,
      diagnostics: result.diagnostics,
      unmapped: unmapped.map((e) => ({ address: e.address, sourceType: e.sourceType })),
    };
    if (!written.length) payload['blueprint'] = result.blueprint;
    process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
  } else if (!argv.quiet) {
    process.stderr.write(`${summaryLine(result.report!)}${written.length ? ` → ${written.join(', ')}` : ''}${preview !== undefined ? ` (preview → ${argv.preview})` : ''}\n`);
  }
  if (argv.strict && unmapped.length) {
    if (!argv.json) {
      process.stderr.write(`--strict: ${unmapped.length} resource${unmapped.length === 1 ? '' : 's'} left out for lack of a mapping: ` +
        `${unmapped.slice(0, 10).map((e) => `${e.address} (${e.sourceType})`).join(', ')}${unmapped.length > 10 ? ', …' : ''}\n`);
    }
    setExitCode(EXIT.findings);
  }
}

export const convertCommand: CommandModule<object, ConvertArgs> = {
  command: ['convert <inputs..>', '$0 <inputs..>'],
  describe: 'Convert inputs into one Cloudcraft blueprint',
  builder: (y) =>
    conversionOptions(y)
      .positional('inputs', { type: 'string', array: true, describe: 'Template, cdk.out folder, state/plan JSON or draw.io file; - for stdin' })
      .option('output', { alias: 'o', type: 'string', describe: 'Output file (- for stdout, a folder for one blueprint per draw.io page)' })
      .option('report', { type: 'string', describe: 'Write the coverage report (JSON) to this file' })
      .option('strict', { type: 'boolean', describe: 'Exit 1 when a resource was left out for lack of a mapping' })
      .option('preview', { type: 'string', describe: 'Also draw the blueprint offline to this file (.svg or .html preview)' })
      .example('$0 template.yaml -o out.json', 'Convert a CloudFormation template')
      .example('$0 cdk.out -o app.json --report report.json', 'Convert a CDK app, with a coverage report')
      .example('$0 terraform.tfstate --include-data -o infra.json', 'Convert a Terraform state, drawing data sources')
      .example('$0 a.yaml b.yaml --param Env=prod --region eu-west-1', 'Two stacks in one blueprint, with a parameter')
      .example('cat template.json | $0 - > out.json', 'Read stdin, write stdout') as unknown as Argv<ConvertArgs>,
  handler,
};
