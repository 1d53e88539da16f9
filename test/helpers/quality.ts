/**
 * Geometry checks every converted blueprint must pass: no two component footprints overlap, every
 * group box holds its members, and no component sits inside a group it is not a member of.
 * Works on the Scene (exact boxes) that the pipeline returns with the blueprint.
 */
import type { Scene, Box } from '../../src/layout/types.js';

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w - 1e-9 && b.x < a.x + a.w - 1e-9 && a.y < b.y + b.h - 1e-9 && b.y < a.y + a.h - 1e-9;
}

function inside(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x - 1e-9 && inner.y >= outer.y - 1e-9 &&
    inner.x + inner.w <= outer.x + outer.w + 1e-9 && inner.y + inner.h <= outer.y + outer.h + 1e-9;
}

export interface GeometryProblems {
  overlaps: [string, string][];
  membersOutside: [string, string][];
  intruders: [string, string][];
}

export function checkSceneGeometry(scene: Scene): GeometryProblems {
  const problems: GeometryProblems = { overlaps: [], membersOutside: [], intruders: [] };
  const nodes = [...scene.nodes].sort((a, b) => a.box.x - b.box.x);
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length && nodes[j]!.box.x < nodes[i]!.box.x + nodes[i]!.box.w; j++) {
      if (overlap(nodes[i]!.box, nodes[j]!.box)) problems.overlaps.push([nodes[i]!.id, nodes[j]!.id]);
    }
  }
  const boxes = new Map<string, Box>([...scene.nodes.map((n) => [n.id, n.box] as const), ...scene.groups.map((g) => [g.id, g.box] as const)]);
  const descendants = new Map<string, Set<string>>();
  const groupById = new Map(scene.groups.map((g) => [g.id, g]));
  const collect = (id: string): Set<string> => {
    let s = descendants.get(id);
    if (s) return s;
    s = new Set();
    descendants.set(id, s);
    for (const m of groupById.get(id)?.members ?? []) {
      s.add(m);
      for (const d of collect(m)) s.add(d);
    }
    return s;
  };
  for (const g of scene.groups) {
    for (const m of g.members) {
      const b = boxes.get(m);
      if (b && !inside(g.box, b)) problems.membersOutside.push([g.id, m]);
    }
    const mine = collect(g.id);
    for (const n of scene.nodes) {
      if (!mine.has(n.id) && overlap(g.box, n.box)) problems.intruders.push([g.id, n.id]);
    }
  }
  return problems;
}
