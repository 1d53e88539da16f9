/**
 * Containers and membership. A shape sits in the smallest container whose box holds its centre
 * (many diagrams draw shapes over a VPC without parenting them), or else in the container it is
 * parented to. Plain rectangles become the container their label or palette style names
 * (subnet, security group, AZ, …) and a generic area otherwise.
 */
import type { Shape } from './classify.js';
import { area, center, containsPoint } from './geometry.js';
import { groupFromLabel, REGION_CODE, tierFromLabel, ZONE_CODE } from './inference.js';
import type { GroupKind } from './shapes.js';
import { styleColor } from './style.js';

const PUBLIC_COLORS = new Set(['#7AA116', '#248814', '#F2F6E8', '#E9F3E6']);
const PRIVATE_COLORS = new Set(['#00A4A6', '#147EBA', '#E6F6F7', '#E6F2F8']);

/** Container kinds of aws4 palette boxes drawn without an icon (Security group, Availability Zone). */
function kindFromStyle(s: Shape): GroupKind | undefined {
  const stroke = styleColor(s.cell.style, 'strokeColor');
  const fill = s.cell.style.values.get('fillColor');
  const noFill = fill === undefined || fill === 'none';
  if (stroke === '#DD3522' && noFill) return 'sg';
  if (stroke === '#147EBA' && noFill && s.cell.style.values.get('dashed') === '1') return 'zone';
  return undefined;
}

export function subnetTier(s: Shape): 'public' | 'private' | 'isolated' | undefined {
  const byLabel = tierFromLabel(s.label);
  if (byLabel) return byLabel;
  const colors = [styleColor(s.cell.style, 'strokeColor'), styleColor(s.cell.style, 'fillColor')];
  if (colors.some((c) => c && PUBLIC_COLORS.has(c))) return 'public';
  if (colors.some((c) => c && PRIVATE_COLORS.has(c))) return 'private';
  return undefined;
}

/** Settles the kind of every container (and of marker icons that named no box). */
export function settleGroupKinds(shapes: Shape[], labelInference: boolean): void {
  for (const s of shapes) {
    if (s.role === 'marker' && !s.absorbedBy) {
      // A lone VPC/ASG icon still says "there is a VPC": an empty container of that kind.
      if (s.group === 'cloud') {
        s.role = 'leaf';
        s.target = { kind: 'component', ccType: 'icon', props: { iconSet: 'fa', name: 'cloud' } };
      } else s.role = 'group';
      continue;
    }
    if (s.role !== 'group') continue;
    if (s.generic || s.group === 'area') {
      const byLabel = labelInference ? groupFromLabel(s.label) : undefined;
      const kind = byLabel ?? kindFromStyle(s) ?? 'area';
      if (byLabel && byLabel !== s.group) s.inferred = true;
      s.group = kind;
    } else if (s.group === 'subnet' && labelInference && groupFromLabel(s.label) === 'sg') {
      // aws4 draws subnets with the security-group icon; some authors use it for security groups.
      s.group = 'sg';
      s.inferred = true;
    }
  }
}

/** Region code named by a region or zone container's label (`eu-west-3 (Paris)`, `us-east-1a`). */
export function regionCode(label: string): string | undefined {
  const r = REGION_CODE.exec(label)?.[1];
  if (r) return r.toLowerCase();
  const z = ZONE_CODE.exec(label)?.[1];
  return z ? z.slice(0, -1).toLowerCase() : undefined;
}

export function zoneCode(label: string): string | undefined {
  return ZONE_CODE.exec(label)?.[1]?.toLowerCase();
}

/** Whether `g` may contain `s`: strictly larger, or the same size and earlier in the file. */
function outranks(g: Shape, s: Shape): boolean {
  const ag = area(g.box);
  const as = area(s.box);
  return ag > as || (ag === as && g.cell.order < s.cell.order);
}

/**
 * Sets `container` on every drawn shape: the smallest container holding its centre, or the
 * container it is parented to. "Outranks" orders containers strictly, so there are no cycles.
 */
export function assignContainers(shapes: Shape[], byCellId: ReadonlyMap<string, Shape>, cellParent: (id: string) => string | undefined): number {
  const groups = shapes.filter((s) => s.role === 'group').sort((a, b) => area(a.box) - area(b.box) || b.cell.order - a.cell.order);
  for (const s of shapes) {
    if (s.role !== 'leaf' && s.role !== 'group') continue;
    const c = center(s.box);
    let container: Shape | undefined;
    for (const g of groups) {
      if (g !== s && outranks(g, s) && containsPoint(g.box, c)) {
        container = g;
        break;
      }
    }
    if (!container) {
      // Parentage: the nearest ancestor cell that is a drawn container.
      let p = cellParent(s.cell.id);
      for (let guard = 0; p !== undefined && guard < 256; guard++) {
        const ps = byCellId.get(p);
        const box = ps?.absorbedBy ?? ps;
        if (box && box.role === 'group' && box !== s && outranks(box, s)) {
          container = box;
          break;
        }
        p = cellParent(p);
      }
    }
    if (container) s.container = container;
  }
  const flattened = flattenDeepNesting(shapes);
  // Boxes the table does not know that ended up holding nothing and saying nothing are decoration.
  const used = new Set(shapes.map((s) => s.container).filter((c): c is Shape => !!c));
  for (const g of groups) {
    if (g.generic && !g.absorbed && !g.label && !used.has(g)) g.role = 'decoration';
  }
  return flattened;
}

/** Containers nested deeper than this are flattened onto the ancestor at that depth. */
export const MAX_NESTING = 32;

function flattenDeepNesting(shapes: Shape[]): number {
  const depth = new Map<Shape, number>();
  let flattened = 0;
  // A container outranks what it holds (see outranks), so this order visits containers first.
  for (const s of [...shapes].sort((a, b) => area(b.box) - area(a.box) || a.cell.order - b.cell.order)) {
    let d = s.container ? (depth.get(s.container) ?? 0) + 1 : 0;
    if (d > MAX_NESTING) {
      let a = s.container!;
      while (a.container && (depth.get(a) ?? 0) >= MAX_NESTING) a = a.container;
      s.container = a;
      d = (depth.get(a) ?? 0) + 1;
      flattened++;
    }
    depth.set(s, d);
  }
  return flattened;
}
