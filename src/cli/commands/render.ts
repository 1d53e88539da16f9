/**
 * `cloudcraft-convert render <blueprint.json> -o out.svg|out.html`: draws any blueprint (ours or
 * one exported from Cloudcraft) offline. The renderer is imported only when this command runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, CommandModule } from 'yargs';
import { createDiagnostic, type Diagnostic } from '../../diagnostics.js';
import { decodeText } from '../../input.js';
import { formatForFile, type RenderFormat } from '../../render/format.js';
import type { Projection, RenderResult, Theme } from '../../render/index.js';
import { CliError, isStdin, printDiagnostics, readStdin, writeFileAtomic } from '../io.js';

interface RenderArgs {
  blueprint: string;
  output?: string;
  to?: RenderFormat;
  projection?: Projection;
  theme?: Theme;
  grid?: boolean;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** Where JSON.parse gave up, as a diagnostic with line and column when the message says. */
function jsonDiagnostic(text: string, err: unknown, file: string): Diagnostic {
  const message = err instanceof Error ? err.message : String(err);
  const m = /at position (\d+)/.exec(message);
  const offset = m ? Number(m[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  const init: Parameters<typeof createDiagnostic>[1] = { ruleId: 'json-syntax', source: 'render', file };
  if (offset !== undefined) {
    const before = text.slice(0, offset).split('\n');
    init.place = { line: before.length, column: before[before.length - 1]!.length + 1, offset };
  }
  return createDiagnostic(`not valid JSON (${message})`, init);
}

async function readBlueprint(arg: string): Promise<{ name: string; doc: unknown }> {
  const name = isStdin(arg) ? '<stdin>' : arg;
  let text: string;
  try {
    text = decodeText(isStdin(arg) ? await readStdin() : readFileSync(arg));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${name}: cannot read (${code === 'ENOENT' ? 'no such file' : code ?? String(err)})`);
  }
  try {
    return { name, doc: JSON.parse(text) };
  } catch (err) {
    printDiagnostics([jsonDiagnostic(text, err, name)], { quiet: false, verbose: false });
    throw new CliError(`${name}: not rendered; nothing was written`);
  }
}

/** Prints the renderer's diagnostics and throws when it refused the document. */
export function reportRender(result: RenderResult, argv: { quiet?: boolean; verbose?: boolean }, name: string): void {
  printDiagnostics(result.diagnostics, { quiet: !!argv.quiet, verbose: !!argv.verbose });
  if (!result.ok) throw new CliError(`${name}: not rendered; nothing was written`);
}

async function handler(argv: ArgumentsCamelCase<RenderArgs>): Promise<void> {
  const out = argv.output !== undefined && !isStdin(argv.output) ? argv.output : undefined;
  const format = argv.to ?? (out ? formatForFile(out) : 'svg');
  if (!format) throw new CliError(`${out}: cannot tell the output format; name the file .svg or .html, or give --to svg|html`);
  if (out && !isStdin(argv.blueprint) && resolve(out) === resolve(argv.blueprint)) {
    throw new CliError(`${out}: the output would overwrite the blueprint being rendered`);
  }
  const { name, doc } = await readBlueprint(argv.blueprint);
  const { renderBlueprint } = await import('../../render/index.js');
  const result = renderBlueprint(doc, format, {
    file: name,
    ...(argv.projection ? { projection: argv.projection } : {}),
    ...(argv.theme ? { theme: argv.theme } : {}),
    ...(argv.grid ? { grid: true } : {}),
  });
  reportRender(result, argv, name);
  if (out) writeFileAtomic(out, result.output!);
  const s = result.stats!;
  if (argv.json) {
    // Machine-readable on stdout; without -o the document travels inside it.
    const payload: Record<string, unknown> = { ok: true, outputs: out ? [out] : [], format, stats: s, diagnostics: result.diagnostics };
    if (!out) payload['document'] = result.output;
    process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
  } else if (!out) {
    process.stdout.write(result.output!);
  } else if (!argv.quiet) {
    process.stderr.write(`rendered ${s.nodes} components, ${s.groups} containers, ${s.edges} connections → ${out}\n`);
  }
}

export const renderCommand: CommandModule<object, RenderArgs> = {
  command: 'render <blueprint>',
  describe: 'Draw a blueprint offline as SVG (isometric or 2D) or as an HTML preview with pan, zoom, legend and tooltips',
  builder: (y) => y
    .positional('blueprint', { type: 'string', demandOption: true, describe: 'Blueprint JSON (ours or exported from Cloudcraft); - for stdin' })
    .option('output', { alias: 'o', type: 'string', describe: 'Output file: .svg or .html (default: SVG on stdout)' })
    .option('to', { choices: ['svg', 'html'] as const, describe: 'Output format instead of the file extension' })
    .option('projection', { choices: ['isometric', '2d'] as const, describe: "Isometric (Cloudcraft's look) or 2D top-down (default: the blueprint's own)" })
    .option('theme', { choices: ['light', 'dark'] as const, describe: "Colour theme (default: the blueprint's own)" })
    .option('grid', { type: 'boolean', describe: 'Draw the ground grid' })
    .example('$0 render app.json -o app.svg', 'Isometric SVG')
    .example('$0 render app.json -o app.html --theme dark', 'Interactive preview page')
    .example('$0 render app.json --projection 2d --grid > app-2d.svg', '2D with grid, on stdout') as never,
  handler,
};
