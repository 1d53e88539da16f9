/**
 * Turns table entries (shapes.ts, inference.ts) into what the page builder uses: a Cloudcraft
 * component with fields, a container kind, or decoration.
 */
import type { Provider } from '../../src/graph/types.js';
import { serviceFromLabel } from './inference.js';
import { SHAPES, type GroupKind, type ShapeTarget } from './shapes.js';
import type { StencilFamily, StencilId } from './style.js';

export type Target =
  | { kind: 'component'; ccType: string; props: Record<string, unknown> }
  | { kind: 'group'; group: GroupKind; marker: boolean }
  | { kind: 'decoration' };

export function resolveTarget(entry: ShapeTarget): Target {
  if (typeof entry === 'string') return { kind: 'component', ccType: entry, props: {} };
  if ('type' in entry) return { kind: 'component', ccType: entry.type, props: { ...entry.props } };
  if ('icon' in entry) return { kind: 'component', ccType: 'icon', props: { iconSet: entry.icon[0], name: entry.icon[1] } };
  if ('group' in entry) return { kind: 'group', group: entry.group, marker: entry.marker === true };
  return { kind: 'decoration' };
}

/**
 * The table's answer for a stencil. An AWS stencil missing from the table (the AWS library has
 * hundreds of resource variants: `rds_mysql_instance_alt`, `s3_on_outposts`) is read by its name
 * with the label rules, so new variants of known services still map.
 */
export function lookupStencil(stencil: StencilId): Target | undefined {
  if (!stencil.key) return undefined;
  const entry = Object.prototype.hasOwnProperty.call(SHAPES, stencil.key) ? SHAPES[stencil.key] : undefined;
  if (entry !== undefined) return resolveTarget(entry);
  if (!isAwsFamily(stencil.family)) return undefined;
  // Group shapes the table does not name (group, groupCenter, group_xyz) are generic containers.
  if (/^group/i.test(stencil.key.slice(stencil.key.indexOf(':') + 1))) return { kind: 'group', group: 'area', marker: false };
  const byName = serviceFromLabel(stencil.display);
  return byName === undefined ? undefined : resolveTarget(byName);
}

const PROVIDER: Record<StencilFamily, Provider> = {
  aws4: 'aws', aws3: 'aws', aws3d: 'aws', aws: 'aws', azure: 'azure', azure2: 'azure', mscae: 'azure', stencil: 'generic', image: 'generic', basic: 'generic',
};

/** Provider of a mapped resource: Azure types are Azure, icons and blocks follow the stencil. */
export function providerOf(ccType: string, family: StencilFamily): Provider {
  if (ccType.startsWith('azure')) return 'azure';
  if (ccType === 'icon' || ccType === 'block' || ccType === 'area') return PROVIDER[family] === 'azure' ? 'azure' : PROVIDER[family];
  return 'aws';
}

/** Families drawn with AWS stencils (the corpus test's "made of AWS stencils"). */
export function isAwsFamily(family: StencilFamily): boolean {
  return family === 'aws4' || family === 'aws3' || family === 'aws3d' || family === 'aws';
}
