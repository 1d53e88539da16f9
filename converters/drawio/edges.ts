/**
 * Connectors → graph edges. Ends are found through the cell a connector names (a wrapper's id, a
 * text label's shape, the box a marker icon named), floating ends (only a sourcePoint/targetPoint)
 * are snapped to the nearest shape within SNAP_TOLERANCE, and lines routed through junction dots
 * are joined end to end. Arrowheads give the direction; dashes and colour carry over.
 */
import type { Cell } from './cells.js';
import type { Shape, TextCell } from './classify.js';
import { area, borderDistance, pointDistance, RectGrid, type Pt } from './geometry.js';
import { styleColor, styleFlag } from './style.js';

export const SNAP_TOLERANCE = 30;
/** Most edges one junction cluster may expand into. */
const CLUSTER_FAN_LIMIT = 64;

export interface EdgeSpec {
  cell: Cell;
  from: Shape;
  to: Shape;
  label: string;
  dashed: boolean;
  color?: string;
  bidirectional: boolean;
  directed: boolean;
}

export interface EdgeProblem {
  cell: Cell;
  ruleId: 'drawio-floating-edge' | 'drawio-edge-unresolved';
  reason: string;
}

type End = { shape: Shape } | { junction: Shape } | { missing: string };

interface Raw {
  cell: Cell;
  a: End;
  b: End;
  directed: boolean;
  bidirectional: boolean;
  dashed: boolean;
  color?: string;
  label: string;
}

type Push = (r: Raw, from: Shape, to: Shape) => void;

function hasArrow(value: string | undefined, fallback: string): boolean {
  const v = value ?? fallback;
  return v !== 'none' && v !== '';
}

export function resolveEdges(
  edges: readonly Cell[], shapes: readonly Shape[], byCellId: ReadonlyMap<string, Shape>, texts: readonly TextCell[],
  edgeLabels: ReadonlyMap<string, string[]>,
): { specs: EdgeSpec[]; problems: EdgeProblem[] } {
  const textOwner = new Map(texts.filter((t) => t.attached).map((t) => [t.cell.id, t.attached!]));
  const leaves = shapes.filter((s) => s.role === 'leaf');
  const groups = shapes.filter((s) => s.role === 'group');
  const problems: EdgeProblem[] = [];

  const leafGrid = new RectGrid(leaves, 256);
  const snap = (p: Pt): Shape | undefined => {
    let best: Shape | undefined;
    let bestD = Infinity;
    for (const s of leafGrid.near(p, SNAP_TOLERANCE)) {
      const d = pointDistance(s.box, p);
      if (d <= SNAP_TOLERANCE && (d < bestD || (d === bestD && best && area(s.box) < area(best.box)))) {
        best = s;
        bestD = d;
      }
    }
    if (best) return best;
    for (const g of groups) {
      const d = borderDistance(g.box, p);
      if (d <= SNAP_TOLERANCE && (d < bestD || (d === bestD && best && area(g.box) < area(best.box)))) {
        best = g;
        bestD = d;
      }
    }
    return best;
  };

  const end = (edge: Cell, id: string | undefined, point: Pt | undefined, which: 'source' | 'target'): End => {
    if (id === undefined) {
      if (!point) return { missing: `has no ${which} and no ${which} point` };
      const abs = { x: edge.origin.x + point.x, y: edge.origin.y + point.y };
      const s = snap(abs);
      return s ? { shape: s } : { missing: `has no ${which}, and its ${which} point (${Math.round(abs.x)}, ${Math.round(abs.y)}) is not within ${SNAP_TOLERANCE} px of a shape` };
    }
    const s = byCellId.get(id) ?? textOwner.get(id);
    const drawn = s?.absorbedBy ?? s;
    if (drawn?.role === 'junction') return { junction: drawn };
    if (drawn && (drawn.role === 'leaf' || drawn.role === 'group')) return { shape: drawn };
    return { missing: `connects to ${JSON.stringify(id)}, which is not drawn as a component` };
  };

  const raws: Raw[] = [];
  for (const e of edges) {
    const start = hasArrow(e.style.values.get('startArrow'), 'none');
    const finish = hasArrow(e.style.values.get('endArrow'), 'classic');
    let a = end(e, e.source, e.geom.sourcePoint, 'source');
    let b = end(e, e.target, e.geom.targetPoint, 'target');
    if (start && !finish) [a, b] = [b, a]; // the arrowhead is at the source end
    const label = [e.label, ...(edgeLabels.get(e.id) ?? [])].filter(Boolean).join('\n');
    const raw: Raw = { cell: e, a, b, directed: start !== finish, bidirectional: start && finish, dashed: styleFlag(e.style, 'dashed'), label };
    const color = styleColor(e.style, 'strokeColor');
    if (color && color !== '#000000') raw.color = color;
    if ('missing' in a || 'missing' in b) {
      const why = 'missing' in a ? a.missing : (b as { missing: string }).missing;
      const floating = (e.source === undefined && 'missing' in a) || (e.target === undefined && 'missing' in b);
      problems.push({ cell: e, ruleId: floating ? 'drawio-floating-edge' : 'drawio-edge-unresolved', reason: `connector ${JSON.stringify(e.id)} ${why}; dropped` });
      continue;
    }
    raws.push(raw);
  }

  const specs: EdgeSpec[] = [];
  const push: Push = (r, from, to) => {
    if (from === to) return;
    const spec: EdgeSpec = { cell: r.cell, from, to, label: r.label, dashed: r.dashed, bidirectional: r.bidirectional, directed: r.directed || r.bidirectional };
    if (r.color) spec.color = r.color;
    specs.push(spec);
  };
  const viaJunction: Raw[] = [];
  for (const r of raws) {
    if ('shape' in r.a && 'shape' in r.b) push(r, r.a.shape, r.b.shape);
    else viaJunction.push(r);
  }
  joinJunctions(viaJunction, push);
  return { specs, problems };
}

/** Lines routed through junction dots: every shape feeding a cluster connects to every shape it feeds. */
function joinJunctions(raws: Raw[], push: Push): void {
  const parent = new Map<Shape, Shape>();
  const find = (j: Shape): Shape => {
    let r = j;
    while (parent.get(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(j, r);
    return r;
  };
  for (const r of raws) {
    for (const e of [r.a, r.b]) if ('junction' in e && !parent.has(e.junction)) parent.set(e.junction, e.junction);
    if ('junction' in r.a && 'junction' in r.b) parent.set(find(r.a.junction), find(r.b.junction));
  }
  const clusters = new Map<Shape, { ins: { r: Raw; s: Shape }[]; outs: { r: Raw; s: Shape }[] }>();
  const cluster = (j: Shape) => {
    const root = find(j);
    let c = clusters.get(root);
    if (!c) clusters.set(root, (c = { ins: [], outs: [] }));
    return c;
  };
  for (const r of raws) {
    if ('shape' in r.a && 'junction' in r.b) cluster(r.b.junction).ins.push({ r, s: r.a.shape });
    if ('junction' in r.a && 'shape' in r.b) cluster(r.a.junction).outs.push({ r, s: r.b.shape });
  }
  for (const { ins, outs } of clusters.values()) {
    let count = 0;
    if (ins.length && outs.length) {
      for (const i of ins) for (const o of outs) if (count++ < CLUSTER_FAN_LIMIT) push(o.r, i.s, o.s);
    } else {
      // Undirected buses: tie every shape to the first one.
      const ends = [...ins, ...outs];
      for (const o of ends.slice(1)) if (count++ < CLUSTER_FAN_LIMIT) push(o.r, ends[0]!.s, o.s);
    }
  }
}
