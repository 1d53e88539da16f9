/**
 * Geometry checks every converted blueprint must pass: no two component footprints overlap, every
 * group box holds its members, and no component sits inside a group it is not in. Works on the
 * Scene (exact boxes) that the pipeline returns with the blueprint; the measuring itself is the
 * layout-quality module (src/layout/quality.ts).
 */
import { measureLayout } from '../../src/layout/quality.js';
import type { Scene } from '../../src/layout/types.js';

export interface GeometryProblems {
  overlaps: [string, string][];
  /** [group, member]: a member outside its group's box, or a group not inside the group it sits in. */
  membersOutside: [string, string][];
  /** [group, id]: a component inside a group it does not belong to, or two group boxes that cross. */
  intruders: [string, string][];
}

export function checkSceneGeometry(scene: Scene): GeometryProblems {
  const q = measureLayout(scene);
  const v = q.groupViolations;
  return {
    overlaps: q.overlaps,
    membersOutside: [...v.membersOutside, ...v.unnested],
    intruders: [...v.intruders, ...v.crossingGroups],
  };
}
