/**
 * Where each component type goes in the blueprint `data` object. No Cloudcraft page states the
 * array for most types (see cloudcraft-components.md, "Uncertain"), so every choice lives in this
 * one table: correcting one is a one-line change here, and the schema is regenerated from it.
 */
export type BlueprintArray = 'nodes' | 'groups' | 'surfaces' | 'text' | 'icons' | 'images' | 'edges' | 'connectors';

export const BLUEPRINT_ARRAYS: readonly BlueprintArray[] = [
  'nodes', 'groups', 'surfaces', 'edges', 'text', 'icons', 'images', 'connectors',
];

const ARRAY_OF_TYPE: Record<string, BlueprintArray> = {
  // Containers with a `nodes` membership list (vpc/subnet/sg/region/networkacl auto-size; the rest carry mapSize).
  vpc: 'groups', subnet: 'groups', sg: 'groups', asg: 'groups', region: 'groups', networkacl: 'groups',
  azureakscluster: 'groups', azureaksworkload: 'groups', azuresbnamespace: 'groups',
  // "nodes or groups (unknown)": they have mapPos but no mapSize, like service blocks.
  ecscluster: 'nodes', ecsservice: 'nodes', ekscluster: 'nodes', eksworkload: 'nodes',
  // Floor shapes.
  zone: 'surfaces', area: 'surfaces',
  isotext: 'text', icon: 'icons', image: 'images',
};

/** The data array for a component type; service blocks default to `nodes`. */
export function arrayOf(type: string): BlueprintArray {
  return ARRAY_OF_TYPE[type] ?? 'nodes';
}

/**
 * Edge JSON. No official schema exists; this shape comes from the unofficial cloudcraft-mcp
 * types (see cloudcraft-api.md §3.8). Every edge is built here and nowhere else.
 */
export interface EdgeShapeInput {
  id: string;
  from: string;
  to: string;
  dashed: boolean;
  color?: string;
  /** Arrowheads at both ends (draw.io `startArrow`). */
  bidirectional?: boolean;
}

export function edgeObject(e: EdgeShapeInput): Record<string, unknown> {
  const o: Record<string, unknown> = { id: e.id, type: 'edge', from: e.from, to: e.to, width: 2, dashed: e.dashed, endCap: 'arrow' };
  if (e.bidirectional) o['startCap'] = 'arrow';
  if (e.color) o['color'] = { isometric: e.color, '2d': e.color };
  return o;
}

/**
 * Component labels are `isotext` objects (no component has a label field). The key that ties a
 * label to its component is not documented either; we write it under this key so a reader (and
 * our own reference check) knows what the label belongs to. Set to undefined to stop writing it.
 */
export const LABEL_ANCHOR_KEY: string | undefined = 'attachedTo';

export const LABEL_STYLE = { textSize: 12, isometric: true, standing: false, direction: 'down', outline: true } as const;

/**
 * Whether a container's `nodes` list names only its direct children (a VPC lists its subnets
 * and the nodes sitting directly in it) or every descendant. Cloudcraft's own behaviour is not
 * documented; direct children keep each object in one list.
 */
export const GROUP_MEMBERSHIP: 'direct' | 'transitive' = 'direct';
