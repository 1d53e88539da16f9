/** Image export options shared by `blueprint export` and `account snapshot`. */
import type { Argv } from 'yargs';
import type { ImageParams } from '../../../api/types.js';

/** As parsed by yargs: the paper size arrives as a plain string (checked by `choices`). */
export type ImageArgs = Omit<ImageParams, 'paperSize'> & { paperSize?: string };

export const PAPER_SIZE_CHOICES = ['Letter', 'Legal', 'Tabloid', 'Ledger', 'A0', 'A1', 'A2', 'A3', 'A4', 'A5'] as const;

export function imageOptions<T>(y: Argv<T>): Argv<T & ImageArgs> {
  return y
    .option('scale', { type: 'number', describe: 'Scale (1 = original size)' })
    .option('width', { type: 'number', describe: 'Width in pixels' })
    .option('height', { type: 'number', describe: 'Height in pixels' })
    .option('grid', { type: 'boolean', describe: 'Draw the grid' })
    .option('transparent', { type: 'boolean', describe: 'Transparent background' })
    .option('landscape', { type: 'boolean', describe: 'Landscape page (pdf)' })
    .option('paper-size', { choices: PAPER_SIZE_CHOICES, describe: 'Page size (pdf)' }) as Argv<T & ImageArgs>;
}

const IMAGE_KEYS = ['scale', 'width', 'height', 'grid', 'transparent', 'landscape', 'paperSize'] as const;

/** The image parameters the user gave (undefined ones left out of the query). */
export function imageParams(a: ImageArgs): ImageParams {
  const p: Record<string, unknown> = {};
  for (const k of IMAGE_KEYS) if (a[k] !== undefined) p[k] = a[k];
  return p as ImageParams;
}

/** The format named by -o's extension, when --format is not given. */
export function formatFromOutput<F extends string>(output: string | undefined, formats: readonly F[], fallback: F): F {
  const ext = output?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
  const byExt = formats.find((f) => f.toLowerCase() === ext || (f === 'mxGraph' && ext === 'xml'));
  return byExt ?? fallback;
}
