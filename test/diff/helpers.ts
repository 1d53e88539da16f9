/** Shared helpers for the diff tests: fixture paths, a temp folder, and lookups into results. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiffResult, ResourceChange } from '../../src/diff/types.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);

export function tempDir(): { dir: string; file: (name: string, content: unknown) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'cc-diff-'));
  return {
    dir,
    file: (name, content) => {
      const p = join(dir, name);
      writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return p;
    },
  };
}

/** The change of the resource with this name (or key); fails the test when absent. */
export function change(r: DiffResult, name: string): ResourceChange {
  const c = r.changes.find((x) => x.name === name || x.key === name);
  if (!c) throw new Error(`no change for ${name}; changes: ${r.changes.map((x) => `${x.kind} ${x.name}`).join(', ')}`);
  return c;
}

/** `kind name` lines, sorted: a compact picture of a result to compare against. */
export function kinds(r: DiffResult): string[] {
  return r.changes.map((c) => `${c.kind} ${c.name}`).sort();
}
