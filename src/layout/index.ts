/** Layout entry point: picks the engine and returns a Scene. */
import type { Graph } from '../graph/types.js';
import { packLayout } from './pack.js';
import type { LayoutOptions, Scene } from './types.js';

export type { Box, LayoutOptions, Scene, SceneGroup, SceneLabel, SceneNode, GroupBy, LayoutEngine } from './types.js';
export { boxContains, boxesOverlap } from './pack.js';

export function layout(graph: Graph, options: LayoutOptions = {}): Scene {
  return packLayout(graph, options);
}
