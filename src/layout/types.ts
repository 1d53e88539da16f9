/**
 * What a layout produces: grid boxes for every drawn resource, the groups around them and the
 * labels under them. The emitter turns a Scene into blueprint JSON without further geometry.
 */
import type { Blueprint } from '../blueprint.js';
import type { Graph } from '../graph/types.js';

/** Grid units; x grows to the right, y grows "down" the map. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SceneNode {
  /** The resource id; also the emitted component id. */
  id: string;
  box: Box;
  /** The group whose box it visually sits in (not emitted; used by nesting checks and --layout-from). */
  parent?: string;
}

export interface SceneGroup {
  /** Emitted object id (a resource id, or derived when one resource is drawn as several groups). */
  id: string;
  /** Emitted type: vpc, subnet, sg, asg, region, zone, area, azureakscluster, … */
  ccType: string;
  name: string;
  box: Box;
  /** Ids of nodes, groups and labels this group lists (Cloudcraft `nodes`; see scene.ts for the rule). */
  members: string[];
  /** The group whose box it visually sits in (a subnet's zone, a zone's VPC). */
  parent?: string;
  /** The graph resource this group draws, when there is one. */
  resourceId?: string;
  region?: string;
  /** Padding the emitter writes for auto-sized groups (Cloudcraft draws bbox(members) + padding). */
  padding?: number;
}

export interface SceneLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  /** Id of the node or group the label belongs to. */
  anchor: string;
  /** Estimated text extent in grid units (see footprint.ts). */
  w?: number;
  h?: number;
  /** The group whose box it visually sits in. */
  parent?: string;
}

export interface Scene {
  nodes: SceneNode[];
  groups: SceneGroup[];
  labels: SceneLabel[];
}

export type GroupBy = 'vpc' | 'module' | 'stack' | 'none';

export interface LayoutOptions {
  projection?: 'isometric' | '2d';
  direction?: 'right' | 'down';
  /** Free cells between neighbouring components (default 2). */
  spacing?: number;
  groupBy?: GroupBy;
  /** A previous blueprint whose positions are kept for ids that persist. */
  previous?: Blueprint;
  /** Keep the author's geometry (resource `hint`s) instead of computing a layout. */
  arrangement?: 'auto' | 'source';
}

export type LayoutEngine = (graph: Graph, options: LayoutOptions) => Scene;
