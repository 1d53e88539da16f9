/** Output formats of the renderer, told by file name. Dependency-free so the CLI can use it at start-up. */
export type RenderFormat = 'svg' | 'html';

/** The format a file name asks for: `.svg`, or `.html`/`.htm`; undefined for anything else. */
export function formatForFile(path: string): RenderFormat | undefined {
  const m = /\.(svg|html?)$/i.exec(path);
  if (!m) return undefined;
  return m[1]!.toLowerCase() === 'svg' ? 'svg' : 'html';
}
