/**
 * `backup DIR`: every blueprint as `DIR/blueprints/<id>.json` (the record as the API returns it)
 * plus `DIR/index.json` with a SHA-256 per file. The index is rewritten after every file, so an
 * interrupted run resumes where it stopped: a blueprint whose `updatedAt` and file checksum still
 * match is not fetched again. Files of blueprints deleted remotely are kept (and reported).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeBlueprint } from '../blueprint.js';
import { writeFileAtomic } from '../cli/io.js';
import { sha256 } from '../state/upload-state.js';
import type { CloudcraftClient } from './client.js';
import { CloudcraftInputError } from './errors.js';
import type { BlueprintRecord } from './types.js';

export interface BackupIndexEntry {
  id: string;
  name: string;
  updatedAt?: string;
  etag?: string;
  /** Relative to the backup folder. */
  file: string;
  sha256: string;
  bytes: number;
}

export interface BackupIndex {
  version: 1;
  origin: string;
  /** False while a run is in progress or after one was interrupted. */
  complete: boolean;
  blueprints: BackupIndexEntry[];
}

export interface BackupProgress {
  done: number;
  total: number;
  name: string;
  fetched: boolean;
}

export interface BackupResult {
  index: BackupIndex;
  fetched: number;
  skipped: number;
  /** Blueprints in an earlier backup that no longer exist remotely (their files are kept). */
  stale: BackupIndexEntry[];
}

export const INDEX_FILE = 'index.json';

export function readBackupIndex(dir: string): BackupIndex | undefined {
  const path = join(dir, INDEX_FILE);
  if (!existsSync(path)) return undefined;
  let index: Partial<BackupIndex>;
  try {
    index = JSON.parse(readFileSync(path, 'utf8')) as Partial<BackupIndex>;
  } catch (err) {
    throw new CloudcraftInputError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  if (index.version !== 1 || typeof index.origin !== 'string' || !Array.isArray(index.blueprints)) {
    throw new CloudcraftInputError(`${path}: not a cloudcraft-convert backup index`);
  }
  return index as BackupIndex;
}

function writeIndex(dir: string, index: BackupIndex): void {
  const sorted = { ...index, blueprints: [...index.blueprints].sort((a, b) => a.id.localeCompare(b.id)) };
  writeFileAtomic(join(dir, INDEX_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}

function fileChecksum(path: string): string | undefined {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

export async function backupBlueprints(client: CloudcraftClient, dir: string, onProgress?: (p: BackupProgress) => void): Promise<BackupResult> {
  const origin = client.config.origin;
  const previous = readBackupIndex(dir);
  if (previous && previous.origin !== origin) {
    throw new CloudcraftInputError(`${dir} holds a backup of ${previous.origin}, not ${origin}; use another folder`);
  }
  mkdirSync(join(dir, 'blueprints'), { recursive: true });
  const known = new Map((previous?.blueprints ?? []).map((e) => [e.id, e]));
  const remote = [...await client.blueprints.list()].sort((a, b) => a.id.localeCompare(b.id));
  const index: BackupIndex = { version: 1, origin, complete: false, blueprints: [] };
  let fetched = 0;
  let skipped = 0;
  for (const [i, meta] of remote.entries()) {
    const prev = known.get(meta.id);
    const file = `blueprints/${meta.id.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
    const unchanged = prev && meta.updatedAt && prev.updatedAt === meta.updatedAt && fileChecksum(join(dir, prev.file)) === prev.sha256;
    if (unchanged) {
      index.blueprints.push(prev);
      skipped++;
    } else {
      const { value, etag } = await client.blueprints.get(meta.id);
      const text = serializeBlueprint(value as BlueprintRecord);
      writeFileAtomic(join(dir, file), text);
      const entry: BackupIndexEntry = { id: meta.id, name: value.name ?? meta.name, file, sha256: sha256(text), bytes: Buffer.byteLength(text) };
      const updatedAt = value.updatedAt ?? meta.updatedAt;
      if (updatedAt) entry.updatedAt = updatedAt;
      if (etag) entry.etag = etag;
      index.blueprints.push(entry);
      fetched++;
      // Keep the earlier entries for blueprints not reached yet, so an interruption loses nothing.
      writeIndex(dir, { ...index, blueprints: [...index.blueprints, ...[...known.values()].filter((e) => !index.blueprints.some((b) => b.id === e.id))] });
    }
    onProgress?.({ done: i + 1, total: remote.length, name: meta.name, fetched: !unchanged });
  }
  const remoteIds = new Set(remote.map((b) => b.id));
  const stale = [...known.values()].filter((e) => !remoteIds.has(e.id));
  index.complete = true;
  writeIndex(dir, index);
  return { index, fetched, skipped, stale };
}

export interface VerifiedEntry {
  entry: BackupIndexEntry;
  record: BlueprintRecord;
}

/** Checks every file against the index; returns the records, or the list of problems. */
export function verifyBackup(dir: string): { index: BackupIndex; entries: VerifiedEntry[]; problems: string[] } {
  const index = readBackupIndex(dir);
  if (!index) throw new CloudcraftInputError(`${dir}: no ${INDEX_FILE}; not a backup folder (make one with: cloudcraft-convert backup ${dir})`);
  const problems: string[] = [];
  const entries: VerifiedEntry[] = [];
  if (!index.complete) problems.push(`${join(dir, INDEX_FILE)}: the backup did not finish; run backup again to complete it`);
  for (const entry of index.blueprints) {
    const path = join(dir, entry.file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      problems.push(`${path}: missing`);
      continue;
    }
    if (sha256(bytes) !== entry.sha256) {
      problems.push(`${path}: checksum mismatch (the file changed since the backup)`);
      continue;
    }
    const record = JSON.parse(bytes.toString('utf8')) as BlueprintRecord;
    if (!record || typeof record.data !== 'object' || record.data === null) {
      problems.push(`${path}: not a blueprint record`);
      continue;
    }
    entries.push({ entry, record });
  }
  return { index, entries, problems };
}
