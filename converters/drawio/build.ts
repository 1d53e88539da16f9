/**
 * One page → one Graph. Every drawn shape becomes a resource (containers included) with its
 * containment, the author's geometry as `hint` (unless --relayout), and its source location;
 * connectors become edges. Everything left out or guessed is said in a diagnostic.
 */
import { canContain } from '../../src/catalog/index.js';
import { DiagnosticBag } from '../../src/diagnostics.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { resourceId } from '../../src/ids.js';
import type { Containment, Graph, Resource, SourceLocation } from '../../src/graph/types.js';
import { absorbMarkers, attachTexts } from './attach.js';
import { readCells, resolveGeometry, type CellWarning } from './cells.js';
import { classifyCells, type Shape } from './classify.js';
import { assignContainers, MAX_NESTING, regionCode, settleGroupKinds, subnetTier, zoneCode } from './contain.js';
import { resolveEdges } from './edges.js';
import { serviceFromLabel } from './inference.js';
import { oneLine } from './label.js';
import { providerOf, resolveTarget, type Target } from './mapping.js';
import type { DecodedPage } from './pages.js';
import type { GroupKind } from './shapes.js';
import { styleColor } from './style.js';

export interface PageOptions {
  /** Keep the author's geometry as hints (false with --relayout). */
  hints: boolean;
  labelInference: boolean;
  /** Default region for AWS resources outside any region box. */
  region?: string | undefined;
  /** Prefix of resource addresses (`file.drawio#` when several inputs are converted together). */
  addressPrefix: string;
  /** Added to every hint so pages of several inputs do not overlap. */
  offset: { x: number; y: number };
  locate: (cellId: string) => SourceLocation;
}

/** Container kinds drawn only to keep the picture: with --relayout they become plain containment facts. */
const VISUAL_ONLY: ReadonlySet<GroupKind> = new Set(['zone', 'region', 'cloud', 'area']);
const MAX_LISTED = 10;

function groupType(s: Shape): string {
  switch (s.group) {
    case 'vpc': case 'subnet': case 'sg': case 'asg': case 'zone': return s.group;
    case 'region': return regionCode(s.label) ? 'region' : 'area';
    default: return 'area';
  }
}

/** The component a leaf becomes, and how it was chosen. */
function leafTarget(s: Shape, labelInference: boolean): { target: Target; mappedBy?: 'label' | 'fallback' } | undefined {
  if (s.target?.kind === 'component') return { target: s.target };
  if (labelInference && s.label) {
    const inferred = serviceFromLabel(s.label);
    if (inferred !== undefined) return { target: resolveTarget(inferred), mappedBy: 'label' };
  }
  if (s.stencil.family === 'basic' && !s.label && !s.hasEdges) return undefined; // decoration
  const props: Record<string, unknown> = {};
  return { target: { kind: 'component', ccType: 'block', props }, mappedBy: 'fallback' };
}

export function buildPage(page: DecodedPage, options: PageOptions, bag: DiagnosticBag): { graph: Graph } {
  const warnings: CellWarning[] = [];
  const cells = readCells(page.model, warnings);
  resolveGeometry(cells, warnings);
  const pc = classifyCells(cells);
  attachTexts(pc.texts, pc.shapes);
  absorbMarkers(pc.shapes);
  settleGroupKinds(pc.shapes, options.labelInference);
  const byCellId = new Map(pc.shapes.map((s) => [s.cell.id, s]));
  const cellById = new Map(cells.map((c) => [c.id, c]));
  const flattened = assignContainers(pc.shapes, byCellId, (id) => cellById.get(id)?.parent);
  if (flattened) warnings.push({ ruleId: 'drawio-nesting-depth', reason: `${count(flattened, 'shape')} nested deeper than ${MAX_NESTING} containers placed in the container at that depth` });

  const b = new GraphBuilder(page.name);
  const idOf = new Map<Shape, string>();
  const address = (s: Shape) => `${options.addressPrefix}${page.name}/${s.cell.id}`;
  const unknown: string[] = [];
  const inferred: string[] = [];

  // Which shapes become resources, and as what.
  const plan = new Map<Shape, { ccType: string; props: Record<string, unknown>; mappedBy?: 'label' | 'fallback' }>();
  for (const s of pc.shapes) {
    if (s.role === 'group') {
      if (!options.hints && VISUAL_ONLY.has(s.group!)) continue;
      plan.set(s, { ccType: groupType(s), props: {}, ...(s.inferred ? { mappedBy: 'label' as const } : {}) });
    } else if (s.role === 'leaf') {
      const chosen = leafTarget(s, options.labelInference);
      if (!chosen || chosen.target.kind !== 'component') continue;
      plan.set(s, { ccType: chosen.target.ccType, props: chosen.target.props, ...(chosen.mappedBy ? { mappedBy: chosen.mappedBy } : {}) });
    }
  }
  const nesting = settleNesting(plan);
  for (const s of plan.keys()) idOf.set(s, resourceId(address(s)));

  for (const [s, p] of plan) {
    const chain: Shape[] = [];
    for (let c = s.container; c && chain.length < 256; c = c.container) chain.push(c);
    // Containment follows the planned types (a box demoted to an area is no VPC any more).
    const first = (type: string) => chain.find((c) => plan.get(c)?.ccType === type);
    const containment: Containment = {};
    const [vpc, subnet, sg, asg] = ['vpc', 'subnet', 'sg', 'asg'].map(first);
    const zone = chain.find((c) => c.group === 'zone' && (plan.get(c)?.ccType ?? 'zone') === 'zone');
    const self = p.ccType;
    if (vpc && self !== 'vpc') containment.vpc = idOf.get(vpc)!;
    if (subnet && self !== 'subnet') containment.subnets = [idOf.get(subnet)!];
    if (sg && !['sg', 'vpc', 'subnet'].includes(self)) containment.securityGroups = [idOf.get(sg)!];
    if (asg && self !== 'asg') containment.asg = idOf.get(asg)!;
    if (zone && self !== 'zone') containment.zone = zoneCode(zone.label) ?? (oneLine(zone.label) || `zone-${zone.cell.id}`);
    if (options.hints) {
      const direct = chain.find((c) => idOf.has(c));
      if (direct) containment.parent = idOf.get(direct)!;
    }
    const regionBox = chain.find((c) => c.group === 'region' && regionCode(c.label)) ?? (s.group === 'region' ? s : undefined);
    const region = regionBox ? regionCode(regionBox.label) : zone ? regionCode(zone.label) : undefined;
    const provider = providerOf(p.ccType, s.stencil.family);
    const r: Resource = {
      id: idOf.get(s)!,
      address: address(s),
      provider,
      sourceType: (s.absorbed ?? s).stencil.sourceType,
      ccType: p.ccType,
      name: p.mappedBy === 'fallback' ? s.label || s.stencil.display : s.label,
      props: p.props,
      in: containment,
      location: options.locate(s.cell.id),
      meta: { drawioId: s.cell.id, page: page.name },
    };
    const reg = region ?? (provider === 'aws' ? options.region : undefined);
    if (reg) r.region = reg;
    if (self === 'subnet') {
      const tier = subnetTier(s);
      if (tier) r.tier = tier;
    }
    if (p.mappedBy) r.mappedBy = p.mappedBy;
    const fill = styleColor(s.cell.style, 'fillColor');
    if (fill && (p.ccType === 'block' || p.ccType === 'area')) {
      if (p.ccType === 'block') r.style = { color: fill };
      else r.props = { ...r.props, color: { isometric: fill, '2d': fill } };
    }
    if (options.hints) r.hint = { x: s.box.x + options.offset.x, y: s.box.y + options.offset.y, w: s.box.w, h: s.box.h };
    b.add(r);

    if (p.mappedBy === 'fallback') {
      unknown.push(`${s.stencil.sourceType}${s.label ? ` (${JSON.stringify(oneLine(s.label, 40))})` : ''}`);
    } else if (p.mappedBy === 'label') {
      inferred.push(`${JSON.stringify(oneLine(s.label, 40))} → ${p.ccType}`);
    }
  }

  const { specs, problems } = resolveEdges(pc.edges, pc.shapes, byCellId, pc.texts, pc.edgeLabels);
  let unplaced = 0;
  for (const e of specs) {
    const from = idOf.get(e.from);
    const to = idOf.get(e.to);
    if (!from || !to) {
      unplaced++;
      continue;
    }
    const style: { dashed?: boolean; color?: string; bidirectional?: boolean } = { dashed: e.dashed };
    if (e.color) style.color = e.color;
    if (e.bidirectional) style.bidirectional = true;
    b.edge(from, to, e.directed ? 'dataflow' : 'network', { ...(e.label ? { label: e.label } : {}), style, location: options.locate(e.cell.id) });
  }
  if (unplaced) {
    bag.info('drawio-edge-unresolved', `page ${JSON.stringify(page.name)}: ${count(unplaced, 'connector')} to zones, regions or areas left out (--relayout draws those as containment, not as shapes)`);
  }

  report(bag, page, options, { warnings, problems, unknown, inferred, ...nesting, freeTexts: pc.texts.filter((t) => !t.attached).length, hiddenLayers: pc.hiddenLayers.length });
  return { graph: b.build() };
}

/** `3 shapes`, `1 shape`. */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const listed = (items: string[]) => items.slice(0, MAX_LISTED).join(', ') + (items.length > MAX_LISTED ? `, … (${items.length - MAX_LISTED} more)` : '');

interface Findings {
  warnings: CellWarning[];
  problems: ReturnType<typeof resolveEdges>['problems'];
  unknown: string[];
  inferred: string[];
  demoted: string[];
  moved: string[];
  freeTexts: number;
  hiddenLayers: number;
}

function report(bag: DiagnosticBag, page: DecodedPage, options: PageOptions, f: Findings): void {
  const { warnings, problems, unknown, inferred, demoted, moved, freeTexts, hiddenLayers } = f;
  const on = `page ${JSON.stringify(page.name)}`;
  const at = (id?: string) => {
    const l = id !== undefined ? options.locate(id) : undefined;
    return l?.line !== undefined ? { place: { line: l.line, column: l.column ?? 1 } } : {};
  };
  const byRule = new Map<string, CellWarning[]>();
  for (const w of warnings) byRule.set(w.ruleId, [...(byRule.get(w.ruleId) ?? []), w]);
  for (const [ruleId, list] of byRule) {
    for (const w of list.slice(0, MAX_LISTED)) bag.warn(ruleId, `${on}: ${w.reason}`, undefined, at(w.cellId));
    if (list.length > MAX_LISTED) bag.warn(ruleId, `${on}: ${list.length - MAX_LISTED} more like this`);
  }
  for (const p of problems.slice(0, MAX_LISTED * 2)) {
    if (p.ruleId === 'drawio-floating-edge') bag.warn(p.ruleId, `${on}: ${p.reason}`, undefined, at(p.cell.id));
    else bag.info(p.ruleId, `${on}: ${p.reason}`, undefined, at(p.cell.id));
  }
  if (problems.length > MAX_LISTED * 2) bag.warn('drawio-edge-unresolved', `${on}: ${problems.length - MAX_LISTED * 2} more connectors dropped`);
  if (unknown.length) {
    bag.warn('drawio-unknown-shape', `${on}: ${count(unknown.length, 'shape has', 'shapes have')} no Cloudcraft mapping and ${unknown.length === 1 ? 'is' : 'are'} drawn as a block: ${listed(unknown)}`);
  }
  if (inferred.length) bag.info('drawio-label-inferred', `${on}: ${count(inferred.length, 'generic shape')} mapped from the label: ${listed(inferred)}`);
  const it = (n: number) => (n === 1 ? 'it' : 'them');
  if (demoted.length) {
    bag.info('drawio-nesting', `${on}: ${count(demoted.length, 'box', 'boxes')} became ${demoted.length === 1 ? 'an area' : 'areas'}, as Cloudcraft cannot nest ${it(demoted.length)} where drawn: ${listed(demoted)}`);
  }
  if (moved.length) {
    bag.info('drawio-nesting', `${on}: ${count(moved.length, 'component')} placed beside the box drawn around ${it(moved.length)}, as Cloudcraft cannot hold ${it(moved.length)} there: ${listed(moved)}`);
  }
  if (freeTexts) bag.info('drawio-free-text', `${on}: ${count(freeTexts, 'text label')} not next to any shape left out (Cloudcraft text is not generated from free draw.io text)`);
  if (hiddenLayers) bag.info('drawio-hidden-layer', `${on}: ${count(hiddenLayers, 'hidden layer')} left out`);
}

type Plan = Map<Shape, { ccType: string; props: Record<string, unknown>; mappedBy?: 'label' | 'fallback' }>;

/** Whether a Cloudcraft container of type `outer` can list `inner` (SGs nest in subnets and SGs visually). */
function nests(outer: string, inner: string): boolean {
  if (outer === 'region') return inner !== 'region';
  return outer === 'networkacl' || canContain(outer, inner) || (inner === 'sg' && (outer === 'subnet' || outer === 'sg'));
}

/**
 * Containers drawn inside a container that cannot list them (a region box inside a VPC) become
 * areas, outermost first; components in that situation are only counted (the layout places
 * them beside the box, see src/layout/source.ts).
 */
function settleNesting(plan: Plan): { demoted: string[]; moved: string[] } {
  const demoted: string[] = [];
  const moved: string[] = [];
  const depths = new Map<Shape, number>();
  const depth = (s: Shape): number => {
    let d = depths.get(s);
    if (d === undefined) depths.set(s, (d = s.container ? depth(s.container) + 1 : 0));
    return d;
  };
  const listing = (s: Shape) => {
    for (let c = s.container; c; c = c.container) {
      const t = plan.get(c)?.ccType;
      if (t && t !== 'zone' && t !== 'area') return { shape: c, type: t };
    }
    return undefined;
  };
  const describe = (s: Shape, type: string, outer: { shape: Shape; type: string }) =>
    `${type} ${JSON.stringify(oneLine(s.label, 30))} in ${outer.type} ${JSON.stringify(oneLine(outer.shape.label, 30))}`;
  for (const s of [...plan.keys()].sort((a, b) => depth(a) - depth(b))) {
    const p = plan.get(s)!;
    if (p.ccType === 'zone' || p.ccType === 'area') continue;
    const outer = listing(s);
    if (!outer || nests(outer.type, p.ccType)) continue;
    if (s.role === 'group') {
      demoted.push(describe(s, p.ccType, outer));
      p.ccType = 'area';
    } else {
      moved.push(describe(s, p.ccType, outer));
    }
  }
  return { demoted, moved };
}
