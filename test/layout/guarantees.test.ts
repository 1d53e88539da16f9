/**
 * The guarantees, on generated topologies of several sizes, shapes and with every option:
 * no overlapping footprints, every group box holds exactly its members and nested groups nest,
 * labels are neither under a component nor in its isometric shadow, byte-identical output.
 */
import { describe, expect, it } from 'vitest';
import { serializeBlueprint } from '../../src/blueprint.js';
import { emitBlueprint } from '../../src/emit/emit.js';
import { layout } from '../../src/layout/index.js';
import { measureLayout } from '../../src/layout/quality.js';
import type { LayoutOptions } from '../../src/layout/types.js';
import { validateBlueprint } from '../../src/validate/index.js';
import { generateTopology } from './generate.js';

const OPTIONS: LayoutOptions[] = [
  {},
  { direction: 'down' },
  { projection: '2d', spacing: 0 },
  { spacing: 1, direction: 'down' },
  { spacing: 5 },
  { groupBy: 'none' },
  { groupBy: 'module' },
];

const CASES = [
  { nodes: 15, seed: 1 },
  { nodes: 60, seed: 2, regions: 2 },
  { nodes: 200, seed: 3, edgeModel: 'uniform' as const },
  { nodes: 400, seed: 4 },
];

describe('layout guarantees on generated topologies', () => {
  for (const c of CASES) {
    for (const o of OPTIONS) {
      it(`${JSON.stringify(c)} ${JSON.stringify(o)}`, () => {
        const g = generateTopology({ ...c, modules: true });
        const scene = layout(g, o);
        const q = measureLayout(scene, g.edges, o.projection ? { projection: o.projection } : {});
        expect(q.nodes).toBeGreaterThan(0);
        expect(q.overlaps).toEqual([]);
        expect(q.groupViolations).toEqual({ membersOutside: [], intruders: [], crossingGroups: [], unnested: [] });
        expect(q.labelsHidden).toEqual([]);
        expect(q.labelOverlaps).toEqual([]);
        // Every component on a whole grid point.
        for (const n of scene.nodes) expect(Number.isInteger(n.box.x) && Number.isInteger(n.box.y)).toBe(true);
      });
    }
  }

  it('is deterministic: the same input gives byte-identical blueprints', () => {
    const g = generateTopology({ nodes: 300, seed: 9, regions: 2, modules: true });
    for (const o of OPTIONS) {
      const a = serializeBlueprint(emitBlueprint(g, layout(g, o)));
      const b = serializeBlueprint(emitBlueprint(generateTopology({ nodes: 300, seed: 9, regions: 2, modules: true }), layout(g, o)));
      expect(a).toBe(b);
    }
  });

  it('emits blueprints that validate without warnings', () => {
    const g = generateTopology({ nodes: 150, seed: 5, regions: 2, modules: true });
    for (const o of OPTIONS) {
      const v = validateBlueprint(emitBlueprint(g, layout(g, o)));
      expect(v.ok).toBe(true);
      expect(v.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    }
  });

  it('keeps every drawn resource exactly once', () => {
    const g = generateTopology({ nodes: 120, seed: 6 });
    const scene = layout(g, {});
    const ids = scene.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const groupTypes = new Set(['vpc', 'subnet', 'sg', 'asg']);
    const components = g.resources.filter((r) => r.ccType && !groupTypes.has(r.ccType)).map((r) => r.id).sort();
    expect([...ids].sort()).toEqual(components);
  });
});
