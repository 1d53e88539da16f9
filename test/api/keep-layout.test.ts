/** `upload --keep-layout` hands the remote blueprint to the layout as `layout.previous`. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import * as pipeline from '../../src/convert.js';
import { cli, ok, type StandIn, standInForFile, writeTemplate } from './helpers.js';

vi.mock('../../src/convert.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/convert.js')>();
  return { ...real, convert: vi.fn(real.convert) };
});

let s!: StandIn;
standInForFile((started) => {
  s = started;
});

it('passes the remote blueprint (with positions moved in the app) as the previous layout', async () => {
  const dir = join(s.dir, 'keep');
  mkdirSync(dir);
  const template = writeTemplate(dir);
  const flags = ['--state', join(dir, 'state.json'), '--backup-dir', join(dir, 'backups'), '--projection', '2d', ...s.args];
  ok(await cli(['upload', template, ...flags]));
  const [stored] = [...s.server.store.blueprints.values()];
  const nodes = stored!.record.data['nodes'] as unknown as { mapPos: number[] }[];
  nodes[0]!.mapPos = [40, 40]; // moved by hand in Cloudcraft
  s.server.store.updateBlueprint(stored!, { data: stored!.record.data });

  const convert = vi.mocked(pipeline.convert);
  convert.mockClear();
  const r = await cli(['upload', template, '--keep-layout', '--force', ...flags]);
  expect(r.code, r.stderr).toBe(0);
  const options = convert.mock.calls[0]![1]!;
  expect(options.layout?.previous).toMatchObject({ id: stored!.record.id, data: { nodes: expect.arrayContaining([expect.objectContaining({ mapPos: [40, 40] })]) } });
  // The other layout options are kept alongside.
  expect(options.layout?.projection).toBe('2d');

  convert.mockClear();
  ok(await cli(['upload', template, ...flags, '--force']));
  expect(convert.mock.calls[0]![1]!.layout?.previous).toBeUndefined();

  const dry = ok(await cli(['upload', template, '--keep-layout', '--dry-run', ...flags]));
  expect(dry.stderr).toMatch(/--keep-layout needs the remote blueprint; with --dry-run nothing is fetched/);
});
