/**
 * `cloudcraft-convert diff <before> [after]`: what a change does to the architecture, as a diff
 * blueprint (-o), a preview (--preview) and a report on stdout (text, markdown for a pull
 * request, or JSON). One Terraform plan alone is a diff too. The diff engine (and
 * @aws-cdk/cloudformation-diff under it) loads only when this command runs.
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { serializeBlueprint } from '../../blueprint.js';
import type { InputLike } from '../../input.js';
import { formatForFile } from '../../render/format.js';
import type { DiffOptions, DiffResult } from '../../diff/types.js';
import { conversionOptions, pipelineOptions, resolveInputs, type ConvertArgs } from './convert.js';
import { reportRender } from './render.js';
import { CliError, EXIT, isStdin, printDiagnostics, setExitCode, writeFileAtomic } from '../io.js';

const REPORT_FORMATS = ['text', 'markdown', 'json'] as const;

interface DiffArgs extends ConvertArgs {
  before: string;
  after?: string;
  reportFormat?: (typeof REPORT_FORMATS)[number];
  inputFormat?: string;
  image?: string;
  link?: string;
  exitCode?: boolean;
  color?: boolean;
  legend?: boolean;
  cfnDiff?: boolean;
}

/** Our own options, kept out of the pipeline options handed to the converters. */
const OWN_KEYS = ['before', 'after', 'reportFormat', 'report-format', 'inputFormat', 'input-format', 'image', 'link', 'exitCode', 'exit-code',
  'color', 'legend', 'cfnDiff', 'cfn-diff', 'preview', 'report', 'format'];

function diffOptions(argv: DiffArgs): DiffOptions {
  const rest: Record<string, unknown> = { ...argv, inputs: [] };
  for (const k of OWN_KEYS) delete rest[k];
  if (argv.inputFormat) rest['format'] = argv.inputFormat;
  const options: DiffOptions = pipelineOptions(rest as ConvertArgs);
  if (argv.legend === false) options.legend = false;
  if (argv.cfnDiff === false) options.cloudformationDiff = false;
  return options;
}

/** Refuses to write over an input: a diff must never destroy what it compares. */
function checkOutputs(argv: DiffArgs): void {
  const inputs = [argv.before, argv.after].filter((i): i is string => i !== undefined && !isStdin(i)).map((i) => resolve(i));
  for (const [flag, path] of [['-o', argv.output], ['--preview', argv.preview], ['--report', argv.report]] as const) {
    if (path === undefined) continue;
    if (isStdin(path)) throw new CliError(`${flag} -: the report goes to stdout; give ${flag} a file name`);
    if (inputs.includes(resolve(path))) throw new CliError(`${flag} ${path}: that is one of the inputs; choose another file`);
  }
  if (argv.preview !== undefined && !formatForFile(argv.preview)) throw new CliError(`--preview ${argv.preview}: name the file .svg or .html`);
  if (argv.before !== undefined && argv.after !== undefined && isStdin(argv.before) && isStdin(argv.after)) {
    throw new CliError('only one side can be read from stdin');
  }
}

function useColour(argv: DiffArgs): boolean {
  if (argv.color !== undefined) return argv.color;
  const noColor = process.env['NO_COLOR'];
  return !!process.stdout.isTTY && (noColor === undefined || noColor === '');
}

async function handler(argv: ArgumentsCamelCase<DiffArgs>): Promise<void> {
  checkOutputs(argv);
  const format = argv.json ? 'json' : argv.reportFormat ?? 'text';
  const [before, after] = await resolveInputs([argv.before, ...(argv.after !== undefined ? [argv.after] : [])]) as [InputLike, InputLike | undefined];
  const engine = await import('../../diff/index.js');
  const options = diffOptions(argv);
  const result: DiffResult = after !== undefined ? await engine.diff(before, after, options) : await engine.diffPlan(before, options);
  printDiagnostics(result.diagnostics, { quiet: !!argv.quiet, verbose: !!argv.verbose });
  if (!result.ok || !result.blueprint) {
    const n = result.diagnostics.filter((d) => d.severity === 'error').length;
    throw new CliError(`diff failed with ${n} error${n === 1 ? '' : 's'}; nothing was written`);
  }
  // Everything is rendered before anything is written, so a failure leaves no half-done run.
  let preview: string | undefined;
  if (argv.preview !== undefined) {
    const { renderBlueprint } = await import('../../render/index.js');
    const rendered = renderBlueprint(result.blueprint, formatForFile(argv.preview)!, { file: argv.preview });
    reportRender(rendered, argv, argv.preview);
    preview = rendered.output!;
  }
  const outputs = [argv.output, argv.preview].filter((p): p is string => p !== undefined);
  const report = format === 'json'
    ? `${JSON.stringify({ ...engine.diffReport(result), outputs }, null, 2)}\n`
    : format === 'markdown'
      ? engine.formatDiffMarkdown(result, {
        ...(argv.image ?? argv.preview ? { image: argv.image ?? argv.preview! } : {}),
        ...(argv.link ? { link: argv.link } : {}),
      })
      : engine.formatDiffText(result, { color: argv.report === undefined && useColour(argv) });
  if (argv.output !== undefined) writeFileAtomic(argv.output, serializeBlueprint(result.blueprint));
  if (preview !== undefined) writeFileAtomic(argv.preview!, preview);
  if (argv.report !== undefined) writeFileAtomic(argv.report, report);
  else process.stdout.write(report);
  const written = [...outputs, ...(argv.report !== undefined ? [argv.report] : [])];
  if (written.length && !argv.quiet && format !== 'json') process.stderr.write(`diff → ${written.join(', ')}\n`);
  if (argv.exitCode && result.summary.changed) setExitCode(EXIT.findings);
}

export const diffCommand: CommandModule<object, DiffArgs> = {
  command: 'diff <before> [after]',
  describe: 'Show what a change does to the architecture: a diff blueprint and a report (text, markdown for PRs, JSON)',
  builder: (y) =>
    conversionOptions(y)
      .positional('before', { type: 'string', demandOption: true, describe: 'Before: template, cdk.out, Terraform state, blueprint or live snapshot JSON; or one Terraform plan alone' })
      .positional('after', { type: 'string', describe: 'After: any of the same (omit it for a plan, which holds both sides); - for stdin' })
      .option('output', { alias: 'o', type: 'string', describe: 'Write the diff blueprint (the union, coloured by change) to this file' })
      .option('preview', { type: 'string', describe: 'Also draw the diff offline to this file (.svg or .html)' })
      .option('format', { alias: 'report-format', choices: REPORT_FORMATS, describe: 'Report on stdout: text (coloured on a terminal), markdown (a PR comment) or json' })
      .option('input-format', { type: 'string', describe: 'Input format of both sides instead of detecting it (cloudformation, terraform, drawio)' })
      .option('report', { type: 'string', describe: 'Write the report to this file instead of stdout' })
      .option('image', { type: 'string', describe: 'Markdown: image to embed (path or URL; default the --preview file)' })
      .option('link', { type: 'string', describe: 'Markdown: link to the diff blueprint (e.g. the URL `upload` printed)' })
      .option('exit-code', { type: 'boolean', describe: 'Exit 1 when anything changed (like git diff --exit-code)' })
      .option('color', { type: 'boolean', describe: 'Colour the text report (default: when stdout is a terminal and NO_COLOR is unset)' })
      .option('legend', { type: 'boolean', default: true, describe: 'Draw a legend in the diff blueprint (--no-legend to leave it out)' })
      .option('cfn-diff', { type: 'boolean', default: true, describe: 'Classify CloudFormation changes with @aws-cdk/cloudformation-diff (--no-cfn-diff: compare drawn fields only, faster)' })
      // Each side of a plan is read in its own view (before: prior state, after: planned); the option does not apply.
      .hide('plan-view')
      .example('$0 diff base/template.yaml head/template.yaml -o diff.json --preview diff.svg', 'Two versions of a template')
      .example('$0 diff plan.json --format markdown > comment.md', 'A Terraform plan, as a PR comment')
      .example('$0 diff template.yaml live.json', 'Drift between code and a live-account snapshot')
      .example('$0 diff old.blueprint.json new.blueprint.json --exit-code', 'Fail when two blueprints differ') as unknown as Argv<DiffArgs>,
  handler,
};
