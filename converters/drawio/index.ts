/**
 * The draw.io converter: `.drawio`/`.xml`/`.io` files, `.drawio.svg` and `.drawio.png` exports
 * (detected by content), one or more pages each, plain or compressed. Produces the graph of the
 * selected page (or of every page, for a folder output) with the author's geometry as hints, so
 * the pipeline keeps the arrangement (src/layout/source.ts) unless --relayout is given.
 */
import type { Converter } from '../../src/converter.js';
import { rejectionReason, sniffContainer } from './container.js';
import { CLI_OPTIONS } from './options.js';

export const converter: Converter = {
  name: 'drawio',
  description: 'draw.io / diagrams.net diagrams (.drawio, .xml, .io, .drawio.svg, .drawio.png)',
  detect: (input) => sniffContainer(input)?.confidence ?? 0,
  explainRejection: rejectionReason,
  parse: async (inputs, ctx) => (await import('./run.js')).parseInputs(inputs, ctx),
  cliOptions: CLI_OPTIONS,
};
