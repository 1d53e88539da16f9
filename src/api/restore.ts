/**
 * `restore DIR`: puts a backup back, idempotently. Each backed-up blueprint is matched to its
 * remote counterpart (same id, or the one an earlier restore created, remembered in
 * `DIR/restore-state.json`); missing ones are created, changed ones updated (remote version saved
 * first), equal ones left alone. A second run changes nothing.
 */
import { join } from 'node:path';
import { saveRemoteCopy } from '../state/backups.js';
import { markerTag, sha256, UploadState } from '../state/upload-state.js';
import { verifyBackup } from './backup.js';
import type { CloudcraftClient } from './client.js';
import { sameContent, writableContent } from './compare.js';
import { CloudcraftInputError } from './errors.js';
import type { BlueprintRecord, BlueprintWrite } from './types.js';

export type RestoreAction = 'created' | 'updated' | 'unchanged' | 'would-create' | 'would-update';

export interface RestoreItem {
  /** Id in the backup. */
  originalId: string;
  name: string;
  action: RestoreAction;
  /** Id of the remote blueprint (new for created ones). */
  id?: string;
  /** Remote version saved before an update. */
  backup?: string;
}

export interface RestoreOptions {
  dryRun?: boolean;
  /** Where remote versions are saved before being overwritten. */
  backupDir: string;
  onProgress?: (p: { done: number; total: number; item: RestoreItem }) => void;
}

export const RESTORE_STATE_FILE = 'restore-state.json';
const MARKER_PREFIX = 'cloudcraft-convert:';

function writeOf(record: BlueprintRecord, remoteTags?: readonly string[] | null): BlueprintWrite {
  // Our marker tags on the remote copy are bookkeeping, not content: keep them.
  const markers = (remoteTags ?? []).filter((t) => t.startsWith(MARKER_PREFIX));
  const tags = [...new Set([...(record.tags ?? []), ...markers])];
  return { name: record.name, data: record.data, readAccess: record.readAccess ?? null, writeAccess: record.writeAccess ?? null, tags: tags.length ? tags : record.tags ?? null };
}

export async function restoreBlueprints(client: CloudcraftClient, dir: string, o: RestoreOptions): Promise<RestoreItem[]> {
  const { entries, problems } = verifyBackup(dir);
  if (problems.length) throw new CloudcraftInputError(`${dir}: backup cannot be restored; nothing was sent:\n  ${problems.join('\n  ')}`);
  const origin = client.config.origin;
  const state = UploadState.load(join(dir, RESTORE_STATE_FILE));
  const remoteIds = new Set((await client.blueprints.list()).map((b) => b.id));
  const items: RestoreItem[] = [];
  for (const [i, { entry, record }] of entries.entries()) {
    const key = `restore:${entry.id}`;
    const mapped = state.find(origin, key)?.id;
    const target = remoteIds.has(entry.id) ? entry.id : mapped && remoteIds.has(mapped) ? mapped : undefined;
    const item: RestoreItem = { originalId: entry.id, name: record.name, action: 'unchanged' };
    if (target) {
      item.id = target;
      const remote = await client.blueprints.get(target);
      const write = writeOf(record, remote.value.tags);
      let etag = remote.etag;
      if (!sameContent(write, remote.value)) {
        if (o.dryRun) item.action = 'would-update';
        else {
          item.backup = saveRemoteCopy(o.backupDir, remote.value);
          etag = (await client.blueprints.update(target, write, remote.etag)).etag;
          item.action = 'updated';
        }
      }
      if (!o.dryRun) state.set({ origin, key, id: target, name: record.name, ...(etag ? { etag } : {}), contentHash: sha256(writableContent(write)) });
    } else if (o.dryRun) {
      item.action = 'would-create';
    } else {
      const write = writeOf(record);
      const created = await client.blueprints.createOnce(write, { marker: markerTag(origin, key) });
      item.id = created.value.id;
      item.action = 'created';
      state.set({ origin, key, id: item.id, name: record.name, ...(created.etag ? { etag: created.etag } : {}), contentHash: sha256(writableContent(write)) });
    }
    // Saved after every blueprint: an interrupted restore resumes without creating duplicates.
    if (!o.dryRun) state.save();
    items.push(item);
    o.onProgress?.({ done: i + 1, total: entries.length, item });
  }
  return items;
}
