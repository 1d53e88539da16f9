/**
 * The parse side of the draw.io converter, loaded on first use (index.ts keeps only detection
 * and options, so `--help` does not load the XML parser): inputs → pages → graphs.
 */
import { basename } from 'node:path';
import type { ConvertContext, ConverterResult } from '../../src/converter.js';
import { DiagnosticBag, InputError } from '../../src/diagnostics.js';
import type { Graph } from '../../src/graph/types.js';
import type { InputSource } from '../../src/input.js';
import { buildPage } from './build.js';
import { ContainerError, extractDiagramXml } from './container.js';
import { Locator } from './locate.js';
import { readOptions, type DrawioOptions } from './options.js';
import { decodePages, PageError, type DecodedPage } from './pages.js';

/** Space (px) between the pages of several inputs converted into one blueprint. */
const INPUT_GAP = 200;

function fileStem(name: string): string {
  return basename(name).replace(/\.(drawio\.(svg|png)|drawio|xml|io|svg|png)$/i, '') || name;
}

function decode(input: InputSource, opts: DrawioOptions): { pages: DecodedPage[]; locator: Locator } {
  try {
    const { xml, positional } = extractDiagramXml(input, opts.maxInflateBytes);
    const pages = decodePages(xml, opts.maxInflateBytes);
    return { pages, locator: new Locator(input.name, positional ? xml : undefined) };
  } catch (err) {
    if (err instanceof ContainerError) {
      const place = err instanceof PageError && err.line !== undefined ? { place: { line: err.line, column: err.column ?? 1 } } : {};
      throw new InputError(err.message, { ruleId: err.ruleId, source: 'drawio', file: input.name, ...place });
    }
    throw err;
  }
}

/** `--page NAME|INDEX`: exact name, then case-insensitive name, then 1-based position. */
function pickPage(pages: DecodedPage[], wanted: string, file: string): DecodedPage {
  const found = pages.find((p) => p.name === wanted) ?? pages.find((p) => p.name.toLowerCase() === wanted.toLowerCase())
    ?? (/^\d+$/.test(wanted) ? pages[Number(wanted) - 1] : undefined);
  if (found) return found;
  const names = pages.map((p, i) => `${i + 1} ${JSON.stringify(p.name)}`).join(', ');
  throw new InputError(`no page ${JSON.stringify(wanted)}; the file has ${pages.length} page${pages.length === 1 ? '' : 's'}: ${names}`,
    { ruleId: 'drawio-page-not-found', source: 'drawio', file });
}

function hintRight(g: Graph): number {
  let right = -Infinity;
  for (const r of g.resources) if (r.hint) right = Math.max(right, r.hint.x + r.hint.w);
  return Number.isFinite(right) ? right : 0;
}

function hintLeft(g: Graph): number {
  let left = Infinity;
  for (const r of g.resources) if (r.hint) left = Math.min(left, r.hint.x);
  return Number.isFinite(left) ? left : 0;
}

export async function parseInputs(inputs: readonly InputSource[], ctx: ConvertContext): Promise<ConverterResult> {
  const opts = readOptions(ctx.options);
  const bag = new DiagnosticBag('drawio');
  const timings: Record<string, number> = { parse: 0, build: 0 };
  const selected: Graph[] = [];
  const pages: { name: string; graph: Graph }[] = [];
  let nextX = 0;
  for (const input of inputs) {
    let t = performance.now();
    const { pages: decoded, locator } = decode(input, opts);
    timings['parse']! += performance.now() - t;
    t = performance.now();
    const several = inputs.length > 1;
    const stem = fileStem(input.name);
    const prefix = several ? `${basename(input.name)}#` : '';
    const chosen = opts.page !== undefined ? pickPage(decoded, opts.page, input.name) : decoded[0]!;
    const build = (page: DecodedPage, offsetX: number) => {
      const pageBag = new DiagnosticBag('drawio', input.name);
      const built = buildPage(page, {
        hints: !opts.relayout, labelInference: opts.labelInference, region: opts.region, addressPrefix: prefix,
        offset: { x: offsetX, y: 0 }, locate: (id) => locator.cell(page.index, id, page.compressed),
      }, pageBag);
      bag.items.push(...pageBag.items);
      if (built.graph.resources.length === 0) {
        bag.warn('drawio-empty-page', `page ${JSON.stringify(page.name)} has no shapes to convert`, undefined, { file: input.name });
      }
      return built.graph;
    };
    const main = build(chosen, 0);
    if (several && main.resources.length) {
      // Side by side: shift this input's page right of the previous ones.
      const shift = nextX - hintLeft(main);
      for (const r of main.resources) if (r.hint) r.hint = { ...r.hint, x: r.hint.x + shift };
      nextX = hintRight(main) + INPUT_GAP;
    }
    // Named after the file (and the page, for several); inputs without a file name (`<stdin>`) after the page.
    const anonymous = input.name.startsWith('<');
    main.name = anonymous ? chosen.name : decoded.length === 1 ? stem : `${stem} - ${chosen.name}`;
    selected.push(main);
    if (opts.allPages && opts.page === undefined) {
      for (const p of decoded) {
        const graph = p === chosen ? { ...main, name: p.name } : build(p, 0);
        graph.name = several ? `${stem} - ${p.name}` : p.name;
        pages.push({ name: graph.name, graph });
      }
    } else if (decoded.length > 1 && opts.page === undefined) {
      const others = decoded.slice(1).map((p, i) => `${i + 2} ${JSON.stringify(p.name)}`).join(', ');
      bag.warn('drawio-other-pages', `the file has ${decoded.length} pages; converted page 1 ${JSON.stringify(chosen.name)} only. Other pages: ${others}. ` +
        'Choose one with --page NAME|INDEX, or give a folder to -o for one blueprint per page', undefined, { file: input.name });
    }
    timings['build']! += performance.now() - t;
  }
  const graph: Graph = selected.length === 1 ? selected[0]! : {
    resources: selected.flatMap((g) => g.resources), edges: selected.flatMap((g) => g.edges), omitted: selected.flatMap((g) => g.omitted),
    name: selected.map((g) => g.name).join(' + '),
  };
  const result: ConverterResult = { graph, diagnostics: bag.items, timings };
  if (pages.length > 1) result.pages = pages;
  return result;
}

