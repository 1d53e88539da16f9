/**
 * The terminal report: a headline of counts, then one line per changed resource with its
 * changed properties indented under it, then the connections. Colour only when asked (the CLI
 * asks when stdout is a terminal and NO_COLOR is not set).
 */
import { countsLine, describeProperty, edgeText, mark, title, typeText, verdict } from './report-common.js';
import type { ChangeKind, DiffResult } from './types.js';

export interface TextReportOptions {
  color?: boolean;
  /** Also list property changes of each resource (default true). */
  details?: boolean;
}

const SGR: Record<ChangeKind | 'bold' | 'dim', string> = {
  added: '32', removed: '31', modified: '33', replaced: '35', unchanged: '0', bold: '1', dim: '2',
};

export function formatDiffText(r: DiffResult, options: TextReportOptions = {}): string {
  const paint = (style: keyof typeof SGR, s: string) => (options.color ? `\u001b[${SGR[style]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  lines.push(paint('bold', `${r.drift ? '' : 'diff '}${title(r)}`));
  lines.push(`${countsLine(r)}`);
  if (r.changes.length) lines.push('');
  for (const c of r.changes) {
    const head = `${mark(c.kind)} ${c.name} (${typeText(c)}) ${verdict(c)}`;
    lines.push(c.drawn ? paint(c.kind, head) : paint('dim', head));
    if (options.details === false) continue;
    for (const p of c.properties) lines.push(`    ${describeProperty(p)}`);
  }
  if (r.edges.length) {
    lines.push('', 'Connections:');
    for (const e of r.edges) lines.push(paint(e.kind, `${mark(e.kind)} ${edgeText(e)}`));
  }
  return `${lines.join('\n')}\n`;
}
