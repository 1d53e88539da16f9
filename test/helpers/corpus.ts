/**
 * The shared corpus of real public files lives outside the repo (../shared/corpus). Tests read
 * it when present and skip with a notice when not; its files are never copied into the repo.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = process.env['CLOUDCRAFT_CORPUS'] ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

export function corpusFiles(kind: 'cloudformation' | 'terraform' | 'drawio'): string[] {
  const dir = join(CORPUS_DIR, kind);
  if (!existsSync(dir)) {
    console.warn(`[corpus] ${dir} not found: skipping the ${kind} corpus tests`);
    return [];
  }
  return readdirSync(dir).sort().map((f) => join(dir, f));
}

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
