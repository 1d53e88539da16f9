/** draw.io options as they arrive in ConvertOptions (CLI flags camelCased, or library keys). */
import type { CliOptionSpec, ConvertOptions } from '../../src/converter.js';
import { InputError } from '../../src/diagnostics.js';

export const DEFAULT_MAX_INFLATE_MB = 50;
/** Node cannot hold much more in one buffer; larger caps would only move the failure. */
const MAX_INFLATE_MB_LIMIT = 2048;

export interface DrawioOptions {
  /** `--page`: a page name or 1-based index. */
  page?: string;
  /** `--relayout`: use the layout engine instead of the author's arrangement. */
  relayout: boolean;
  /** `--no-label-inference` sets this to false. */
  labelInference: boolean;
  maxInflateBytes: number;
  region?: string;
  /** The pipeline wants every page (output is a folder). */
  allPages: boolean;
}

export const CLI_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  page: { type: 'string', describe: 'Page to convert, by name or 1-based index (default: the first; every page when -o is a folder)' },
  relayout: { type: 'boolean', describe: 'Lay the diagram out again instead of keeping the arrangement drawn in draw.io' },
  'label-inference': {
    type: 'boolean', default: true,
    describe: 'Map generic shapes whose label names a service ("RDS", "S3 bucket") to it, and boxes labelled "VPC"/"subnet" to groups (--no-label-inference: off)',
  },
  'max-inflate-mb': { type: 'number', default: DEFAULT_MAX_INFLATE_MB, describe: 'Largest decompressed size of a draw.io file, in MB (guards against deflate bombs)' },
};

function optionError(reason: string): InputError {
  return new InputError(reason, { ruleId: 'drawio-option', source: 'drawio' });
}

export function readOptions(o: ConvertOptions): DrawioOptions {
  const out: DrawioOptions = {
    relayout: o['relayout'] === true,
    labelInference: o['labelInference'] !== false,
    maxInflateBytes: DEFAULT_MAX_INFLATE_MB * 1048576,
    allPages: o['allPages'] === true,
  };
  const page = o['page'];
  if (page !== undefined && page !== null && page !== '') {
    if (typeof page !== 'string' && typeof page !== 'number') throw optionError('--page expects a page name or a 1-based index');
    out.page = String(page);
  }
  const mb = o['maxInflateMb'];
  if (mb !== undefined) {
    const n = typeof mb === 'string' ? Number(mb) : mb;
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > MAX_INFLATE_MB_LIMIT) {
      throw optionError(`--max-inflate-mb expects a number of megabytes above 0 and at most ${MAX_INFLATE_MB_LIMIT}, got ${JSON.stringify(mb)}`);
    }
    out.maxInflateBytes = Math.floor(n * 1048576);
  }
  if (typeof o.region === 'string' && o.region) out.region = o.region;
  return out;
}
