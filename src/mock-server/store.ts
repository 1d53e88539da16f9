/** The stand-in's in-memory data: blueprints with versions/ETags, accounts, the user and a team. */
import { createHash, randomUUID } from 'node:crypto';
import type { AwsAccount, AzureAccount, BlueprintMeta, BlueprintRecord, Team, User } from '../api/types.js';

export interface StoredBlueprint {
  record: BlueprintRecord;
  version: number;
}

export interface SeedData {
  blueprints?: { name?: string; data: Record<string, unknown>; tags?: string[] | null; readAccess?: string[] | null; writeAccess?: string[] | null }[];
  awsAccounts?: { name: string; roleArn: string }[];
  azureAccounts?: { name: string; applicationId: string; directoryId: string; subscriptionId: string }[];
}

export const DEFAULT_SEED: SeedData = {
  awsAccounts: [{ name: 'Stand-in AWS', roleArn: 'arn:aws:iam::123456789012:role/cloudcraft' }],
  azureAccounts: [{ name: 'Stand-in Azure', applicationId: fixedUuid(1), directoryId: fixedUuid(2), subscriptionId: fixedUuid(3) }],
};

/** Fixed UUID-shaped Azure ids for the default seed, so docs and examples can show them. */
function fixedUuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const META_KEYS = ['id', 'name', 'tags', 'readAccess', 'writeAccess', 'createdAt', 'updatedAt', 'CreatorId', 'LastUserId', 'CurrentVersionId'] as const;

export class MockStore {
  readonly blueprints = new Map<string, StoredBlueprint>();
  readonly aws = new Map<string, AwsAccount>();
  readonly azure = new Map<string, AzureAccount>();
  readonly user: User;
  readonly teams: Team[];
  /** Snapshot jobs still "scanning": key → 202 answers left. */
  readonly snapshotJobs = new Map<string, number>();

  constructor(seed: SeedData = DEFAULT_SEED) {
    const now = new Date().toISOString();
    this.user = { id: randomUUID(), name: 'Stand-in User', email: 'user@stand-in.invalid', settings: { currency: 'USD' }, createdAt: now, updatedAt: now, accessedAt: now };
    const teamId = randomUUID();
    this.teams = [{
      id: teamId, name: 'Stand-in Team', customerId: randomUUID(), role: 'admin', visible: true, crossOrganizational: false, externalSharing: false,
      members: [{ id: randomUUID(), userId: this.user.id, name: this.user.name, email: this.user.email, role: 'admin', mfaEnabled: false }],
      createdAt: now, updatedAt: now,
    }];
    for (const b of seed.blueprints ?? []) this.createBlueprint(b);
    for (const a of seed.awsAccounts ?? []) this.createAws(a);
    for (const a of seed.azureAccounts ?? []) this.createAzure(a);
  }

  etag(b: StoredBlueprint): string {
    return `W/"${createHash('sha256').update(`${b.record.id}:${b.version}`).digest('hex').slice(0, 16)}"`;
  }

  createBlueprint(body: { name?: string; data: Record<string, unknown>; tags?: string[] | null; readAccess?: string[] | null; writeAccess?: string[] | null }): StoredBlueprint {
    const now = new Date().toISOString();
    const name = body.name ?? (typeof body.data['name'] === 'string' ? body.data['name'] : 'Untitled blueprint');
    const record: BlueprintRecord = {
      id: randomUUID(), name, tags: body.tags ?? null, readAccess: body.readAccess ?? null, writeAccess: body.writeAccess ?? null,
      createdAt: now, updatedAt: now, CreatorId: this.user.id, LastUserId: this.user.id, CustomerId: null,
      data: { ...body.data, name, version: typeof body.data['version'] === 'number' ? body.data['version'] : 4 },
    };
    const stored = { record, version: 1 };
    this.blueprints.set(record.id, stored);
    return stored;
  }

  /** PUT semantics: `data` is replaced; name, sharing and tags change only when sent. */
  updateBlueprint(b: StoredBlueprint, body: { name?: string; data: Record<string, unknown>; tags?: string[] | null; readAccess?: string[] | null; writeAccess?: string[] | null }): void {
    const name = body.name ?? (typeof body.data['name'] === 'string' ? body.data['name'] : b.record.name);
    const r = b.record;
    r.name = name;
    r.data = { ...body.data, name, version: typeof body.data['version'] === 'number' ? body.data['version'] : 4 };
    if (body.tags !== undefined) r.tags = body.tags;
    if (body.readAccess !== undefined) r.readAccess = body.readAccess;
    if (body.writeAccess !== undefined) r.writeAccess = body.writeAccess;
    r.updatedAt = new Date().toISOString();
    r.LastUserId = this.user.id;
    b.version++;
  }

  meta(b: StoredBlueprint): BlueprintMeta {
    const out: Record<string, unknown> = {};
    for (const k of META_KEYS) if (b.record[k] !== undefined) out[k] = b.record[k];
    return out as unknown as BlueprintMeta;
  }

  createAws(a: { name: string; roleArn: string; readAccess?: string[] | null; writeAccess?: string[] | null }): AwsAccount {
    const now = new Date().toISOString();
    const acct: AwsAccount = {
      id: randomUUID(), name: a.name, roleArn: a.roleArn, externalId: randomUUID(), readAccess: a.readAccess ?? null, writeAccess: a.writeAccess ?? null,
      createdAt: now, updatedAt: now, CreatorId: this.user.id, source: 'aws',
    };
    this.aws.set(acct.id, acct);
    return acct;
  }

  createAzure(a: { name: string; applicationId: string; directoryId: string; subscriptionId: string; readAccess?: string[] | null; writeAccess?: string[] | null }): AzureAccount {
    const now = new Date().toISOString();
    const acct: AzureAccount = {
      id: randomUUID(), name: a.name, applicationId: a.applicationId, directoryId: a.directoryId, subscriptionId: a.subscriptionId,
      readAccess: a.readAccess ?? null, writeAccess: a.writeAccess ?? null, hint: a.subscriptionId.slice(0, 3).toUpperCase(),
      createdAt: now, updatedAt: now, CreatorId: this.user.id, CustomerId: null, source: 'azure',
    };
    this.azure.set(acct.id, acct);
    return acct;
  }
}
