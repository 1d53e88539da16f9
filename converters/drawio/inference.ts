/**
 * Reading a label for what it names, as data: generic shapes labelled "RDS", "Lambda", "S3 bucket"
 * or "API Gateway" map to that service (marked as inferred in the report), and plain rectangles
 * labelled "VPC", "Private subnet" or "eu-west-1" become that kind of container. The first rule
 * that matches wins, so specific phrases come before general ones.
 */
import type { GroupKind, ShapeTarget } from './shapes.js';

type Rule = readonly [pattern: RegExp, target: ShapeTarget];

/** Whole words; a space in a rule also matches `-`/`_` ("security-group"), ` ?` makes it optional. */
const w = (words: string): RegExp =>
  new RegExp(`(?:^|[^a-z0-9])(?:${words.replace(/ \?/g, '\0').replace(/ /g, '[ _-]+').replace(/\0/g, '[ _-]*')})(?:$|[^a-z0-9])`, 'i');

export const SERVICE_RULES: readonly Rule[] = [
  [w('vpc endpoints?|privatelink|private link'), 'vpcendpoint'],
  [w('api ?gateway|apigw|rest api|http api'), 'apigateway'],
  [w('internet gateway|igw'), 'internetgateway'],
  [w('nat gateway|nat gw|nat'), 'natgateway'],
  [w('transit gateway|tgw'), 'transitgateway'],
  [w('customer gateway'), 'customergateway'],
  [w('vpn gateway|vgw|vpn'), 'vpngateway'],
  [w('direct ?connect'), 'dxconnection'],
  [w('cloud ?front|cdn'), 'cloudfront'],
  [w('route ?53|dns'), 'r53'],
  [w('waf|web application firewall'), 'waf'],
  [w('application load balancer|alb'), { type: 'elb', props: { elbType: 'application' } }],
  [w('network load balancer|nlb'), { type: 'elb', props: { elbType: 'network' } }],
  [w('elb|load ?balancer'), 'elb'],
  [w('aurora'), 'rds'],
  [w('postgres|postgresql'), { type: 'rds', props: { engine: 'postgresql' } }],
  [w('mysql'), { type: 'rds', props: { engine: 'mysql' } }],
  [w('mariadb'), { type: 'rds', props: { engine: 'mariadb' } }],
  [w('rds|relational database|sql server|oracle db'), 'rds'],
  [w('dynamo ?db'), 'dynamodb'],
  [w('document ?db|mongo ?db'), 'docdb'],
  [w('neptune'), 'neptune'],
  [w('keyspaces|cassandra'), 'keyspaces'],
  [w('timestream'), 'timestream'],
  [w('redshift|data warehouse'), 'redshift'],
  [w('elasticache|redis|memcached'), 'elasticache'],
  [w('opensearch|elasticsearch'), 'es'],
  [w('glacier'), 'glaciervault'],
  [w('cmk|kms|key management service|customer managed key'), { icon: ['aws', 'kms'] }],
  [w('s3|buckets?'), 's3'],
  [w('efs|elastic file system'), 'efs'],
  [w('fsx'), 'fsx'],
  [w('ebs|elastic block store'), 'ebs'],
  [w('kinesis|data streams?'), 'kinesisstream'],
  [w('eventbridge|event ?bridge|event ?bus'), 'eventbus'],
  [w('sqs|queues?'), 'sqs'],
  [w('sns|topics?|notification service'), 'snstopic'],
  [w('ses|simple email service'), 'ses'],
  [w('lambda|lambda functions?'), 'lambda'],
  [w('ecr|container registry'), 'ecr'],
  [w('ecs|fargate'), 'ecscluster'],
  [w('eks|kubernetes'), 'ekscluster'],
  [w('ec2|ec2 instance|virtual machine'), 'ec2'],
  [w('cognito'), { icon: ['aws', 'cognito'] }],
  [w('step ?functions?'), { icon: ['aws', 'step-functions'] }],
  [w('cloud ?watch'), { icon: ['aws', 'cloudwatch'] }],
  [w('cloud ?trail'), { icon: ['aws', 'cloudtrail'] }],
  [w('iam|iam role'), { icon: ['aws', 'iam'] }],
  [w('secrets manager'), { icon: ['aws', 'secrets-manager'] }],
  [w('sagemaker'), { icon: ['aws', 'sagemaker'] }],
  [w('rekognition'), { icon: ['aws', 'rekognition'] }],
  [w('athena'), { icon: ['aws', 'athena'] }],
  [w('glue'), { icon: ['aws', 'glue'] }],
  [w('cosmos ?db'), 'azurecosmosdb'],
  [w('azure functions?|function app'), 'azurefunctionapp'],
  [w('app service|web app'), 'azurewebapp'],
  [w('aks'), 'azureakscluster'],
];

/** Longer labels are sentences about something ("CMK used to encrypt the bucket"), not its name. */
const MAX_NAME_WORDS = 6;

/** The service a label names, or undefined. */
export function serviceFromLabel(label: string): ShapeTarget | undefined {
  if (!label) return undefined;
  const text = label.replace(/\s+/g, ' ').trim();
  if (text.split(' ').length > MAX_NAME_WORDS) return undefined;
  for (const [pattern, target] of SERVICE_RULES) if (pattern.test(text)) return target;
  return undefined;
}

/** An AWS region code (`us-east-1`, `eu-west-3`, `us-gov-west-1`, `cn-north-1`). */
export const REGION_CODE = /\b([a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d)\b/i;
/** An availability-zone name (`eu-west-3a`). */
export const ZONE_CODE = /\b([a-z]{2}(?:-gov)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d[a-z])\b/i;

const GROUP_RULES: readonly (readonly [RegExp, GroupKind])[] = [
  [w('security ?groups?|sg'), 'sg'],
  [w('auto ?scaling( group)?|asg'), 'asg'],
  [w('(public|private|isolated|app|data|db|web)? ?subnets?'), 'subnet'],
  [w('availability ?zones?|az'), 'zone'],
  [ZONE_CODE, 'zone'],
  [w('vpc|virtual private cloud'), 'vpc'],
  [w('regions?'), 'region'],
  [REGION_CODE, 'region'],
  [w('aws cloud|aws account|account'), 'cloud'],
];

/** The container a label names ("Private subnet 1" → subnet), or undefined. */
export function groupFromLabel(label: string): GroupKind | undefined {
  if (!label) return undefined;
  const text = label.replace(/\s+/g, ' ');
  for (const [pattern, kind] of GROUP_RULES) if (pattern.test(text)) return kind;
  return undefined;
}

/** Subnet tier from a label ("Public subnet", "private-app-a", "isolated"). */
export function tierFromLabel(label: string): 'public' | 'private' | 'isolated' | undefined {
  if (/\bpublic\b/i.test(label)) return 'public';
  if (/\bisolated\b/i.test(label)) return 'isolated';
  if (/\bprivate\b/i.test(label)) return 'private';
  return undefined;
}
