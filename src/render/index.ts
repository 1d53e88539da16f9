/**
 * Offline rendering of a blueprint (ours or one exported from Cloudcraft) to SVG, isometric or
 * 2D, or to a self-contained HTML preview. Works from the blueprint JSON alone. Like the rest
 * of the library it never throws for bad input: a document that is not a blueprint comes back
 * as `{ ok: false, diagnostics }`, objects it cannot draw as warnings.
 *
 *   const { ok, output } = renderSvg(blueprint, { projection: '2d', theme: 'dark' });
 */
import type { Diagnostic } from '../diagnostics.js';
import type { RenderFormat } from './format.js';
import { htmlPage } from './html.js';
import { legendEntries, objectNames, tipEntries } from './legend.js';
import { blueprintData, readModel } from './model.js';
import type { Projection } from './projection.js';
import { drawSvg, type RenderStats, type Theme } from './svg.js';

export type { Projection } from './projection.js';
export type { RenderStats, Theme } from './svg.js';
export { formatForFile, type RenderFormat } from './format.js';

export interface RenderOptions {
  /** Default: the blueprint's own `projection`, else isometric. */
  projection?: Projection;
  /** Default: the blueprint's own `theme.base`, else light. */
  theme?: Theme;
  /** Draw the ground grid under the diagram. */
  grid?: boolean;
  /** Name used in diagnostics. */
  file?: string;
}

export interface RenderResult {
  ok: boolean;
  /** The SVG or HTML document (UTF-8 text) when ok. */
  output?: string;
  format: RenderFormat;
  diagnostics: Diagnostic[];
  stats?: RenderStats;
}

function own<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** Renders `blueprint` to the given format. */
export function renderBlueprint(blueprint: unknown, format: RenderFormat, options: RenderOptions = {}): RenderResult {
  const data = blueprintData(blueprint);
  const theme = data?.['theme'] as { base?: unknown } | undefined;
  const projection = options.projection ?? own(data?.['projection'], ['isometric', '2d'] as const) ?? 'isometric';
  const themeName = options.theme ?? own(theme?.base, ['light', 'dark'] as const) ?? 'light';
  const model = readModel(blueprint, { projection, ...(options.file ? { file: options.file } : {}) });
  if (model.diagnostics.some((d) => d.severity === 'error')) return { ok: false, format, diagnostics: model.diagnostics };
  const names = objectNames(model);
  const drawn = drawSvg(model, { projection, theme: themeName, grid: options.grid ?? false, interactive: format === 'html', names });
  const output = format === 'svg'
    ? `${drawn.svg}\n`
    : htmlPage({ name: model.name, theme: themeName, drawn, legend: legendEntries(model), tips: tipEntries(model, names) });
  return { ok: true, output, format, diagnostics: model.diagnostics, stats: drawn.stats };
}

export function renderSvg(blueprint: unknown, options: RenderOptions = {}): RenderResult {
  return renderBlueprint(blueprint, 'svg', options);
}

export function renderHtml(blueprint: unknown, options: RenderOptions = {}): RenderResult {
  return renderBlueprint(blueprint, 'html', options);
}
