/**
 * Done-when of the layout issue: every corpus input (../shared/corpus, read in place, never
 * copied) that a registered converter accepts lays out with zero overlapping footprints and zero
 * group violations — default options, flow down, and grouped by module/stack — and laying it out
 * again from its own blueprint (--layout-from) moves nothing. Inputs whose format has no
 * converter yet, or that the converter refuses (a `terraform plan -json` log), are skipped with
 * a notice: they say nothing about the layout.
 */
import { describe, expect, it } from 'vitest';
import { convert, type ConvertResult } from '../../src/convert.js';
import { measureLayout, movedNodes } from '../../src/layout/quality.js';
import type { LayoutOptions } from '../../src/layout/types.js';
import { corpusFiles } from '../helpers/corpus.js';

const KINDS = ['cloudformation', 'terraform', 'drawio'] as const;
const VARIANTS: LayoutOptions[] = [{}, { direction: 'down' }, { groupBy: 'module' }, { groupBy: 'stack', projection: '2d' }];

const notices: string[] = [];

async function run(file: string, layout: LayoutOptions): Promise<ConvertResult | undefined> {
  const r = await convert(file, { layout });
  if (r.ok) return r;
  const why = r.diagnostics.find((d) => d.severity === 'error');
  notices.push(`${file}: skipped (${why?.ruleId ?? 'error'}: ${why?.reason.slice(0, 100) ?? 'no blueprint'})`);
  return undefined;
}

for (const kind of KINDS) {
  const files = corpusFiles(kind);
  describe.skipIf(files.length === 0)(`layout on the ${kind} corpus`, () => {
    for (const file of files) {
      it(file.split('/').pop()!, async () => {
        let laidOut = 0;
        for (const options of VARIANTS) {
          const r = await run(file, options);
          if (!r) return;
          const q = measureLayout(r.scene!, r.graph!.edges, options.projection ? { projection: options.projection } : {});
          expect(q.overlaps, `${JSON.stringify(options)} overlaps`).toEqual([]);
          expect(q.groupViolations, `${JSON.stringify(options)} group violations`).toEqual({ membersOutside: [], intruders: [], crossingGroups: [], unnested: [] });
          laidOut++;
        }
        const first = (await run(file, {}))!;
        const again = await run(file, { previous: first.blueprint! });
        expect(movedNodes(first.scene!, again!.scene!)).toEqual([]);
        expect(laidOut).toBe(VARIANTS.length);
      });
    }
  });
}

describe('corpus notices', () => {
  it('prints what was skipped and why', () => {
    for (const n of notices) console.warn(`[layout corpus] ${n}`);
    expect(Array.isArray(notices)).toBe(true);
  });
});
