/**
 * The Cloudcraft API client and the upload/backup/restore workflows, as a library:
 *
 *   import { CloudcraftClient, uploadBlueprint } from 'cloudcraft-convert/api';
 *
 * Kept apart from the converter entry point so `import 'cloudcraft-convert'` never loads undici.
 */
export { CloudcraftClient, type ClientOptions } from './client.js';
export { resolveConfig, parseDuration, parseRateLimit, isLoopbackHost, DEFAULTS, type ConfigInput, type ResolvedConfig, type RateBudget } from './config.js';
export { CloudcraftApiError, CloudcraftConfigError, CloudcraftInputError, CloudcraftNetworkError, RemoteChangedError, SnapshotTimeoutError } from './errors.js';
export { RateLimiter, sharedRateLimiter, type Clock, type RateGrant, type RateLimiterStats } from './rate-limiter.js';
export { Redactor, REDACTED } from './redact.js';
export { DEFAULT_RETRY, type RetryTuning } from './retry.js';
export { parseAccessList } from './acl.js';
export { sameContent, stableStringify } from './compare.js';
export { uploadBlueprint, type UploadOptions, type UploadResult, type UploadAction, type DescribedRequest } from './upload.js';
export { backupBlueprints, verifyBackup, readBackupIndex, type BackupIndex, type BackupIndexEntry, type BackupResult, type BackupProgress } from './backup.js';
export { restoreBlueprints, type RestoreItem, type RestoreAction, type RestoreOptions } from './restore.js';
export { BlueprintApi, type CreateOnceOptions, type CreateResult } from './blueprints.js';
export { AwsAccountApi, AzureAccountApi, DEFAULT_LONG_POLL, type LongPollTuning, type SnapshotOptions } from './accounts.js';
export { UploadState, markerTag, StateFileError, type UploadRecord } from '../state/upload-state.js';
export type * from './types.js';
export { EXPORT_FORMATS, SNAPSHOT_FORMATS, PAPER_SIZES, BUDGET_FORMATS, CURRENCIES, PERIODS, RATES } from './types.js';
