/**
 * Scene + graph → blueprint JSON. The only place that knows Cloudcraft's object shapes; which
 * array a type goes to, the edge shape and the label anchor key come from catalog/placement.ts.
 */
import type { Blueprint, BlueprintData, BlueprintObject } from '../blueprint.js';
import { arrayOf, componentSpec, edgeObject, hasField, LABEL_ANCHOR_KEY, LABEL_STYLE, sanitizeProps } from '../catalog/index.js';
import { GROUP_MEMBERSHIP } from '../catalog/placement.js';
import { DiagnosticBag } from '../diagnostics.js';
import type { Graph, Resource } from '../graph/types.js';
import type { Scene, SceneGroup } from '../layout/types.js';

export interface EmitOptions {
  name?: string;
  projection?: 'isometric' | '2d';
  theme?: 'light' | 'dark';
  grid?: string;
}

/** Grid coordinates are written with at most two decimals so output is stable across platforms. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export const BLUEPRINT_VERSION = 4;

export function emitBlueprint(graph: Graph, scene: Scene, options: EmitOptions = {}, bag = new DiagnosticBag('emit')): Blueprint {
  const name = options.name ?? graph.name ?? 'cloudcraft-convert';
  const data: BlueprintData = {
    version: BLUEPRINT_VERSION,
    name,
    grid: options.grid ?? 'standard',
    projection: options.projection ?? 'isometric',
    theme: { base: options.theme ?? 'light' },
    nodes: [], groups: [], surfaces: [], edges: [], text: [], icons: [], images: [], connectors: [],
  };
  const byId = new Map(graph.resources.map((r) => [r.id, r]));
  const push = (o: BlueprintObject) => (data[arrayOf(o.type)] as BlueprintObject[]).push(o);
  const emitted = new Set<string>();
  /** First emitted object for each resource (a security group drawn in two subnets maps to the first). */
  const objectOfResource = new Map<string, string>();

  const props = (r: Resource, type: string): Record<string, unknown> => {
    const { props: clean, dropped } = sanitizeProps(type, r.props);
    for (const d of dropped) {
      bag.info('field-dropped', `${r.address}: ${type}.${d.field} = ${JSON.stringify(d.value)} is not a Cloudcraft value (${d.why}); left at the default`,
        undefined, r.location ? { file: r.location.file, place: { line: r.location.line ?? 1, column: r.location.column ?? 1 } } : {});
    }
    return clean;
  };

  for (const n of scene.nodes) {
    const r = byId.get(n.id);
    if (!r?.ccType) continue;
    const o: BlueprintObject = { type: r.ccType, id: r.id };
    if (r.region && hasField(r.ccType, 'region')) o['region'] = r.region;
    o['mapPos'] = [round(n.box.x), round(n.box.y)];
    Object.assign(o, props(r, r.ccType));
    if (r.style?.color && hasField(r.ccType, 'color')) o['color'] = { isometric: r.style.color, '2d': r.style.color };
    push(o);
    emitted.add(o.id);
    objectOfResource.set(r.id, o.id);
  }

  const groupsSorted = [...scene.groups];
  for (const g of groupsSorted) {
    const o = groupObject(g, g.resourceId ? byId.get(g.resourceId) : undefined);
    push(o);
    emitted.add(o.id);
    if (g.resourceId && !objectOfResource.has(g.resourceId)) objectOfResource.set(g.resourceId, o.id);
  }

  // Node types that carry a `nodes` list without being drawn as groups (ECS/EKS clusters, services).
  for (const o of data.nodes) {
    if (!hasField(o.type, 'nodes')) continue;
    o['nodes'] = graph.resources.filter((r) => r.in.parent === o.id && emitted.has(r.id)).map((r) => r.id);
  }

  if (GROUP_MEMBERSHIP === 'transitive') expandMembership(data.groups);
  resolveRuleTargets(data.groups, objectOfResource, byId);

  for (const l of scene.labels) {
    const o: BlueprintObject = { type: 'isotext', id: l.id, mapPos: [round(l.x), round(l.y)], text: l.text, ...LABEL_STYLE };
    if (LABEL_ANCHOR_KEY) o[LABEL_ANCHOR_KEY] = l.anchor;
    push(o);
  }

  for (const e of graph.edges) {
    const from = objectOfResource.get(e.from);
    const to = objectOfResource.get(e.to);
    if (!from || !to || from === to) continue;
    const shape: Parameters<typeof edgeObject>[0] = { id: e.id, from, to, dashed: e.style?.dashed ?? e.kind === 'dependency' };
    if (e.style?.color) shape.color = e.style.color;
    if (e.style?.bidirectional) shape.bidirectional = true;
    data.edges.push(edgeObject(shape) as BlueprintObject);
  }

  return { name, data };

  function groupObject(g: SceneGroup, r: Resource | undefined): BlueprintObject {
    const o: BlueprintObject = { type: g.ccType, id: g.id };
    const spec = componentSpec(g.ccType);
    const region = g.region ?? r?.region;
    if (region && hasField(g.ccType, 'region')) o['region'] = region;
    if (g.ccType === 'region') o['arn'] = `arn:aws::${region ?? ''}::`;
    if (spec?.hasMapPos) o['mapPos'] = [round(g.box.x), round(g.box.y)];
    if (spec?.hasMapSize) o['mapSize'] = [round(g.box.w), round(g.box.h)];
    if (g.ccType === 'area') {
      o['mapPos'] = [round(g.box.x), round(g.box.y)];
      o['points'] = [[0, 0], [round(g.box.w), 0], [round(g.box.w), round(g.box.h)], [0, round(g.box.h)]];
    }
    if (hasField(g.ccType, 'name')) o['name'] = g.name;
    if (hasField(g.ccType, 'shape')) o['shape'] = 'rectangular';
    if (hasField(g.ccType, 'padding') && g.padding !== undefined) o['padding'] = g.padding;
    if (g.ccType === 'asg') o['layout'] = 'manual';
    if (r) Object.assign(o, props(r, g.ccType));
    if (hasField(g.ccType, 'nodes')) o['nodes'] = [...g.members];
    return o;
  }
}

/**
 * Security-group rules name their peer group by resource id (converters do not know how the
 * layout draws groups). Point them at the drawn peer group's object id; when the peer is not
 * drawn, use its name so the rule still reads well. Other targets (CIDRs, AWS sg ids) stay.
 */
function resolveRuleTargets(groups: BlueprintObject[], objectOf: ReadonlyMap<string, string>, resources: ReadonlyMap<string, Resource>): void {
  for (const g of groups) {
    if (g.type !== 'sg') continue;
    for (const key of ['inboundRules', 'outboundRules']) {
      const rules = g[key];
      if (!Array.isArray(rules)) continue;
      g[key] = rules.map((rule: Record<string, unknown>) => {
        if (rule['targetType'] !== 'sg' || typeof rule['target'] !== 'string') return rule;
        const target = rule['target'];
        const drawn = objectOf.get(target);
        if (drawn) return { ...rule, target: drawn };
        const r = resources.get(target);
        return r ? { ...rule, target: r.name } : rule;
      });
    }
  }
}

/** Adds every descendant to each group's `nodes` (only when GROUP_MEMBERSHIP is 'transitive'). */
function expandMembership(groups: BlueprintObject[]): void {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const all = (g: BlueprintObject, seen: Set<string>): string[] => {
    const out: string[] = [];
    for (const m of (g['nodes'] as string[] | undefined) ?? []) {
      if (seen.has(m)) continue;
      seen.add(m);
      out.push(m);
      const child = byId.get(m);
      if (child) out.push(...all(child, seen));
    }
    return out;
  };
  for (const g of groups) if (Array.isArray(g['nodes'])) g['nodes'] = all(g, new Set());
}
