/**
 * The coverage report: every input resource is accounted for as mapped (to which component),
 * folded (into which edges) or omitted (why). Written by `--report FILE`; summarised on stderr.
 */
import type { Graph, OmitReason, Provider } from './graph/types.js';

export type ReportStatus = 'mapped' | 'folded' | 'omitted';

export interface ReportEntry {
  id: string;
  address: string;
  sourceType: string;
  provider: Provider;
  status: ReportStatus;
  /** Cloudcraft type, for mapped resources. */
  ccType?: string;
  reason?: OmitReason;
  detail?: string;
  /** For folded resources: ids of the edges drawn through them. */
  foldedInto?: string[];
  /** For mapped resources whose type was inferred from a label or is a generic fallback (Resource.mappedBy). */
  mappedBy?: 'label' | 'fallback';
  file?: string;
  line?: number;
  column?: number;
}

export interface Report {
  inputs: string[];
  formats: string[];
  summary: {
    total: number;
    mapped: number;
    folded: number;
    omitted: number;
    byReason: Partial<Record<OmitReason, number>>;
    byProvider: Record<string, { mapped: number; omitted: number }>;
    nodes: number;
    groups: number;
    edges: number;
  };
  entries: ReportEntry[];
}

export function buildReport(graph: Graph, inputs: string[], formats: string[], counts: { nodes: number; groups: number; edges: number }): Report {
  const entries: ReportEntry[] = [];
  const foldedInto = new Map<string, string[]>();
  const addressToId = new Map(graph.omitted.map((o) => [o.address, o.id]));
  for (const e of graph.edges) {
    for (const v of e.via ?? []) {
      const id = addressToId.get(v) ?? v;
      foldedInto.set(id, [...(foldedInto.get(id) ?? []), e.id]);
    }
  }
  const loc = (l: { file: string; line?: number; column?: number } | undefined) => {
    const out: Pick<ReportEntry, 'file' | 'line' | 'column'> = {};
    if (l) {
      out.file = l.file;
      if (l.line !== undefined) out.line = l.line;
      if (l.column !== undefined) out.column = l.column;
    }
    return out;
  };
  for (const r of graph.resources) {
    if (r.ccType === undefined) {
      entries.push({ id: r.id, address: r.address, sourceType: r.sourceType, provider: r.provider, status: 'omitted', reason: 'no-component', ...loc(r.location) });
      continue;
    }
    entries.push({ id: r.id, address: r.address, sourceType: r.sourceType, provider: r.provider, status: 'mapped', ccType: r.ccType, ...(r.mappedBy ? { mappedBy: r.mappedBy } : {}), ...loc(r.location) });
  }
  for (const o of graph.omitted) {
    const e: ReportEntry = { id: o.id, address: o.address, sourceType: o.sourceType, provider: o.provider, status: o.reason === 'folded' ? 'folded' : 'omitted', reason: o.reason, ...loc(o.location) };
    if (o.detail) e.detail = o.detail;
    if (o.reason === 'folded') e.foldedInto = foldedInto.get(o.id) ?? [];
    entries.push(e);
  }
  const byReason: Partial<Record<OmitReason, number>> = {};
  const byProvider: Record<string, { mapped: number; omitted: number }> = {};
  for (const e of entries) {
    if (e.reason) byReason[e.reason] = (byReason[e.reason] ?? 0) + 1;
    const p = (byProvider[e.provider] ??= { mapped: 0, omitted: 0 });
    if (e.status === 'mapped') p.mapped++;
    else p.omitted++;
  }
  return {
    inputs,
    formats,
    summary: {
      total: entries.length,
      mapped: entries.filter((e) => e.status === 'mapped').length,
      folded: entries.filter((e) => e.status === 'folded').length,
      omitted: entries.filter((e) => e.status === 'omitted').length,
      byReason,
      byProvider,
      ...counts,
    },
    entries,
  };
}

/** One line for stderr: `12 resources: 9 drawn, 2 folded into edges, 1 left out (1 no component)`. */
export function summaryLine(r: Report): string {
  const reasons = Object.entries(r.summary.byReason)
    .filter(([k]) => k !== 'folded')
    .map(([k, v]) => `${v} ${k.replace(/-/g, ' ')}`);
  const out = r.summary.omitted ? `, ${r.summary.omitted} left out (${reasons.join(', ')})` : '';
  return `${r.summary.total} resources: ${r.summary.mapped} drawn, ${r.summary.folded} folded into edges${out}; ` +
    `${r.summary.nodes} components, ${r.summary.groups} groups, ${r.summary.edges} edges`;
}

/** Resources left out because nothing maps them: what `--strict` fails on. */
export function unmappedEntries(r: Report): ReportEntry[] {
  return r.entries.filter((e) => e.status === 'omitted' && e.reason === 'no-component');
}
