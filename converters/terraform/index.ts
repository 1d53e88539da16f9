/**
 * Terraform converter: state v3/v4, `terraform show -json` of a state, and plan JSON
 * (format 0.2 – 1.x) for AWS and Azure. Detection here is cheap (content sniffing); the reader,
 * mapping tables and graph builder load on first parse.
 */
import type { CliOptionSpec, Converter, ConverterResult } from '../../src/converter.js';
import type { InputSource } from '../../src/input.js';
import { classify } from './sniff.js';

/**
 * Near misses (the `terraform plan -json` log, HCL, `.tf.json`, a binary plan) are claimed with
 * a low confidence so that parse can reject them with a specific message and position; any
 * converter that really reads the input wins over that.
 */
function detect(input: InputSource): number {
  return classify(input).confidence;
}

function explainRejection(input: InputSource): string | undefined {
  const c = classify(input);
  return 'message' in c && c.kind !== 'not-terraform' ? c.message : undefined;
}

const cliOptions: Readonly<Record<string, CliOptionSpec>> = {
  'include-data': { type: 'boolean', describe: 'Draw Terraform data sources too (always listed in the report)' },
  'collapse-instances': { type: 'boolean', describe: 'One node per Terraform resource instead of one per count/for_each instance' },
  'plan-view': { type: 'string', choices: ['after', 'before'], default: 'after', describe: 'Which side of a plan to draw: after (planned) or before (prior state)' },
};

export const converter: Converter = {
  name: 'terraform',
  description: 'Terraform state (v3/v4), terraform show -json and plan JSON (AWS and Azure)',
  detect,
  explainRejection,
  cliOptions,
  async parse(inputs, ctx): Promise<ConverterResult> {
    const { parseTerraform } = await import('./parse.js');
    return parseTerraform(inputs, ctx);
  },
};
