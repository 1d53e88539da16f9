/**
 * Upload a blueprint the way CI needs it: create once, then update the same blueprint in place on
 * every re-run (the state file remembers id and ETag), never silently overwriting edits made in
 * Cloudcraft (recorded ETag vs. the one read, and If-Match on the PUT), and saving the remote
 * version to a backup file before anything overwrites it.
 */
import type { Blueprint } from '../blueprint.js';
import { saveRemoteCopy } from '../state/backups.js';
import { markerTag, sha256, type UploadState } from '../state/upload-state.js';
import type { CloudcraftClient } from './client.js';
import { sameContent, writableContent } from './compare.js';
import { CloudcraftApiError, RemoteChangedError } from './errors.js';
import type { BlueprintRecord, BlueprintWrite } from './types.js';

export interface UploadOptions {
  /** Makes the blueprint; gets the remote version when `keepLayout` is set and one exists. */
  produce: (previous?: BlueprintRecord) => Promise<Blueprint> | Blueprint;
  name?: string;
  readAccess?: string[];
  writeAccess?: string[];
  tags?: string[];
  /** Update this blueprint (default: the one recorded for `stateKey`). */
  id?: string;
  /** Overwrite even when the blueprint changed in Cloudcraft since our last upload. */
  force?: boolean;
  /** Pass the remote blueprint to `produce` so hand-moved positions are kept. */
  keepLayout?: boolean;
  /** Describe the requests instead of sending them. */
  dryRun?: boolean;
  state?: UploadState;
  /** What was uploaded (input paths relative to the state file, or a chosen key). */
  stateKey: string;
  /** Where remote versions are saved before an overwrite. */
  backupDir: string;
  onNotice?: (message: string) => void;
}

export type UploadAction = 'created' | 'updated' | 'unchanged' | 'dry-run';

export interface DescribedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface UploadResult {
  action: UploadAction;
  name: string;
  id?: string;
  etag?: string;
  url?: string;
  /** The file holding the remote version we replaced. */
  backup?: string;
  /** A create whose answer was lost, found again by its marker tag. */
  recovered?: boolean;
  requests?: DescribedRequest[];
}

const FORCE_ROUNDS = 3;
const MARKER_PREFIX = 'cloudcraft-convert:';

function uniq(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** Body of the create/update: flags beat the file's own fields, which beat the remote's. */
function toWrite(bp: Blueprint, o: UploadOptions, marker: string, remote?: BlueprintRecord): BlueprintWrite {
  const name = o.name ?? bp.name;
  const write: BlueprintWrite = { name, data: { ...bp.data, name } };
  const readAccess = o.readAccess ?? bp.readAccess ?? remote?.readAccess;
  const writeAccess = o.writeAccess ?? bp.writeAccess ?? remote?.writeAccess;
  if (readAccess !== undefined) write.readAccess = readAccess;
  if (writeAccess !== undefined) write.writeAccess = writeAccess;
  if (remote) {
    const ours = (remote.tags ?? []).filter((t) => t.startsWith(MARKER_PREFIX));
    const tags = o.tags !== undefined ? uniq([...o.tags, ...ours]) : remote.tags;
    if (tags !== undefined) write.tags = tags;
  } else {
    write.tags = uniq([...(o.tags ?? bp.tags ?? []), marker]);
  }
  return write;
}

export async function uploadBlueprint(client: CloudcraftClient, o: UploadOptions): Promise<UploadResult> {
  const origin = client.config.origin;
  const marker = markerTag(origin, o.stateKey);
  const record = o.state?.find(origin, o.stateKey);
  let target = o.id ?? record?.id;
  const notice = (m: string): void => o.onNotice?.(client.redactor.scrub(m));

  if (o.dryRun) {
    if (o.keepLayout) notice('--keep-layout needs the remote blueprint; with --dry-run nothing is fetched, so the layout is computed afresh');
    const bp = await o.produce();
    if (!target) {
      const write = toWrite(bp, o, marker);
      return { action: 'dry-run', name: write.name!, requests: [client.describeRequest({ method: 'POST', path: '/blueprint', body: write })] };
    }
    const path = `/blueprint/${encodeURIComponent(target)}`;
    const etag = record && record.id === target && record.etag ? record.etag : '<the ETag read by the GET above>';
    const write = toWrite(bp, o, marker);
    return {
      action: 'dry-run', name: write.name!, id: target, url: client.appUrl(target),
      requests: [client.describeRequest({ method: 'GET', path }), client.describeRequest({ method: 'PUT', path, body: write, headers: { 'if-match': etag } })],
    };
  }

  for (let round = 1; target; round++) {
    let remote;
    try {
      remote = await client.blueprints.get(target);
    } catch (err) {
      if (err instanceof CloudcraftApiError && err.status === 404 && !o.id && record) {
        notice(`blueprint ${target} recorded in ${o.state?.path} no longer exists in Cloudcraft; creating a new one`);
        target = undefined;
        break;
      }
      throw err;
    }
    const expected = record && record.id === target ? record : undefined;
    const changed = expected && (expected.etag && remote.etag ? expected.etag !== remote.etag : expected.contentHash !== undefined && sha256(writableContent(remote.value)) !== expected.contentHash);
    if (changed && !o.force) {
      throw new RemoteChangedError(`blueprint ${target} ("${remote.value.name}") was changed in Cloudcraft since our last upload ` +
        `(ETag ${expected.etag ?? '?'} → ${remote.etag ?? '?'}); nothing was uploaded. Re-run with --force to overwrite it ` +
        '(the current version is backed up first), or with --keep-layout --force to keep its positions', target, expected.etag, remote.etag);
    }
    const bp = await o.produce(o.keepLayout ? remote.value : undefined);
    const write = toWrite(bp, o, marker, remote.value);
    const result: UploadResult = { action: 'unchanged', name: write.name!, id: target, url: client.appUrl(target) };
    let etag = remote.etag;
    if (!sameContent(write, remote.value)) {
      result.backup = saveRemoteCopy(o.backupDir, remote.value);
      try {
        etag = (await client.blueprints.update(target, write, remote.etag)).etag;
      } catch (err) {
        // Someone saved between our read and our write: with --force read, back up and try again.
        if (err instanceof RemoteChangedError && o.force && round < FORCE_ROUNDS) continue;
        if (err instanceof RemoteChangedError) {
          throw new RemoteChangedError(`blueprint ${target} was changed in Cloudcraft while we were uploading (412); nothing was overwritten. ` +
            'Re-run to see the conflict, or with --force to overwrite', target, remote.etag, err.remoteEtag);
        }
        throw err;
      }
      result.action = 'updated';
    }
    if (etag) result.etag = etag;
    o.state?.set({ origin, key: o.stateKey, id: target, ...(etag ? { etag } : {}), name: write.name!, contentHash: sha256(writableContent({ ...write, tags: write.tags ?? null })) });
    o.state?.save();
    return result;
  }

  const bp = await o.produce();
  const write = toWrite(bp, o, marker);
  const created = await client.blueprints.createOnce(write, { marker });
  const id = created.value.id;
  let etag = created.etag;
  if (!etag) etag = (await client.blueprints.get(id)).etag;
  o.state?.set({ origin, key: o.stateKey, id, ...(etag ? { etag } : {}), name: write.name!, contentHash: sha256(writableContent(write)) });
  o.state?.save();
  return { action: 'created', name: write.name!, id, url: client.appUrl(id), ...(etag ? { etag } : {}), ...(created.recovered ? { recovered: true } : {}) };
}
