/** The samples in samples/terraform convert cleanly, keep their fake secrets to themselves, and draw what they show. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { validateBlueprint } from '../../src/validate/index.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { checkSceneGeometry } from '../helpers/quality.js';

const DIR = join(REPO_ROOT, 'samples', 'terraform');
const samples = readdirSync(DIR).sort();

describe('terraform samples', () => {
  it('has the three samples', () => {
    expect(samples).toEqual(['aws-modules.tfstate', 'aws-plan.json', 'azure.tfstate']);
  });

  for (const name of samples) {
    it(`converts ${name}`, async () => {
      const r = await convert(join(DIR, name));
      expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(r.ok).toBe(true);
      expect(validateBlueprint(r.blueprint!).ok).toBe(true);
      expect(checkSceneGeometry(r.scene!)).toEqual({ overlaps: [], membersOutside: [], intruders: [] });
      const everything = JSON.stringify([r.blueprint, r.report, r.graph]) + r.diagnostics.map(formatDiagnostic).join('\n');
      expect(everything).not.toMatch(/FAKE-/);
    });
  }

  it('draws the AWS sample: modules, for_each subnets, target group and event edges', async () => {
    const g = (await convert(join(DIR, 'aws-modules.tfstate'))).graph!;
    const name = (id: string) => g.resources.find((r) => r.id === id)?.name;
    const edges = g.edges.map((e) => `${name(e.from)} -> ${name(e.to)} (${e.kind})`);
    expect(edges).toEqual(expect.arrayContaining([
      'app.this -> app.app[0] (network)', 'app.this -> app.app[1] (network)',
      'app.app[0] -> data.this (network)',
      'uploads -> worker["thumbnails"] (event)', 'orders -> worker["orders"] (dataflow)',
    ]));
    expect(g.resources.filter((r) => r.ccType === 'subnet').map((r) => `${r.name}:${r.tier}`)).toEqual([
      'network.public["eu-west-1a"]:public', 'network.public["eu-west-1b"]:public', 'network.private["eu-west-1a"]:private', 'network.private["eu-west-1b"]:private',
    ]);
    expect(g.omitted.find((o) => o.sourceType === 'random_password')).toMatchObject({ provider: 'generic', reason: 'no-component' });
  });

  it('draws the Azure sample with its resource group, network and subnets as areas', async () => {
    const r = await convert(join(DIR, 'azure.tfstate'));
    const types = r.graph!.resources.map((x) => x.ccType);
    expect(types.filter((t) => t === 'area')).toHaveLength(7);
    for (const t of ['azurevm', 'azurewebapp', 'azurefunctionapp', 'azureakscluster', 'azureblob', 'azurequeue', 'azuretable', 'azurefiles',
      'azurepostgresql', 'azuremysql', 'azurecosmosdb', 'azureredis', 'azuresbnamespace', 'azuresbqueue', 'azuresbtopic', 'azurelb',
      'azureappgw', 'azurebastion', 'azurevngw', 'azuredisk']) expect(types).toContain(t);
    expect(r.blueprint!.data.surfaces.filter((s) => s.type === 'area').length).toBeGreaterThanOrEqual(3);
  });
});
