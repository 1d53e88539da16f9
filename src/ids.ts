/**
 * Stable ids: RFC 4122 version-5 UUIDs (SHA-1 of a namespace and a name). The same source
 * address always gives the same id, so re-runs and re-uploads keep every object's identity.
 */
import { createHash } from 'node:crypto';

/** Our namespace UUID (itself uuidv5(DNS namespace, "cloudcraft-convert.dev")); never change it. */
export const ID_NAMESPACE = 'fa7db401-91d1-5958-be9d-0ae977a657e9';

const namespaceBytes = new Map<string, Buffer>();

function parseUuid(uuid: string): Buffer {
  let bytes = namespaceBytes.get(uuid);
  if (!bytes) {
    bytes = Buffer.from(uuid.replace(/-/g, ''), 'hex');
    if (bytes.length !== 16) throw new Error(`not a UUID: ${uuid}`);
    namespaceBytes.set(uuid, bytes);
  }
  return bytes;
}

export function uuidv5(name: string, namespace: string = ID_NAMESPACE): string {
  const hash = createHash('sha1').update(parseUuid(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.toString('hex', 0, 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Id of a resource from its source address (`stack/LogicalId`, a Terraform address, `page/cellId`). */
export function resourceId(address: string): string {
  return uuidv5(`resource:${address}`);
}

/** Id of something derived from other ids (labels, split groups, edges). */
export function derivedId(kind: string, ...parts: string[]): string {
  return uuidv5(`${kind}:${parts.join('\u0000')}`);
}
