/**
 * Every CLI command, one module each. A new command is one import and one entry here.
 */
import type { CommandModule } from 'yargs';
import { convertCommand } from './convert.js';
import { validateCommand } from './validate.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  convertCommand,
  validateCommand,
];
