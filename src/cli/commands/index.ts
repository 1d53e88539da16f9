/**
 * Every CLI command, one module each. A new command is one import and one entry here.
 */
import type { CommandModule } from 'yargs';
import { convertCommand } from './convert.js';
import { validateCommand } from './validate.js';
import { renderCommand } from './render.js';
import { diffCommand } from './diff.js';
import { uploadCommand } from './cloud/upload.js';
import { blueprintCommand } from './cloud/blueprint.js';
import { backupCommand } from './cloud/backup.js';
import { restoreCommand } from './cloud/restore.js';
import { accountCommand } from './cloud/account.js';
import { budgetCommand } from './cloud/budget.js';
import { whoamiCommand } from './cloud/whoami.js';
import { teamCommand } from './cloud/team.js';
import { serveMockCommand } from './cloud/serve-mock.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  convertCommand,
  validateCommand,
  renderCommand,
  diffCommand,
  uploadCommand,
  blueprintCommand,
  backupCommand,
  restoreCommand,
  accountCommand,
  budgetCommand,
  whoamiCommand,
  teamCommand,
  serveMockCommand,
];
