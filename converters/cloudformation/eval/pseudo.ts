/**
 * Pseudo parameters and availability zones for a region, offline. Zone names follow the usual
 * `<region><letter>` pattern; the count per region is the number of zones AWS lists publicly
 * (accounts may map letters differently, which a diagram does not need to know).
 */
import { NO_VALUE, type Value } from './values.js';

export const DEFAULT_REGION = 'us-east-1';
/** The documentation example account id: clearly not a real account. */
export const PLACEHOLDER_ACCOUNT_ID = '123456789012';

const ZONE_COUNT: Record<string, number> = {
  'us-east-1': 6, 'us-east-2': 3, 'us-west-1': 2, 'us-west-2': 4,
  'ca-central-1': 3, 'ca-west-1': 3, 'sa-east-1': 3, 'mx-central-1': 3,
  'eu-west-1': 3, 'eu-west-2': 3, 'eu-west-3': 3, 'eu-central-1': 3, 'eu-central-2': 3,
  'eu-north-1': 3, 'eu-south-1': 3, 'eu-south-2': 3,
  'ap-northeast-1': 3, 'ap-northeast-2': 4, 'ap-northeast-3': 3, 'ap-southeast-1': 3, 'ap-southeast-2': 3,
  'ap-southeast-3': 3, 'ap-southeast-4': 3, 'ap-southeast-5': 3, 'ap-southeast-7': 3, 'ap-south-1': 3, 'ap-south-2': 3,
  'ap-east-1': 3, 'me-south-1': 3, 'me-central-1': 3, 'il-central-1': 3, 'af-south-1': 3,
  'cn-north-1': 3, 'cn-northwest-1': 3, 'us-gov-west-1': 3, 'us-gov-east-1': 3,
};

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** AZ names of a region, or undefined when the string is not a region code. */
export function zonesOf(region: string): string[] | undefined {
  if (!REGION_PATTERN.test(region)) return undefined;
  const count = ZONE_COUNT[region] ?? 3;
  return Array.from({ length: count }, (_, i) => `${region}${String.fromCharCode(97 + i)}`);
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function urlSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

export interface PseudoContext {
  region: string;
  stackName: string;
  accountId?: string;
}

/** Value of a pseudo parameter, or undefined when `name` is not one. */
export function pseudoParameter(name: string, ctx: PseudoContext): Value | undefined {
  switch (name) {
    case 'AWS::Region': return ctx.region;
    case 'AWS::AccountId': return ctx.accountId ?? PLACEHOLDER_ACCOUNT_ID;
    case 'AWS::StackName': return ctx.stackName;
    case 'AWS::StackId': return `arn:${partitionOf(ctx.region)}:cloudformation:${ctx.region}:${ctx.accountId ?? PLACEHOLDER_ACCOUNT_ID}:stack/${ctx.stackName}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::Partition': return partitionOf(ctx.region);
    case 'AWS::URLSuffix': return urlSuffixOf(ctx.region);
    case 'AWS::NoValue': return NO_VALUE;
    case 'AWS::NotificationARNs': return [];
    default: return undefined;
  }
}
