/** `cloudcraft-convert validate <blueprint.json>`: schema and reference checks for any blueprint. */
import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, CommandModule } from 'yargs';
import { validateBlueprint } from '../../validate/index.js';
import { CliError, EXIT, isStdin, printDiagnostics, readStdin, setExitCode } from '../io.js';

interface ValidateArgs {
  files: string[];
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

async function handler(argv: ArgumentsCamelCase<ValidateArgs>): Promise<void> {
  const results: { file: string; ok: boolean; diagnostics: unknown[] }[] = [];
  let failed = false;
  for (const file of argv.files) {
    const name = isStdin(file) ? '<stdin>' : file;
    let text: string;
    try {
      text = isStdin(file) ? (await readStdin()).toString('utf8') : readFileSync(file, 'utf8');
    } catch (err) {
      throw new CliError(`${name}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const where = m ? lineColumn(text, Number(m[1])) : '';
      throw new CliError(`${name}${where}: not valid JSON (${(err as Error).message})`);
    }
    const r = validateBlueprint(doc, name);
    if (!r.ok) failed = true;
    results.push({ file: name, ok: r.ok, diagnostics: r.diagnostics });
    if (!argv.json) {
      printDiagnostics(r.diagnostics, { quiet: !!argv.quiet, verbose: !!argv.verbose });
      if (!argv.quiet) process.stderr.write(`${name}: ${r.ok ? 'valid' : 'invalid'}\n`);
    }
  }
  if (argv.json) process.stdout.write(`${JSON.stringify({ ok: !failed, results }, null, 2)}\n`);
  if (failed) setExitCode(EXIT.usage);
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `:${before.length}:${before[before.length - 1]!.length + 1}`;
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <files..>',
  describe: 'Check blueprints against the schema and their internal references',
  builder: (y) => y.positional('files', { type: 'string', array: true, demandOption: true, describe: 'Blueprint JSON files (- for stdin)' })
    .example('$0 validate out.json', 'Validate a blueprint') as never,
  handler,
};
