/**
 * Every CloudFormation file of the shared corpus converts to a schema-valid blueprint with no
 * geometry problems, and every resource of the template is in the report (mapped, folded or
 * omitted). The expected resource list is read independently of the converter: JSON.parse, or a
 * YAML parse (falling back to scanning the Resources block when strict YAML fails).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { convert } from '../../src/convert.js';
import { validateBlueprint } from '../../src/validate/index.js';
import { corpusFiles } from '../helpers/corpus.js';
import { checkSceneGeometry } from '../helpers/quality.js';

const files = corpusFiles('cloudformation');

/** Logical ids of Resources, with Fn::ForEach loops counted as their expansion (or one placeholder each). */
function expectedResources(text: string): string[] {
  let resources: Record<string, unknown> | undefined;
  // A loop whose collection is an intrinsic (a YAML tag or an Fn:: mapping) is drawn as one placeholder.
  let literal = (key: string, collection: unknown) => Array.isArray(collection) && key !== '';
  if (text.trimStart().startsWith('{')) resources = (JSON.parse(text) as { Resources: Record<string, unknown> }).Resources;
  else {
    const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'silent' });
    if (doc.errors.length === 0) {
      resources = (doc.toJS() as { Resources: Record<string, unknown> }).Resources;
      literal = (key, collection) => Array.isArray(collection) && !(doc.getIn(['Resources', key, 1], true) as { tag?: string } | undefined)?.tag;
    }
  }
  if (!resources) return scanYamlResources(text);
  const out: string[] = [];
  for (const [key, value] of Object.entries(resources)) {
    if (!key.startsWith('Fn::ForEach::')) { out.push(key); continue; }
    const [, collection, template] = value as [string, unknown, Record<string, unknown>];
    const items = literal(key, collection) ? (collection as unknown[]).length : 1;
    for (let i = 0; i < items; i++) out.push(...Object.keys(template).map((k) => `${key}#${i}:${k}`));
  }
  return out;
}

/** Keys one level under `Resources:` by indentation (for YAML only CloudFormation's parser accepts). */
function scanYamlResources(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^Resources:\s*$/.test(l));
  const keys: string[] = [];
  let indent: number | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const n = /^ */.exec(line)![0].length;
    if (n === 0) break;
    indent ??= n;
    const m = n === indent ? /^\s*['"]?([^'":]+)['"]?:/.exec(line) : null;
    if (m) keys.push(m[1]!);
  }
  return keys;
}

describe.skipIf(files.length === 0)('CloudFormation corpus', () => {
  it.each(files.map((f) => [basename(f), f]))('%s', async (_name, file) => {
    const r = await convert(file);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(validateBlueprint(r.blueprint!)).toMatchObject({ ok: true });
    expect(checkSceneGeometry(r.scene!)).toEqual({ overlaps: [], membersOutside: [], intruders: [] });
    // Every diagnostic names the file; every resource has a location.
    for (const d of r.diagnostics) if (d.ruleId !== 'default-region') expect(d.file).toBeTruthy();
    const synthetic = new Set(r.graph!.resources.filter((x) => x.meta?.['synthetic']).map((x) => x.id));
    const entries = r.report!.entries.filter((e) => !synthetic.has(e.id));
    for (const e of entries) expect(e.line, e.address).toBeGreaterThan(0);
    // The report holds exactly the template's resources (no nested templates are local in the corpus).
    expect(entries.length).toBe(expectedResources(readFileSync(file, 'utf8')).length);
    expect(new Set(entries.map((e) => e.address)).size).toBe(entries.length);
  });
});
