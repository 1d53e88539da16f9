/** `cloudcraft-convert budget <id>`: the blueprint's cost estimate as CSV or XLSX. */
import type { Argv, CommandModule } from 'yargs';
import { withClient, writeExport } from './context.js';
import { formatFromOutput } from './export-options.js';
import { apiOptions, type ApiArgs } from './options.js';

const FORMATS = ['csv', 'xlsx'] as const;
const CURRENCIES = ['USD', 'AUD', 'CHF', 'DKK', 'EUR', 'GBP', 'HKD', 'JPY', 'NOK', 'NZD', 'SEK', 'ZAR'] as const;

interface BudgetArgs extends ApiArgs {
  id: string;
  output?: string;
  format?: (typeof FORMATS)[number];
  currency?: (typeof CURRENCIES)[number];
  period?: 'h' | 'd' | 'w' | 'm' | 'y';
  rate?: 'stated' | 'effective';
}

export const budgetCommand: CommandModule<object, BudgetArgs> = {
  command: 'budget <id>',
  describe: 'Export the cost estimate of a blueprint (csv or xlsx)',
  builder: (y) => apiOptions(y).positional('id', { type: 'string', demandOption: true })
    .option('format', { alias: 'f', choices: FORMATS, describe: 'Output format (default: from -o extension, else csv)' })
    .option('currency', { choices: CURRENCIES, describe: 'Currency (default USD)' })
    .option('period', { choices: ['h', 'd', 'w', 'm', 'y'] as const, describe: 'Cost per hour, day, week, month (default) or year' })
    .option('rate', { choices: ['stated', 'effective'] as const, describe: 'Reserved-instance rate shown' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write to this file (default stdout)' }) as unknown as Argv<BudgetArgs>,
  handler: (argv) => withClient(argv, async ({ client, printJson, say }) => {
    const format = argv.format ?? formatFromOutput(argv.output, FORMATS, 'csv');
    const out = await client.blueprints.exportBudget(argv.id, format, {
      ...(argv.currency ? { currency: argv.currency } : {}), ...(argv.period ? { period: argv.period } : {}), ...(argv.rate ? { rate: argv.rate } : {}),
    });
    const written = writeExport(argv.output, out.body, format === 'xlsx');
    if (argv.json && written) return printJson({ ok: true, id: argv.id, format, output: written, bytes: out.body.length });
    if (written) say(`wrote ${written} (${format}, ${out.body.length} bytes)`);
  }),
};
