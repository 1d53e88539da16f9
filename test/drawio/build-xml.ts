/** Small builders for draw.io XML in tests, and a shortcut to convert it. */
import { deflateRawSync } from 'node:zlib';
import { convert, type ConvertResult, type PipelineOptions } from '../../src/convert.js';
import type { Graph, Resource } from '../../src/graph/types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface VertexOptions {
  parent?: string;
  value?: string;
  extra?: string;
  geometry?: string;
}

/** A vertex cell; `style` is written as given. */
export function vertex(id: string, style: string, x: number, y: number, w: number, h: number, o: VertexOptions = {}): string {
  return `<mxCell id="${id}" value="${esc(o.value ?? '')}" style="${esc(style)}" vertex="1" parent="${o.parent ?? '1'}"${o.extra ?? ''}>` +
    `<mxGeometry x="${x}" y="${y}" width="${w}" height="${h}" as="geometry"${o.geometry ?? ''}/></mxCell>`;
}

export function edge(id: string, source: string | undefined, target: string | undefined, style = '', o: { parent?: string; value?: string; points?: string } = {}): string {
  const ends = `${source ? ` source="${source}"` : ''}${target ? ` target="${target}"` : ''}`;
  return `<mxCell id="${id}" value="${esc(o.value ?? '')}" style="${esc(style)}" edge="1" parent="${o.parent ?? '1'}"${ends}>` +
    `<mxGeometry relative="1" as="geometry">${o.points ?? ''}</mxGeometry></mxCell>`;
}

export const icon = (name: string) => `shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.${name};html=1;`;
export const aws4 = (name: string) => `shape=mxgraph.aws4.${name};html=1;`;
export const group = (grIcon: string, extra = '') => `shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.${grIcon};container=1;html=1;${extra}`;

export function model(cells: string[]): string {
  return `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cells.join('')}</root></mxGraphModel>`;
}

export function mxfile(pages: { name: string; cells: string[]; compressed?: boolean }[]): string {
  const body = pages.map((p) => {
    const m = model(p.cells);
    const content = p.compressed ? deflateRawSync(Buffer.from(encodeURIComponent(m))).toString('base64') : m;
    return `<diagram name="${esc(p.name)}" id="${esc(p.name)}-id">${content}</diagram>`;
  }).join('');
  return `<mxfile>${body}</mxfile>`;
}

export function run(text: string, options: PipelineOptions = {}, name = 'test.drawio'): Promise<ConvertResult> {
  return convert({ text, name }, { format: 'drawio', ...options });
}

/** Resource by the draw.io cell id it came from. */
export function byCell(g: Graph | undefined, cellId: string): Resource {
  const r = g?.resources.find((x) => x.meta?.['drawioId'] === cellId);
  if (!r) throw new Error(`no resource for cell ${cellId}`);
  return r;
}

export function errors(r: ConvertResult): { ruleId: string; line?: number; column?: number; reason: string }[] {
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ruleId: d.ruleId, line: d.line, column: d.column, reason: d.reason }));
}
