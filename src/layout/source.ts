/**
 * The "keep the author's arrangement" layout (LayoutOptions.arrangement = 'source'): maps each
 * resource's `hint` (draw.io pixels) onto the Cloudcraft grid.
 *
 * 1. Tree: a resource sits in `in.parent` (else its smallest typed container). A component a
 *    container cannot hold in Cloudcraft (an S3 bucket drawn inside a subnet) moves up to one
 *    that can, so it is drawn beside that box rather than inside it.
 * 2. Source clean-up, top-down: child boxes are clipped into their parent, overlapping sibling
 *    boxes are split, components become points (their centre) strictly inside their container
 *    and outside its child boxes; nearly aligned points snap to one row/column.
 * 3. Mapping: one monotone, integer-valued function per axis over all box edges and points (a
 *    rubber sheet). Monotone means every left-of/above relation and every containment of the
 *    drawing survives; minimum gaps (a component's cell plus its label, a group's padding) are
 *    forward constraints applied in the same sweep. Hence no overlaps and exact nesting.
 * 4. Boxes shrink-wrap their content as Cloudcraft draws them (auto-sized groups: bounding box
 *    of their listed members plus padding), always within the space step 3 reserved.
 */
import type { Graph } from '../graph/types.js';
import { buildSourceScene, mapAxis, padOf, snapAligned } from './source-map.js';
import { buildTree, clamp, fillMissingHints, type Item, normalize } from './source-tree.js';
import type { LayoutOptions, Scene } from './types.js';

export function sourceLayout(graph: Graph, _options: LayoutOptions = {}): Scene {
  const { root, items } = buildTree(graph);
  const sizes = items.filter((i) => !i.group && i.hinted).map((i) => Math.max(i.box.w, i.box.h)).sort((a, b) => a - b);
  const unit = clamp(sizes.length ? sizes[sizes.length >> 1]! : 60, 16, 256);
  fillMissingHints(root, unit);
  normalize(root);
  const points = items.filter((i) => !i.group);
  const groupItems = items.filter((i) => i.group);
  snapAligned(points, groupItems.flatMap((g) => [g.box.x, g.box.x + g.box.w]), 'px', unit * 0.2);
  snapAligned(points, groupItems.flatMap((g) => [g.box.y, g.box.y + g.box.h]), 'py', unit * 0.2);
  const pads = new Map<Item, number>();
  for (const g of groupItems) padOf(g, pads);
  const X = mapAxis(items, 'x', unit, pads);
  const Y = mapAxis(items, 'y', unit, pads);
  return buildSourceScene(root, X, Y, pads);
}
