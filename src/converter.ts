/**
 * The converter contract. A converter turns inputs of one format into the intermediate graph
 * plus diagnostics; it knows nothing of layout or blueprint JSON. Like a prettier parser, it is
 * registered under a name (`cloudformation`, `terraform`, `drawio`) that `--format` selects.
 */
import type { Diagnostic } from './diagnostics.js';
import type { Graph } from './graph/types.js';
import type { InputSource } from './input.js';

/** Options common to every converter; converter-specific ones ride along under their own keys. */
export interface ConvertOptions {
  /** Force a converter instead of detecting by content. */
  format?: string;
  /** Blueprint name (defaults to the stack/state/page name). */
  name?: string;
  /** Region for pseudo parameters and resources that carry none. */
  region?: string;
  /** Template parameter overrides (`--param Key=Value`). */
  params?: Record<string, string>;
  /** Parameter files: AWS CLI `[{ParameterKey, ParameterValue}]` or plain `{Key: Value}` JSON. */
  parametersFile?: string;
  /** Where to find templates referenced by S3/https URLs (matched by file name). */
  templateDir?: string;
  includeTypes?: string[];
  excludeTypes?: string[];
  [key: string]: unknown;
}

export interface ConvertContext {
  readonly options: ConvertOptions;
  /**
   * Opens a file referenced from an input (nested stack, cdk.out template). Relative to the
   * referencing file; refuses paths outside the folders of the command-line inputs and
   * --template-dir (throws InputError).
   */
  openRelative(from: InputSource, ref: string): InputSource;
}

export interface ConverterResult {
  graph: Graph;
  diagnostics: Diagnostic[];
  /** Multi-page sources (draw.io): every page's graph; `graph` is the selected one. */
  pages?: { name: string; graph: Graph }[];
  /** Milliseconds per internal stage (`parse`, `evaluate`, …), reported by the benchmark. */
  timings?: Record<string, number>;
}

/** A CLI option a converter contributes to `convert --help` (yargs option shape, kept small). */
export interface CliOptionSpec {
  type: 'string' | 'boolean' | 'number' | 'array';
  describe: string;
  default?: unknown;
  choices?: readonly string[];
  alias?: string;
}

export interface Converter {
  /** Registry key, also the `--format` value. */
  readonly name: string;
  readonly description: string;
  /**
   * How sure this converter is that the input is its format, from 0 (not mine) to 1 (certain),
   * judged by content only. Must be cheap: no full parse of large inputs when avoidable.
   */
  detect(input: InputSource): number;
  /** Converts all inputs of this format in one call (so cross-file links resolve). */
  parse(inputs: readonly InputSource[], ctx: ConvertContext): ConverterResult | Promise<ConverterResult>;
  /** Extra CLI options this converter reads from ConvertOptions. */
  readonly cliOptions?: Readonly<Record<string, CliOptionSpec>>;
  /**
   * A message for inputs that look related but are not convertible (a `terraform plan -json`
   * log, HCL source): returned by detect-time sniffing so the user learns what to run instead.
   */
  explainRejection?(input: InputSource): string | undefined;
}
