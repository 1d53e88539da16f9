/** Content comparison of blueprints, independent of key order and of fields the server adds. */
import type { BlueprintRecord, BlueprintWrite } from './types.js';

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v as Record<string, unknown>).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

function normalizeList(list: readonly string[] | null | undefined): string[] {
  return [...(list ?? [])].sort();
}

/** The part of a blueprint a write sets: name, data, sharing and tags. */
export function writableContent(b: BlueprintWrite | BlueprintRecord): string {
  const data: Record<string, unknown> = { ...b.data };
  // The server stamps data.version (and copies the name) on write; neither is content we sent.
  delete data['version'];
  return stableStringify({
    name: b.name ?? data['name'] ?? null,
    data,
    readAccess: normalizeList(b.readAccess),
    writeAccess: normalizeList(b.writeAccess),
    tags: normalizeList(b.tags),
  });
}

/** True when the remote record already holds what `write` would set. */
export function sameContent(write: BlueprintWrite, remote: BlueprintRecord): boolean {
  const merged: BlueprintWrite = {
    ...write,
    // Fields a write leaves out keep their remote value.
    readAccess: write.readAccess === undefined ? (remote.readAccess ?? null) : write.readAccess,
    writeAccess: write.writeAccess === undefined ? (remote.writeAccess ?? null) : write.writeAccess,
    tags: write.tags === undefined ? (remote.tags ?? null) : write.tags,
  };
  return writableContent(merged) === writableContent(remote);
}
