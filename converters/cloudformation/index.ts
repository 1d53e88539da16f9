/**
 * CloudFormation converter: JSON/YAML templates (every short-form tag), SAM, nested stacks,
 * several stacks linked by exports, and CDK `cdk.out` folders. This file stays light — detection
 * only sniffs text — and loads the parser and evaluator on first use.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CliOptionSpec, Converter } from '../../src/converter.js';
import type { InputSource } from '../../src/input.js';

const HEAD = 64 * 1024;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasManifest(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json')) || existsSync(join(dir, 'cdk.out', 'manifest.json'));
}

function detectText(text: string): number {
  const first = /\S/.exec(text.slice(0, 4096))?.[0];
  const scan = (re: RegExp) => re.test(text.length > HEAD ? text.slice(0, HEAD) : text) || (text.length > HEAD && re.test(text));
  if (first === '{') {
    if (scan(/"AWSTemplateFormatVersion"\s*:/)) return 0.95;
    if (scan(/"Resources"\s*:\s*\{/) && scan(/"Type"\s*:\s*"(AWS|Custom|Alexa)::/)) return 0.9;
    return 0;
  }
  if (scan(/^\s*AWSTemplateFormatVersion\s*:/m)) return 0.95;
  if (scan(/^Transform\s*:.*AWS::(Serverless|LanguageExtensions)/m) || scan(/^Transform\s*:\s*(\r?\n\s*-\s*['"]?AWS::)/m)) return 0.9;
  if (scan(/^\s*["']?Resources["']?\s*:/m) && scan(/^\s+["']?Type["']?\s*:\s*["']?(AWS|Custom|Alexa)::/m)) return 0.85;
  return 0;
}

function detect(input: InputSource): number {
  if (input.kind === 'directory') return input.path && hasManifest(input.path) ? 0.95 : 0;
  if (input.kind === 'object') {
    const v = input.value;
    return isRecord(v) && (isRecord(v['Resources']) || 'AWSTemplateFormatVersion' in v) ? 0.9 : 0;
  }
  return detectText(input.text());
}

function explainRejection(input: InputSource): string | undefined {
  if (input.kind === 'directory' && input.path && existsSync(join(input.path, 'cdk.json'))) {
    return 'a CDK app folder without cdk.out: run `npx cdk synth` first, then convert the cdk.out folder';
  }
  if (input.kind !== 'directory' && input.kind !== 'object') {
    const head = input.text().slice(0, HEAD);
    if (/^(AWSTemplateFormatVersion|Parameters|Outputs|Mappings)\s*:/m.test(head) || /"(AWSTemplateFormatVersion|Parameters)"\s*:/.test(head)) {
      return 'looks like a CloudFormation template but has no Resources section; a template needs at least one resource';
    }
  }
  return undefined;
}

const cliOptions: Readonly<Record<string, CliOptionSpec>> = {
  'account-id': { type: 'string', describe: 'AWS::AccountId (12 digits); lets physical ARNs be recorded for `diff` (default: a placeholder account, and no ARNs that need one)' },
  'stack-name': { type: 'string', describe: 'AWS::StackName of the one template given (default: its file name without extension)' },
};

export const converter: Converter = {
  name: 'cloudformation',
  description: 'AWS CloudFormation / SAM templates (JSON or YAML), nested stacks, and CDK cdk.out folders',
  detect,
  explainRejection,
  cliOptions,
  async parse(inputs, ctx) {
    const { parseCloudFormation } = await import('./convert.js');
    return parseCloudFormation(inputs, ctx);
  },
};
