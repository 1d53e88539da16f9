/**
 * How a diff blueprint shows change: added green, removed red (its connections dashed, ghosted
 * where the type allows), modified amber with the changed properties in its label, replaced
 * purple, unchanged as usual; a legend of isotext entries beside the drawing. Cloudcraft has no
 * dashed outline for components, so removal is told by colour, the `−` mark and dashed edges.
 */
import type { Blueprint, BlueprintObject } from '../blueprint.js';
import { hasField, LABEL_ANCHOR_KEY, LABEL_STYLE } from '../catalog/index.js';
import { derivedId } from '../ids.js';
import type { Scene } from '../layout/types.js';
import type { ChangeKind, ResourceChange } from './types.js';
import type { Union } from './union.js';

export const DIFF_COLOURS: Record<Exclude<ChangeKind, 'unchanged'>, string> = {
  added: '#2da44e',
  removed: '#cf222e',
  modified: '#bf8700',
  replaced: '#8250df',
};

export const DIFF_MARKS: Record<ChangeKind, string> = { added: '+', removed: '−', modified: '~', replaced: '±', unchanged: '' };

const LEGEND_TEXT: Record<Exclude<ChangeKind, 'unchanged'>, string> = {
  added: 'added',
  removed: 'removed (dashed connections)',
  modified: 'modified (changed properties listed)',
  replaced: 'replaced (deleted and created again)',
};

/** Most property names a label lists before `+N`. */
const LABEL_PROPERTIES = 3;

/** The names a label lists: what the source calls them when known, else drawn fields and placement. */
export function headlineProperties(c: ResourceChange): string[] {
  const source = c.properties.filter((p) => p.scope === 'source');
  const list = source.length ? [...source, ...c.properties.filter((p) => p.scope === 'placement')] : c.properties;
  return [...new Set(list.map((p) => p.name))];
}

/** The label a resource gets in the diff blueprint. */
export function diffLabel(c: ResourceChange): string {
  if (c.kind === 'unchanged') return c.name;
  const mark = `${DIFF_MARKS[c.kind]} ${c.name}`;
  if (c.kind !== 'modified' && c.kind !== 'replaced') return mark;
  const names = headlineProperties(c);
  const shown = names.slice(0, LABEL_PROPERTIES).join(', ') + (names.length > LABEL_PROPERTIES ? ` +${names.length - LABEL_PROPERTIES}` : '');
  const what = c.kind === 'replaced' ? (c.replacement === 'may' ? 'may replace' : 'replace') : '';
  const detail = [what, shown].filter(Boolean).join(': ');
  return detail ? `${mark} (${detail})` : mark;
}

const colour = (hex: string) => ({ isometric: hex, '2d': hex });

/** Colours the emitted objects by change and adds the legend (in place). */
export function styleDiffBlueprint(blueprint: Blueprint, scene: Scene, union: Union, options: { legend: boolean }): void {
  // Objects drawn for a resource under another id (one security group per subnet) take its change.
  const resourceOf = new Map<string, string>();
  for (const g of scene.groups) if (g.resourceId) resourceOf.set(g.id, g.resourceId);
  const changeOf = (id: unknown) => (typeof id === 'string' ? union.resourceKinds.get(resourceOf.get(id) ?? id) : undefined);

  for (const o of [...blueprint.data.nodes, ...blueprint.data.groups]) {
    const c = changeOf(o.id);
    if (!c || c.kind === 'unchanged') continue;
    if (hasField(o.type, 'color')) o['color'] = colour(DIFF_COLOURS[c.kind]);
    if (c.kind === 'removed' && hasField(o.type, 'transparent')) o['transparent'] = true;
  }
  for (const t of blueprint.data.text) {
    const c = LABEL_ANCHOR_KEY ? changeOf(t[LABEL_ANCHOR_KEY]) : undefined;
    if (c && c.kind !== 'unchanged') t['color'] = colour(DIFF_COLOURS[c.kind]);
  }
  for (const e of blueprint.data.edges) {
    const kind = union.edgeKinds.get(e.id);
    if (!kind) continue;
    e['color'] = colour(DIFF_COLOURS[kind]);
    if (kind === 'removed') e['dashed'] = true;
  }
  if (options.legend) blueprint.data.text.push(...legend(scene, union));
}

/** Legend entries to the right of everything drawn, one line per change kind with its count. */
function legend(scene: Scene, union: Union): BlueprintObject[] {
  let maxX = 0;
  let minY = Infinity;
  const extend = (x: number, y: number, w: number) => {
    maxX = Math.max(maxX, x + w);
    minY = Math.min(minY, y);
  };
  for (const n of scene.nodes) extend(n.box.x, n.box.y, n.box.w);
  for (const g of scene.groups) extend(g.box.x, g.box.y, g.box.w);
  for (const l of scene.labels) extend(l.x, l.y, l.w ?? 1);
  if (minY === Infinity) minY = 0;
  const counts: Record<string, number> = {};
  for (const c of union.resourceKinds.values()) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  const x = Math.round((maxX + 3) * 100) / 100;
  const entry = (key: string, text: string, row: number, hex?: string): BlueprintObject => {
    const o: BlueprintObject = { type: 'isotext', id: derivedId('diff-legend', key), mapPos: [x, Math.round((minY + row) * 100) / 100], text, ...LABEL_STYLE };
    if (hex) o['color'] = colour(hex);
    return o;
  };
  const out = [entry('title', 'Changes', 0)];
  (Object.keys(DIFF_COLOURS) as (keyof typeof DIFF_COLOURS)[]).forEach((kind, i) => {
    out.push(entry(kind, `${DIFF_MARKS[kind]} ${LEGEND_TEXT[kind]}: ${counts[kind] ?? 0}`, i + 1, DIFF_COLOURS[kind]));
  });
  out.push(entry('unchanged', `unchanged: ${counts['unchanged'] ?? 0}`, 5));
  return out;
}
