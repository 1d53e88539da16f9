/**
 * Copies of remote blueprints taken before we overwrite or delete them. The file is the record as
 * the API returned it, so `upload <file> --id <id> --force` puts it back. The name carries a hash
 * of the content: the same version is saved once, different versions never overwrite each other.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serializeBlueprint } from '../blueprint.js';
import { writeFileAtomic } from '../cli/io.js';
import { sha256 } from './upload-state.js';

export const DEFAULT_BACKUP_DIR = '.cloudcraft-convert-backups';

/** Writes the remote version and returns the file path. */
export function saveRemoteCopy(dir: string, record: { id: string }): string {
  const text = serializeBlueprint(record);
  mkdirSync(dir, { recursive: true });
  const safeId = record.id.replace(/[^A-Za-z0-9_-]/g, '_');
  const file = join(dir, `${safeId}.${sha256(text).slice(0, 12)}.json`);
  writeFileAtomic(file, text);
  return file;
}
