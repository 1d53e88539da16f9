/**
 * The shared corpus of real draw.io files (../shared/corpus/drawio, read in place, never copied):
 * every page converts to a schema-valid blueprint with no overlaps and exact nesting; files drawn
 * with AWS stencils have at least 90 % of those shapes mapped by the table (figures printed per
 * file); the respondio VPC diagram keeps its VPC and subnet groups with their members.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlueprintObject } from '../../src/blueprint.js';
import { convert, type ConvertResult } from '../../src/convert.js';
import type { Resource } from '../../src/graph/types.js';
import { measureLayout } from '../../src/layout/quality.js';
import { validateBlueprint } from '../../src/validate/index.js';
import { corpusFiles } from '../helpers/corpus.js';
import { checkSceneGeometry } from '../helpers/quality.js';

const files = corpusFiles('drawio');

const isAwsStencil = (r: Resource) => /^mxgraph\.aws(4|3d|3)?\./.test(r.sourceType);

async function allPages(file: string): Promise<ConvertResult[]> {
  const first = await convert(file, { allPages: true });
  const count = first.pages?.length ?? 1;
  const out: ConvertResult[] = [first];
  for (let i = 2; i <= count; i++) out.push(await convert(file, { page: String(i) }));
  return out;
}

describe.skipIf(files.length === 0)('draw.io corpus', () => {
  for (const file of files) {
    it(basename(file), async () => {
      const results = await allPages(file);
      let aws = 0;
      let mapped = 0;
      let components = 0;
      let shapes = 0;
      for (const r of results) {
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(r.ok).toBe(true);
        const v = validateBlueprint(r.blueprint);
        expect(v.ok).toBe(true);
        expect(v.diagnostics.filter((d) => d.ruleId === 'member-type')).toEqual([]); // Cloudcraft lists only what it accepts
        expect(checkSceneGeometry(r.scene!)).toEqual({ overlaps: [], membersOutside: [], intruders: [] });
        const q = measureLayout(r.scene!);
        expect({ overlaps: q.overlaps, ...q.groupViolations }).toEqual({ overlaps: [], membersOutside: [], intruders: [], crossingGroups: [], unnested: [] });
        for (const res of r.graph!.resources) {
          shapes++;
          if (!isAwsStencil(res)) continue;
          aws++;
          if (!res.mappedBy) mapped++;
          if (!res.mappedBy && res.ccType !== 'icon' && res.ccType !== 'block') components++;
        }
      }
      const pct = (n: number) => (aws ? `${Math.round((100 * n) / aws)} %` : 'n/a');
      console.log(`[corpus] ${basename(file)}: ${results.length} page(s), ${shapes} shapes, ${aws} AWS stencils, ` +
        `${pct(mapped)} mapped by the table, ${pct(components)} to a Cloudcraft service/container type (the rest to named icons)`);
      if (aws >= shapes / 2 && aws > 0) expect(mapped / aws).toBeGreaterThanOrEqual(0.9);
    });
  }

  it.skipIf(!files.some((f) => f.includes('respondio')))('the respondio VPC diagram keeps its VPC and subnet groups with their members', async () => {
    const r = await convert(files.find((f) => f.includes('respondio'))!, {});
    const groups = [...r.blueprint!.data.groups, ...r.blueprint!.data.surfaces];
    const typeOf = new Map([...r.blueprint!.data.nodes, ...groups, ...r.blueprint!.data.icons, ...r.blueprint!.data.text].map((o) => [o.id, o.type]));
    const named = (type: string, name: string) => groups.find((g) => g.type === type && g['name'] === name)!;
    const members = (g: BlueprintObject) => (g['nodes'] as string[]).map((id) => typeOf.get(id)).sort();
    const vpc = named('vpc', 'webapp-vpc');
    expect(vpc).toBeDefined();
    expect(members(vpc)).toEqual(['asg', 'elb', 'icon', 'internetgateway', 'isotext', 'isotext', 'isotext', 'rds', 'sg', 'sg', 'sg', 'subnet', 'subnet', 'subnet', 'subnet']);
    for (const name of ['Public subnet 1', 'Private subnet 1', 'Public subnet 2', 'Private subnet 2']) {
      const subnet = named('subnet', name);
      expect((vpc['nodes'] as string[])).toContain(subnet.id);
      expect(members(subnet)).toEqual(['isotext']); // drawn empty: the name label gives it its extent
    }
    expect(members(named('sg', 'webapp-security-group'))).toEqual(['asg']);
    expect(members(named('sg', 'webapp-elb-security-group'))).toEqual(['elb']);
    expect(members(named('sg', 'webapp-db-security-group'))).toEqual(['rds']);
    expect(members(groups.find((g) => g.type === 'asg')!)).toEqual(['ec2']);
    expect(groups.filter((g) => g.type === 'zone')).toHaveLength(2);
    expect(groups.find((g) => g.type === 'region')).toMatchObject({ region: 'eu-west-3' });
  });
});
