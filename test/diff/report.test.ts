/** Report formatting on hand-made results: escaping, limits, wording. */
import { describe, expect, it } from 'vitest';
import { formatDiffMarkdown, formatDiffText } from '../../src/diff/index.js';
import type { DiffResult, ResourceChange } from '../../src/diff/types.js';

const result = (changes: ResourceChange[], extra: Partial<DiffResult> = {}): DiffResult => ({
  ok: true, diagnostics: [], mode: 'sides', drift: false, changes, edges: [], timings: {},
  before: { name: 'a.json', kind: 'blueprint', resources: 1 }, after: { name: 'b.json', kind: 'blueprint', resources: 1 },
  summary: { added: changes.length, removed: 0, modified: 0, replaced: 0, unchanged: 0, notDrawn: 0, edgesAdded: 0, edgesRemoved: 0, changed: changes.length > 0 },
  ...extra,
});
const added = (name: string, i = 0): ResourceChange => ({ kind: 'added', id: `id-${i}`, key: name, name, type: 'ec2', sourceType: 'ec2', drawn: true, properties: [] });

describe('markdown', () => {
  it('escapes what would break the table or inject HTML', () => {
    const md = formatDiffMarkdown(result([added('web | <img src=x onerror=alert(1)>\nnext')]));
    expect(md).toContain('| 🟢 | `web \\| &lt;img src=x onerror=alert(1)&gt; next` | ec2 | added |');
    expect(md).not.toContain('<img');
  });

  it('names with backticks stay code', () => {
    expect(formatDiffMarkdown(result([added('a`b')]))).toContain('| `` a`b `` |');
  });

  it('stops long tables, says how many more', () => {
    const md = formatDiffMarkdown(result(Array.from({ length: 7 }, (_, i) => added(`n${i}`, i))), { maxRows: 5 });
    expect(md.match(/^\| 🟢 /gm)).toHaveLength(5);
    expect(md).toContain('| | … and 2 more | | see `--json` |');
  });

  it('says so when nothing changed', () => {
    const md = formatDiffMarkdown(result([]));
    expect(md).toContain('**no resource changes; 0 unchanged**');
    expect(md).toContain('No changes to the architecture.');
  });

  it('drift wording names the code side and the live side', () => {
    const md = formatDiffMarkdown(result([added('x')], { drift: true, after: { name: 'live.json', kind: 'snapshot', resources: 1 } }));
    expect(md).toMatch(/^### Drift between a\.json and the live account \(live\.json\)/);
  });
});

describe('text', () => {
  it('a plan action that differs from the kind is said; undrawn resources are dimmed', () => {
    const c: ResourceChange = { ...added('q'), kind: 'removed', action: 'no-op', drawn: false, type: undefined, sourceType: 'aws_sqs_queue' };
    const text = formatDiffText(result([c], { mode: 'plan' }), { color: true });
    expect(text).toContain('\u001b[2m− q (aws_sqs_queue, not drawn) removed (plan: no-op)\u001b[0m');
    expect(text.startsWith('\u001b[1mdiff Terraform plan a.json\u001b[0m\n')).toBe(true);
  });

  it('details: false lists resources only', () => {
    const c: ResourceChange = { ...added('w'), kind: 'modified', properties: [{ name: 'memory', scope: 'cloudcraft', before: '128', after: '512' }] };
    expect(formatDiffText(result([c]))).toContain('~ w (ec2) modified\n    memory: 128 → 512\n');
    expect(formatDiffText(result([c]), { details: false })).not.toContain('memory');
  });
});
