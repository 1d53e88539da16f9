/**
 * Options shared by the commands that talk to the Cloudcraft API. Pure yargs declarations: this
 * file is loaded at CLI start-up, so it must not import the client (undici) or the stand-in.
 */
import type { Argv } from 'yargs';

export interface ApiArgs {
  config?: string;
  host?: string;
  port?: number;
  protocol?: string;
  basePath?: string;
  timeout?: string;
  maxRetries?: number;
  ca?: string;
  insecureHttp?: boolean;
  rateLimit?: string;
  apiKeyFile?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

const GROUP = 'Cloudcraft API:';

export function apiOptions<T>(y: Argv<T>): Argv<T & ApiArgs> {
  return y
    .option('api-key-file', { type: 'string', group: GROUP, describe: 'Read the API key from this file (default: CLOUDCRAFT_API_KEY, then the config file)' })
    .option('config', { type: 'string', group: GROUP, describe: 'JSON config file (default ~/.config/cloudcraft-convert/config.json, or CLOUDCRAFT_CONFIG)' })
    .option('host', { type: 'string', group: GROUP, describe: 'API host [CLOUDCRAFT_HOST] (default api.cloudcraft.co)' })
    .option('port', { type: 'number', group: GROUP, describe: 'API port [CLOUDCRAFT_PORT] (default 443)' })
    .option('protocol', { type: 'string', group: GROUP, describe: 'https [CLOUDCRAFT_PROTOCOL]; http only with --insecure-http to a loopback host' })
    .option('base-path', { type: 'string', group: GROUP, describe: 'Path prefix of the API [CLOUDCRAFT_BASE_PATH]' })
    .option('timeout', { type: 'string', group: GROUP, describe: 'Per-request timeout: milliseconds or 30s, 2m [CLOUDCRAFT_TIMEOUT] (default 80s)' })
    .option('max-retries', { type: 'number', group: GROUP, describe: 'Retries of a failed safe request [CLOUDCRAFT_MAX_RETRIES] (default 3)' })
    .option('ca', { type: 'string', group: GROUP, describe: 'Trust this PEM CA in addition to the system roots (also NODE_EXTRA_CA_CERTS)' })
    .option('insecure-http', { type: 'boolean', group: GROUP, describe: 'Allow plain http to a loopback host (test servers only)' })
    .option('rate-limit', { type: 'string', group: GROUP, describe: 'Client-side request budget, e.g. 20/10s, 20/min, off [CLOUDCRAFT_RATE_LIMIT] (default 20/10s)' }) as Argv<T & ApiArgs>;
}

/** Options of the commands that write remote blueprints and may overwrite them. */
export function backupDirOption<T>(y: Argv<T>): Argv<T & { backupDir?: string }> {
  return y.option('backup-dir', { type: 'string', describe: 'Where remote versions are saved before an overwrite or delete (default .cloudcraft-convert-backups)' }) as Argv<T & { backupDir?: string }>;
}
