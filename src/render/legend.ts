/**
 * What the HTML preview explains next to the drawing: the legend (each component and container
 * type shown, with its colour and count) and the tooltip facts of every object (type, name and
 * the mapped Cloudcraft fields such as instance type or engine).
 */
import type { RenderModel } from './model.js';
import { CATEGORY_STYLE, groupStyle, typeStyle } from './styles.js';

export interface LegendEntry {
  type: string;
  title: string;
  kind: 'component' | 'container';
  colour: string;
  count: number;
}

export function legendEntries(model: RenderModel): LegendEntry[] {
  const counts = new Map<string, LegendEntry>();
  const add = (type: string, kind: LegendEntry['kind']) => {
    const key = `${kind}:${type}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else if (kind === 'component') {
      const s = typeStyle(type);
      counts.set(key, { type, title: s.title, kind, colour: CATEGORY_STYLE[s.category].colour, count: 1 });
    } else {
      const s = groupStyle(type);
      counts.set(key, { type, title: s.title, kind, colour: s.stroke, count: 1 });
    }
  };
  for (const n of model.nodes) add(n.type, 'component');
  for (const g of model.groups) if (g.visible) add(g.type, 'container');
  const order = (e: LegendEntry) => (e.kind === 'component' ? 0 : 1);
  return [...counts.values()].sort((a, b) => order(a) - order(b) || compare(a.title, b.title) || compare(a.type, b.type));
}

/** Code-point order, the same on every machine (localeCompare is not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Tip {
  id: string;
  type: string;
  title: string;
  name?: string;
  /** Mapped fields as [field, value] in blueprint order. */
  props: [string, string][];
}

/** Geometry and bookkeeping, not facts about the resource. */
const NOT_SHOWN = new Set(['type', 'id', 'mapPos', 'mapSize', 'color', 'accentColor', 'borderColor', 'nodes', 'points', 'locked',
  'attachedTo', 'padding', 'shape', 'visible', 'name', 'direction', 'layout', 'transparent', 'isometric', 'standing', 'shadow']);
const MAX_VALUE = 160;

function shown(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const s = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

function props(object: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(object)) {
    if (NOT_SHOWN.has(k)) continue;
    const s = shown(v);
    if (s !== undefined) out.push([k, s]);
  }
  return out;
}

/** The display name of each object: its own `name`, else the first label attached to it. */
export function objectNames(model: RenderModel): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of model.texts) if (t.anchor && !names.has(t.anchor)) names.set(t.anchor, t.text);
  for (const o of [...model.nodes, ...model.groups]) {
    const own = o.object['name'];
    if (typeof own === 'string' && own) names.set(o.id, own);
  }
  return names;
}

/** Tooltip facts, nodes first then groups: index i belongs to the element with data-i="i". */
export function tipEntries(model: RenderModel, names: Map<string, string>): Tip[] {
  const tips: Tip[] = [];
  for (const n of model.nodes) {
    const tip: Tip = { id: n.id, type: n.type, title: typeStyle(n.type).title, props: props(n.object) };
    const name = names.get(n.id);
    if (name) tip.name = name;
    tips.push(tip);
  }
  for (const g of model.groups) {
    const members = Array.isArray(g.object['nodes']) ? (g.object['nodes'] as unknown[]).length : undefined;
    const tip: Tip = { id: g.id, type: g.type, title: groupStyle(g.type).title, props: props(g.object) };
    if (members !== undefined) tip.props.unshift(['members', String(members)]);
    const name = g.name ?? names.get(g.id);
    if (name) tip.name = name;
    tips.push(tip);
  }
  return tips;
}
