/** Wording shared by the text and markdown reports, so both say the same thing the same way. */
import type { PlanAction } from '../graph/types.js';
import { DIFF_MARKS } from './style.js';
import type { ChangeKind, DiffResult, EdgeChange, PropertyChange, ResourceChange } from './types.js';

/** `a → b` for two sides; the drift wording when one is a live snapshot. */
export function title(r: DiffResult): string {
  if (r.mode === 'plan') return `Terraform plan ${r.before.name}`;
  if (r.drift) {
    const live = r.after.kind === 'snapshot' ? 'after' : 'before';
    const code = live === 'after' ? r.before : r.after;
    return `Drift between ${code.name} and the live account (${(live === 'after' ? r.after : r.before).name})`;
  }
  return `${r.before.name} → ${r.after.name}`;
}

/** Counts that are not zero, most serious first: `1 replaced, 2 added`. */
export function countsLine(r: DiffResult): string {
  const s = r.summary;
  const parts = (['replaced', 'removed', 'added', 'modified'] as const).filter((k) => s[k] > 0).map((k) => `${s[k]} ${k}`);
  if (parts.length === 0) parts.push('no resource changes');
  const edges = s.edgesAdded || s.edgesRemoved ? `; connections +${s.edgesAdded} −${s.edgesRemoved}` : '';
  const hidden = s.notDrawn ? ` (${s.notDrawn} not drawn)` : '';
  return `${parts.join(', ')}${hidden}${edges}; ${s.unchanged} unchanged`;
}

/** The plan action each kind normally comes from; another one is worth saying. */
const USUAL_ACTION: Record<ChangeKind, PlanAction> = { added: 'create', removed: 'delete', modified: 'update', replaced: 'replace', unchanged: 'no-op' };

/** What happens to the resource, in a few words. */
export function verdict(c: ResourceChange): string {
  const planned = c.action && c.action !== USUAL_ACTION[c.kind] ? ` (plan: ${c.action})` : '';
  const why = c.reason ? ` — ${c.reason}` : '';
  if (c.kind === 'replaced') return `${c.replacement === 'may' ? 'may be replaced' : 'replaced'}${planned}${why}`;
  return `${c.kind}${planned}${why}`;
}

/** `subnet: PrivateA → PrivateB`, `InstanceType: t3.small → t3.large`, `tags`, with a replacement note. */
export function describeProperty(p: PropertyChange, code: (s: string) => string = (s) => s): string {
  const shown = (v: string | undefined) => (v === undefined ? '(none)' : code(v));
  const values = p.before !== undefined || p.after !== undefined ? `: ${shown(p.before)} → ${shown(p.after)}` : '';
  const label = p.scope === 'placement' ? `moved ${p.name}` : p.name;
  const forces = p.replacement === 'will' ? ' [forces replacement]' : p.replacement === 'may' ? ' [may force replacement]' : '';
  return `${label}${values}${forces}`;
}

/** `ec2 · AWS::EC2::Instance`, or only the source type when nothing draws it. */
export function typeText(c: ResourceChange): string {
  if (!c.type) return `${c.sourceType}, not drawn`;
  return c.type === c.sourceType ? c.type : `${c.type} · ${c.sourceType}`;
}

export function mark(kind: ChangeKind): string {
  return DIFF_MARKS[kind];
}

export function edgeText(e: EdgeChange): string {
  return `${e.fromName} → ${e.toName}${e.edgeKind === 'reference' ? '' : ` (${e.edgeKind})`}`;
}
