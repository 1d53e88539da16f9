/** Layout entry point: picks the engine, then keeps positions from a previous blueprint if given. */
import type { Graph } from '../graph/types.js';
import { packLayout } from './pack.js';
import { sourceLayout } from './source.js';
import { keepPrevious } from './stable.js';
import type { LayoutOptions, Scene } from './types.js';

export type { Box, LayoutOptions, Scene, SceneGroup, SceneLabel, SceneNode, GroupBy, LayoutEngine } from './types.js';
export { boxContains, boxesOverlap } from './geometry.js';

export function layout(graph: Graph, options: LayoutOptions = {}): Scene {
  const scene = options.arrangement === 'source'
    ? sourceLayout(graph, options) // the author's geometry (draw.io hints)
    : packLayout(graph, options);
  return options.previous ? keepPrevious(scene, graph, options.previous, options) : scene;
}
