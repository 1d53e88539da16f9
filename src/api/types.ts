/** Requests and responses of the Cloudcraft REST API (see docs/api.md and the API reference). */
import type { BlueprintData } from '../blueprint.js';

/** `team/<id>` or `customer/<id>`. */
export type AccessEntry = string;

/** A blueprint as listed (no `data`). */
export interface BlueprintMeta {
  id: string;
  name: string;
  tags?: string[] | null;
  readAccess?: AccessEntry[] | null;
  writeAccess?: AccessEntry[] | null;
  createdAt?: string;
  updatedAt?: string;
  CreatorId?: string;
  LastUserId?: string;
  CurrentVersionId?: string;
  [key: string]: unknown;
}

/** A full blueprint record as read back. */
export interface BlueprintRecord extends BlueprintMeta {
  CustomerId?: string | null;
  data: Partial<BlueprintData> & Record<string, unknown>;
}

/** Body of create and update. */
export interface BlueprintWrite {
  name?: string;
  data: Partial<BlueprintData> & Record<string, unknown>;
  readAccess?: AccessEntry[] | null;
  writeAccess?: AccessEntry[] | null;
  tags?: string[] | null;
}

/** A record with the ETag the server sent with it (needed for a conditional update). */
export interface Versioned<T> {
  value: T;
  etag?: string;
}

export const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'mxGraph'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const SNAPSHOT_FORMATS = ['json', 'svg', 'png', 'pdf', 'mxGraph'] as const;
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number];
export const PAPER_SIZES = ['Letter', 'Legal', 'Tabloid', 'Ledger', 'A0', 'A1', 'A2', 'A3', 'A4', 'A5'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const BUDGET_FORMATS = ['csv', 'xlsx'] as const;
export type BudgetFormat = (typeof BUDGET_FORMATS)[number];
export const CURRENCIES = ['USD', 'AUD', 'CHF', 'DKK', 'EUR', 'GBP', 'HKD', 'JPY', 'NOK', 'NZD', 'SEK', 'ZAR'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const PERIODS = ['h', 'd', 'w', 'm', 'y'] as const;
export type Period = (typeof PERIODS)[number];
export const RATES = ['stated', 'effective'] as const;
export type Rate = (typeof RATES)[number];

export interface ImageParams {
  /** 1.0 = original size. */
  scale?: number;
  width?: number;
  height?: number;
  grid?: boolean;
  transparent?: boolean;
  /** PDF only. */
  landscape?: boolean;
  paperSize?: PaperSize;
}

export interface BudgetParams {
  currency?: Currency;
  period?: Period;
  rate?: Rate;
}

export interface SnapshotParams extends ImageParams {
  /** A Live-tab search expression, e.g. `env=prod OR role=bastion`. */
  filter?: string;
  /** Component types left out, e.g. `['ec2', 'sg']`. */
  exclude?: string[];
  label?: boolean;
  autoconnect?: boolean;
  projection?: 'isometric' | '2d';
  theme?: 'light' | 'dark';
}

/** Binary or text export with its content type. */
export interface Exported {
  contentType: string;
  body: Buffer;
}

export interface AwsAccount {
  id: string;
  name: string;
  roleArn: string;
  externalId?: string;
  readAccess?: AccessEntry[] | null;
  writeAccess?: AccessEntry[] | null;
  createdAt?: string;
  updatedAt?: string;
  CreatorId?: string;
  source?: 'aws';
  [key: string]: unknown;
}

export interface AwsAccountWrite {
  name: string;
  roleArn: string;
  /** Region used to validate the role (default us-east-1). */
  region?: string;
  readAccess?: AccessEntry[] | null;
  writeAccess?: AccessEntry[] | null;
}

export interface AzureAccount {
  id: string;
  name: string;
  applicationId: string;
  directoryId: string;
  subscriptionId: string;
  hint?: string;
  readAccess?: AccessEntry[] | null;
  writeAccess?: AccessEntry[] | null;
  createdAt?: string;
  updatedAt?: string;
  CreatorId?: string;
  CustomerId?: string | null;
  source?: 'azure';
  [key: string]: unknown;
}

export interface AzureAccountWrite {
  name: string;
  applicationId: string;
  directoryId: string;
  subscriptionId: string;
  clientSecret: string;
  readAccess?: AccessEntry[] | null;
  writeAccess?: AccessEntry[] | null;
}

export type CloudProvider = 'aws' | 'azure';

export interface IamParameters {
  accountId: string;
  externalId: string;
  awsConsoleUrl: string;
}

export interface IamPolicy {
  Version: string;
  Statement: { Effect: string; Action: string | string[]; Resource: string | string[] }[];
}

export interface User {
  id: string;
  name: string;
  email: string;
  settings?: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
  accessedAt?: string;
  [key: string]: unknown;
}

export interface TeamMember {
  id?: string;
  userId?: string;
  name?: string;
  email?: string;
  role?: string;
  mfaEnabled?: boolean;
}

export interface Team {
  id: string;
  name: string;
  customerId?: string;
  role?: string;
  visible?: boolean;
  crossOrganizational?: boolean;
  externalSharing?: boolean;
  members?: TeamMember[];
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/** Progress of a snapshot long poll. */
export interface SnapshotProgress {
  polls: number;
  elapsedMs: number;
  status: number;
}
