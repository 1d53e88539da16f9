/**
 * The upload state file (default `.cloudcraft-convert.json` in the working directory): for each
 * input set and API origin, the blueprint id and the ETag our last upload produced, so a CI
 * re-run updates the same blueprint in place (and can tell when someone edited it since).
 *
 * Inputs are stored relative to the state file, so the key survives a checkout at another path.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../cli/io.js';

export interface UploadRecord {
  /** Which API the id belongs to (`https://api.cloudcraft.co:443`). */
  origin: string;
  /** What was uploaded: input paths relative to the state file, or an explicit `--state-key`. */
  key: string;
  id: string;
  etag?: string;
  name: string;
  /** SHA-256 of the content we wrote, to detect remote edits when the server sends no ETag. */
  contentHash?: string;
}

interface StateDocument {
  version: 1;
  uploads: UploadRecord[];
}

export class StateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateFileError';
  }
}

export class UploadState {
  private readonly records: UploadRecord[];

  private constructor(readonly path: string, records: UploadRecord[]) {
    this.records = records;
  }

  /** Reads the file; a missing file is an empty state. */
  static load(path: string): UploadState {
    const abs = resolve(path);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new UploadState(abs, []);
      throw new StateFileError(`${path}: cannot read state file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    let doc: Partial<StateDocument>;
    try {
      doc = JSON.parse(text) as Partial<StateDocument>;
    } catch (err) {
      throw new StateFileError(`${path}: state file is not valid JSON (${(err as Error).message}); fix or delete it`);
    }
    if (doc.version !== 1 || !Array.isArray(doc.uploads)) throw new StateFileError(`${path}: not a cloudcraft-convert state file (expected {"version":1,"uploads":[…]})`);
    const ok = doc.uploads.every((r) => r && typeof r.origin === 'string' && typeof r.key === 'string' && typeof r.id === 'string');
    if (!ok) throw new StateFileError(`${path}: state file entries need origin, key and id`);
    return new UploadState(abs, doc.uploads);
  }

  /** The key of an input set: paths relative to the state file, sorted, joined. */
  keyFor(inputs: readonly string[]): string {
    const base = dirname(this.path);
    return inputs.map((i) => {
      if (i === '<stdin>') return i;
      const rel = relative(base, isAbsolute(i) ? i : resolve(i));
      return rel.split(sep).join('/') || '.';
    }).sort().join(' + ');
  }

  find(origin: string, key: string): UploadRecord | undefined {
    return this.records.find((r) => r.origin === origin && r.key === key);
  }

  set(record: UploadRecord): void {
    const i = this.records.findIndex((r) => r.origin === record.origin && r.key === record.key);
    if (i >= 0) this.records[i] = record;
    else this.records.push(record);
  }

  delete(origin: string, key: string): void {
    const i = this.records.findIndex((r) => r.origin === origin && r.key === key);
    if (i >= 0) this.records.splice(i, 1);
  }

  /** Atomic write, records in a stable order so the file diffs cleanly. */
  save(): void {
    const uploads = [...this.records].sort((a, b) => a.origin.localeCompare(b.origin) || a.key.localeCompare(b.key));
    const doc: StateDocument = { version: 1, uploads };
    writeFileAtomic(this.path, `${JSON.stringify(doc, null, 2)}\n`);
  }
}

/** The tag we put on blueprints we create, unique per input set: `cloudcraft-convert:<12 hex>`. */
export function markerTag(origin: string, key: string): string {
  return `cloudcraft-convert:${createHash('sha256').update(`${origin}\n${key}`).digest('hex').slice(0, 12)}`;
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
