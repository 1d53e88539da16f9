/**
 * The contract between our layout and the renderer (and Cloudcraft): an auto-sized container is
 * drawn as bbox(members) + padding. Reading only the emitted blueprint, the renderer must find
 * the container boxes the layout planned, up to the difference between the two text-width
 * estimates (labels are members of the containers they sit in).
 */
import { describe, expect, it } from 'vitest';
import { readModel } from '../../src/render/model.js';
import { sampleBlueprint, sampleScene } from './sample.js';

const TEXT_ESTIMATE_SLACK = 0.5;

describe('layout and renderer agree on container boxes', () => {
  it('every group of the sample, from the blueprint alone', () => {
    const model = readModel(sampleBlueprint(), { projection: 'isometric' });
    const scene = sampleScene();
    expect(scene.groups.length).toBeGreaterThan(0);
    for (const g of scene.groups) {
      const drawn = model.boxes.get(g.id);
      expect(drawn, g.id).toBeDefined();
      const sides = (b: typeof g.box) => [b.x, b.y, b.x + b.w, b.y + b.h];
      sides(drawn!).forEach((v, i) => expect(Math.abs(v - sides(g.box)[i]!), `${g.ccType} ${g.name} side ${i}`).toBeLessThanOrEqual(TEXT_ESTIMATE_SLACK));
    }
    for (const n of scene.nodes) expect(model.boxes.get(n.id)).toEqual(n.box);
  });
});
