/**
 * Fixture pairs, svgo style: test/fixtures/<format>/<case>.<ext> beside <case>.blueprint.json.
 * Optional <case>.options.json holds pipeline options (and `inputs` for multi-file cases). Each
 * case runs twice to prove byte-identical output. UPDATE_FIXTURES=1 rewrites the expectations.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serializeBlueprint } from '../src/blueprint.js';
import { convert, type PipelineOptions } from '../src/convert.js';
import { checkSceneGeometry } from './helpers/quality.js';

const ROOT = fileURLToPath(new URL('./fixtures', import.meta.url));
const SIDE_FILES = /\.(blueprint|options|report|diagnostics)\.json$/;

interface Case {
  format: string;
  name: string;
  inputs: string[];
  options: PipelineOptions;
  expected: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const format of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, format);
    if (!statSync(dir).isDirectory()) continue;
    for (const entry of readdirSync(dir).sort()) {
      if (SIDE_FILES.test(entry) || entry.startsWith('_') || entry.startsWith('.')) continue;
      const name = entry.replace(/\.[^.]+$/, '').replace(/\.drawio$/, '');
      const optionsFile = join(dir, `${name}.options.json`);
      const raw = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as PipelineOptions & { inputs?: string[] }) : {};
      const { inputs: extra = [], ...options } = raw;
      out.push({ format, name, inputs: [join(dir, entry), ...extra.map((i) => join(dir, i))], options, expected: join(dir, `${name}.blueprint.json`) });
    }
  }
  return out;
}

const all = cases();

describe('fixtures', () => {
  it('has fixtures', () => expect(all.length).toBeGreaterThan(0));
  for (const c of all) {
    it(`${c.format}/${c.name}`, async () => {
      const first = await convert(c.inputs, c.options);
      expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(first.ok).toBe(true);
      const text = serializeBlueprint(first.blueprint);
      const second = await convert(c.inputs, c.options);
      expect(serializeBlueprint(second.blueprint)).toBe(text);
      const geometry = checkSceneGeometry(first.scene!);
      expect(geometry).toEqual({ overlaps: [], membersOutside: [], intruders: [] });
      if (process.env['UPDATE_FIXTURES'] || (!existsSync(c.expected) && !process.env['CI'])) writeFileSync(c.expected, text);
      else expect(text).toBe(readFileSync(c.expected, 'utf8'));
    });
  }
});
