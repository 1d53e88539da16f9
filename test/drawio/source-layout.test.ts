/**
 * The "keep the author's arrangement" layout (src/layout/source.ts): order, rows and columns kept,
 * no overlaps, every group holding exactly its members — on hand-made and on random graphs.
 */
import { describe, expect, it } from 'vitest';
import type { Graph, Resource } from '../../src/graph/types.js';
import { boxContains, layout } from '../../src/layout/index.js';
import { measureLayout } from '../../src/layout/quality.js';
import { sourceLayout } from '../../src/layout/source.js';
import type { Box, Scene } from '../../src/layout/types.js';
import { checkSceneGeometry } from '../helpers/quality.js';
import { prng as rng } from '../layout/generate.js';

function res(id: string, ccType: string, hint?: Resource['hint'], inn: Resource['in'] = {}): Resource {
  const r: Resource = { id, address: id, provider: 'aws', sourceType: 'test', ccType, name: id, props: {}, in: inn };
  if (hint) r.hint = hint;
  return r;
}

const graph = (resources: Resource[]): Graph => ({ resources, edges: [], omitted: [] });
const box = (s: Scene, id: string): Box => (s.nodes.find((n) => n.id === id)?.box ?? s.groups.find((g) => g.id === id)!.box);

function expectClean(s: Scene): void {
  expect(checkSceneGeometry(s)).toEqual({ overlaps: [], membersOutside: [], intruders: [] });
  const v = measureLayout(s).groupViolations;
  expect(v).toEqual({ membersOutside: [], intruders: [], crossingGroups: [], unnested: [] });
  // A group's own name label lies inside its box.
  const outside = s.labels.filter((l) => {
    const g = s.groups.find((x) => x.id === l.anchor);
    return g && !boxContains(g.box, { x: l.x, y: l.y, w: l.w ?? 0, h: l.h ?? 0 });
  });
  expect(outside).toEqual([]);
}

describe('source layout', () => {
  it('is what layout() runs for arrangement "source"', () => {
    const g = graph([res('a', 'lambda', { x: 0, y: 0, w: 60, h: 60 })]);
    expect(layout(g, { arrangement: 'source' })).toEqual(sourceLayout(g));
  });

  it('keeps left/right and above/below order, rows and columns', () => {
    const grid: Resource[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 4; c++) grid.push(res(`n${r}${c}`, 'ec2', { x: 100 * c + (r === 1 ? 3 : 0), y: 120 * r, w: 60, h: 60 }));
    const s = sourceLayout(graph(grid));
    expectClean(s);
    for (let r = 0; r < 3; r++) {
      const ys = new Set([0, 1, 2, 3].map((c) => box(s, `n${r}${c}`).y));
      expect(ys.size).toBe(1); // a row stays a row
      for (let c = 1; c < 4; c++) expect(box(s, `n${r}${c}`).x).toBeGreaterThan(box(s, `n${r}${c - 1}`).x);
    }
    for (let c = 0; c < 4; c++) {
      expect(new Set([0, 1, 2].map((r) => box(s, `n${r}${c}`).x)).size).toBe(1); // 3 px off still counts as the same column
      for (let r = 1; r < 3; r++) expect(box(s, `n${r}${c}`).y).toBeGreaterThan(box(s, `n${r - 1}${c}`).y);
    }
  });

  it('nests groups exactly and sizes auto-sized ones as Cloudcraft draws them (members + padding)', () => {
    const g = graph([
      res('vpc', 'vpc', { x: 0, y: 0, w: 600, h: 400 }),
      res('zone', 'zone', { x: 20, y: 30, w: 300, h: 350 }, { parent: 'vpc', vpc: 'vpc' }),
      res('sub', 'subnet', { x: 40, y: 60, w: 260, h: 300 }, { parent: 'zone', vpc: 'vpc' }),
      res('ec2', 'ec2', { x: 100, y: 100, w: 60, h: 60 }, { parent: 'sub', vpc: 'vpc', subnets: ['sub'] }),
      res('igw', 'internetgateway', { x: 570, y: 200, w: 60, h: 60 }, { parent: 'vpc', vpc: 'vpc' }),
    ]);
    const s = sourceLayout(g);
    expectClean(s);
    const vpc = s.groups.find((x) => x.id === 'vpc')!;
    const sub = s.groups.find((x) => x.id === 'sub')!;
    expect(sub.members).toEqual(['ec2']);
    expect(vpc.members).toEqual(['sub', 'igw', expect.stringMatching(/-/)]); // the zone's name label is listed by the VPC
    expect(sub.box).toEqual({ x: box(s, 'ec2').x - 2, y: box(s, 'ec2').y - 2, w: 5, h: 5 });
    expect(s.groups.find((x) => x.id === 'zone')!.members).toEqual(['sub']);
  });

  it('moves a component out of a container Cloudcraft cannot hold it in', () => {
    const g = graph([
      res('sub', 'subnet', { x: 0, y: 0, w: 400, h: 300 }),
      res('fn', 'lambda', { x: 50, y: 50, w: 60, h: 60 }, { parent: 'sub', subnets: ['sub'] }),
      res('bucket', 's3', { x: 300, y: 120, w: 60, h: 60 }, { parent: 'sub', subnets: ['sub'] }),
    ]);
    const s = sourceLayout(g);
    expectClean(s);
    expect(s.groups[0]!.members).toEqual(['fn']);
    expect(s.nodes.find((n) => n.id === 'bucket')!.parent).toBeUndefined();
    expect(box(s, 'bucket').x).toBeGreaterThanOrEqual(box(s, 'sub').x + box(s, 'sub').w); // still to the right of the function
  });

  it('places resources without hints in a row under the hinted ones', () => {
    const g = graph([res('a', 'ec2', { x: 0, y: 0, w: 60, h: 60 }), res('b', 'ec2', { x: 200, y: 0, w: 60, h: 60 }), res('c', 's3'), res('d', 'sqs')]);
    const s = sourceLayout(g);
    expectClean(s);
    expect(box(s, 'c').y).toBeGreaterThan(box(s, 'a').y);
    expect(box(s, 'd').x).toBeGreaterThan(box(s, 'c').x);
  });

  it('survives containment cycles and groups without any hint', () => {
    const g = graph([
      res('x', 'area', undefined, { parent: 'y' }), res('y', 'area', undefined, { parent: 'x' }),
      res('n', 'ec2', undefined, { parent: 'x' }), res('m', 'ec2', { x: 10, y: 10, w: 10, h: 10 }, { parent: 'y' }),
    ]);
    expectClean(sourceLayout(g));
  });

  /** Random drawings: overlapping, duplicated and degenerate boxes, components parented anywhere. */
  function randomGraph(seed: number, realistic: boolean): Resource[] {
    const rand = rng(seed);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const types = ['ec2', 'lambda', 's3', 'rds', 'block', 'icon', 'elb', 'natgateway'];
    // Container types that may sit in each container in Cloudcraft ('' = the top level).
    const inside: Record<string, string[]> = {
      '': ['region', 'vpc', 'area', 'zone'], region: ['vpc', 'area', 'zone'], vpc: ['subnet', 'sg', 'area', 'zone'],
      zone: ['subnet', 'area'], subnet: ['sg', 'asg', 'area'], sg: ['asg', 'area'], asg: [], area: ['area'],
    };
    const resources: Resource[] = [];
    const groups: Resource[] = [];
    const n = 3 + Math.floor(rand() * 30);
    for (let i = 0; i < n; i++) {
      const parent = groups.length && rand() < 0.7 ? pick(groups) : undefined;
      const options = realistic ? inside[parent?.ccType ?? ''] ?? [] : ['vpc', 'subnet', 'sg', 'asg', 'zone', 'area', 'region'];
      const isGroup = options.length > 0 && rand() < 0.3;
      const w = isGroup ? 50 + rand() * 500 : pick([0, 20, 48, 78]);
      const h = isGroup ? 50 + rand() * 400 : pick([0, 20, 48, 78]);
      const hint = rand() < 0.05 ? undefined : { x: Math.round(rand() * 12) * 50, y: Math.round(rand() * 10) * 50, w, h };
      const r = res(`r${i}`, isGroup ? pick(options) : pick(types), hint, parent ? { parent: parent.id } : {});
      resources.push(r);
      if (isGroup) groups.push(r);
    }
    return resources;
  }

  it('has no overlaps and exact nesting on 300 random drawings (overlapping, duplicated, degenerate boxes)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const resources = randomGraph(seed, true);
      const s = sourceLayout(graph(resources));
      try {
        expectClean(s);
      } catch (err) {
        throw new Error(`seed ${seed}: ${(err as Error).message}`);
      }
      expect(JSON.stringify(sourceLayout(graph(resources)))).toBe(JSON.stringify(s));
    }
  });

  it('keeps boxes nested and components apart even where Cloudcraft could not nest the containers', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const s = sourceLayout(graph(randomGraph(seed, false)));
      const q = measureLayout(s);
      expect({ seed, overlaps: q.overlaps, ...q.groupViolations }).toEqual({ seed, overlaps: [], membersOutside: [], intruders: [], crossingGroups: [], unnested: [] });
    }
  });
});
