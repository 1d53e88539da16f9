/**
 * Stability. With --layout-from nothing that persists moves, on the samples and on generated
 * topologies. Without a previous layout the engine is built to move little (coarse room for
 * containers, anchored VPC, clusters in name order, previous-pass positions read coarsely); this
 * is measured on generated topologies of 1,000 components, where most single additions move
 * under 5 % of the other components. (On small diagrams a new role column can shift the columns
 * after it — see docs/layout.md — which is what --layout-from is for.)
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { emitBlueprint } from '../../src/emit/emit.js';
import { layout } from '../../src/layout/index.js';
import { measureLayout, movedNodes } from '../../src/layout/quality.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { addOneResource, generateTopology } from './generate.js';

const SAMPLE_DIRS = ['samples/cloudformation', 'samples/terraform'].map((d) => join(REPO_ROOT, d));
const samples = SAMPLE_DIRS.flatMap((d) => {
  try {
    return readdirSync(d).sort().map((f) => join(d, f)).filter((p) => statSync(p).isFile() || p.endsWith('.out'));
  } catch {
    return [];
  }
});

describe('stability', () => {
  it('has samples to test on', () => expect(samples.length).toBeGreaterThan(0));

  for (const file of samples) {
    it(`--layout-from moves nothing when a resource is added: ${file.slice(REPO_ROOT.length)}`, async () => {
      const r = await convert(file, {});
      if (!r.ok) return; // not a single convertible input (e.g. a folder of nested stacks)
      const previous = r.blueprint!;
      for (let seed = 1; seed <= 5; seed++) {
        const { graph, added } = addOneResource(r.graph!, seed);
        const scene = layout(graph, { previous });
        expect(movedNodes(r.scene!, scene)).toEqual([]);
        expect(scene.nodes.some((n) => n.id === added)).toBe(true);
        const q = measureLayout(scene, graph.edges);
        expect(q.overlaps).toEqual([]);
        expect(q.groupViolationCount).toBe(0);
      }
    });
  }

  it('--layout-from moves nothing on a generated topology either', () => {
    const g = generateTopology({ nodes: 500, seed: 21 });
    const base = layout(g, {});
    const previous = emitBlueprint(g, base);
    for (let seed = 1; seed <= 8; seed++) expect(movedNodes(base, layout(addOneResource(g, seed).graph, { previous }))).toEqual([]);
  });

  it('without a previous layout, most single additions to a 1,000-component topology move under 5 % of the rest', () => {
    const fractions: number[] = [];
    for (const topology of [3, 4]) {
      const g = generateTopology({ nodes: 1000, seed: topology });
      const base = layout(g, {});
      for (let seed = 1; seed <= 15; seed++) fractions.push(movedNodes(base, layout(addOneResource(g, seed).graph, {})).length / base.nodes.length);
    }
    fractions.sort((a, b) => a - b);
    const within = fractions.filter((f) => f <= 0.05).length;
    expect(within / fractions.length).toBeGreaterThanOrEqual(0.7);
    expect(fractions[Math.floor(fractions.length / 2)]).toBeLessThanOrEqual(0.05);
  });
});
