/**
 * How each Cloudcraft type looks: its name in the legend, the short name printed on its block,
 * its category (which gives the colour and the shape) and, for containers, the outline style.
 * Data only: a new type or a better name is one row. Colours follow the AWS architecture-icon
 * palette by category, so a reader who knows AWS diagrams recognises them at a glance.
 */

export type Category = 'compute' | 'containers' | 'database' | 'storage' | 'networking' | 'integration' | 'security' | 'analytics' | 'generic';
export type ShapeKind = 'block' | 'cylinder' | 'tile';

export interface CategoryStyle {
  colour: string;
  shape: ShapeKind;
  /** Block height in grid units (isometric only). */
  height: number;
}

export const CATEGORY_STYLE: Record<Category, CategoryStyle> = {
  compute: { colour: '#ed7100', shape: 'block', height: 0.5 },
  containers: { colour: '#f58536', shape: 'block', height: 0.4 },
  database: { colour: '#c925d1', shape: 'cylinder', height: 0.55 },
  storage: { colour: '#7aa116', shape: 'cylinder', height: 0.45 },
  networking: { colour: '#8c4fff', shape: 'block', height: 0.3 },
  integration: { colour: '#e7157b', shape: 'block', height: 0.35 },
  security: { colour: '#dd344c', shape: 'block', height: 0.3 },
  analytics: { colour: '#01a88d', shape: 'block', height: 0.45 },
  generic: { colour: '#7d8998', shape: 'block', height: 0.4 },
};

export interface TypeStyle {
  title: string;
  /** At most about six characters: it has to fit on the top of a one-cell block. */
  short: string;
  category: Category;
  shape?: ShapeKind;
  height?: number;
}

const T = (title: string, short: string, category: Category, extra: Partial<TypeStyle> = {}): TypeStyle => ({ title, short, category, ...extra });

export const TYPE_STYLE: Record<string, TypeStyle> = {
  // AWS
  apigateway: T('API Gateway', 'API GW', 'networking'),
  cloudfront: T('CloudFront', 'CF', 'networking'),
  customergateway: T('Customer gateway', 'CGW', 'networking', { height: 0.25 }),
  docdb: T('DocumentDB', 'DocDB', 'database'),
  dxconnection: T('Direct Connect', 'DX', 'networking', { height: 0.25 }),
  dynamodb: T('DynamoDB table', 'DDB', 'database'),
  ebs: T('EBS volume', 'EBS', 'storage', { height: 0.3 }),
  ec2: T('EC2 instance', 'EC2', 'compute'),
  ecr: T('ECR repository', 'ECR', 'containers'),
  ecscluster: T('ECS cluster', 'ECS', 'containers'),
  ecsservice: T('ECS service', 'Svc', 'containers'),
  ecstask: T('ECS task', 'Task', 'containers', { height: 0.3 }),
  efs: T('EFS file system', 'EFS', 'storage'),
  ekscluster: T('EKS cluster', 'EKS', 'containers'),
  ekspod: T('EKS pod', 'Pod', 'containers', { height: 0.3 }),
  eksworkload: T('EKS workload', 'Wkld', 'containers'),
  elasticache: T('ElastiCache', 'Cache', 'database'),
  elb: T('Load balancer', 'ELB', 'networking', { height: 0.35 }),
  es: T('OpenSearch', 'Search', 'analytics'),
  eventbus: T('EventBridge bus', 'Events', 'integration'),
  fsx: T('FSx file system', 'FSx', 'storage'),
  glaciervault: T('Glacier vault', 'Glacier', 'storage'),
  internetgateway: T('Internet gateway', 'IGW', 'networking', { height: 0.25 }),
  keyspaces: T('Keyspaces', 'Keysp', 'database'),
  kinesisstream: T('Kinesis stream', 'Kinesis', 'analytics'),
  lambda: T('Lambda function', 'Lambda', 'compute', { height: 0.4 }),
  natgateway: T('NAT gateway', 'NAT', 'networking', { height: 0.25 }),
  neptune: T('Neptune', 'Neptune', 'database'),
  r53: T('Route 53', 'R53', 'networking'),
  rds: T('RDS database', 'RDS', 'database'),
  redshift: T('Redshift', 'Redshift', 'analytics', { shape: 'cylinder' }),
  s3: T('S3 bucket', 'S3', 'storage'),
  ses: T('SES', 'SES', 'integration'),
  sns: T('SNS (deprecated)', 'SNS', 'integration'),
  snssubscriptions: T('SNS subscriptions', 'Subs', 'integration'),
  snstopic: T('SNS topic', 'SNS', 'integration'),
  sqs: T('SQS queue', 'SQS', 'integration'),
  timestream: T('Timestream', 'TS', 'database'),
  transitgateway: T('Transit gateway', 'TGW', 'networking', { height: 0.25 }),
  vpcendpoint: T('VPC endpoint', 'VPCE', 'networking', { height: 0.25 }),
  vpngateway: T('VPN gateway', 'VGW', 'networking', { height: 0.25 }),
  waf: T('WAF', 'WAF', 'security'),
  // Azure
  azureakspod: T('AKS pod', 'Pod', 'containers', { height: 0.3 }),
  azureapimanagement: T('API Management', 'APIM', 'networking'),
  azureappgw: T('Application Gateway', 'AppGW', 'networking', { height: 0.35 }),
  azurebastion: T('Bastion', 'Bastion', 'security'),
  azureblob: T('Blob storage', 'Blob', 'storage'),
  azurecosmosdb: T('Cosmos DB', 'Cosmos', 'database'),
  azuredisk: T('Managed disk', 'Disk', 'storage', { height: 0.3 }),
  azurefiles: T('Azure Files', 'Files', 'storage'),
  azurefunctionapp: T('Function App', 'Func', 'compute', { height: 0.4 }),
  azurelb: T('Azure Load Balancer', 'LB', 'networking', { height: 0.35 }),
  azuremysql: T('Azure Database for MySQL', 'MySQL', 'database'),
  azurepostgresql: T('Azure Database for PostgreSQL', 'PgSQL', 'database'),
  azurequeue: T('Queue storage', 'Queue', 'integration'),
  azureredis: T('Azure Cache for Redis', 'Redis', 'database'),
  azuresbqueue: T('Service Bus queue', 'SB Q', 'integration'),
  azuresbtopic: T('Service Bus topic', 'SB T', 'integration'),
  azuretable: T('Table storage', 'Table', 'storage'),
  azurevm: T('Virtual machine', 'VM', 'compute'),
  azurevngw: T('VNet gateway', 'VNGW', 'networking', { height: 0.25 }),
  azurewebapp: T('Web App', 'WebApp', 'compute'),
  // Common
  block: T('Block', '', 'generic'),
  icon: T('Icon', '', 'generic', { shape: 'tile', height: 0 }),
  image: T('Image', '', 'generic', { shape: 'tile', height: 0 }),
};

/** Short names that depend on a field (an ALB is not an NLB). `type.field` → value → short. */
export const SHORT_BY_FIELD: Record<string, Record<string, string>> = {
  'elb.elbType': { application: 'ALB', network: 'NLB', classic: 'CLB' },
  'rds.engine': { 'aurora-mysql': 'Aurora', 'aurora-postgresql': 'Aurora' },
  'elasticache.engine': { redis: 'Redis', memcached: 'Memcd' },
  'ecstask.launchType': { fargate: 'Fargate' },
};

export interface GroupStyle {
  title: string;
  stroke: string;
  dashed: boolean;
  /** Opacity of the fill, which is the stroke colour. */
  fill: number;
}

/** Containers and floor surfaces, drawn flat on the ground (AWS group colours). */
export const GROUP_STYLE: Record<string, GroupStyle> = {
  region: { title: 'Region', stroke: '#00a4a6', dashed: true, fill: 0.03 },
  vpc: { title: 'VPC', stroke: '#8c4fff', dashed: false, fill: 0.06 },
  zone: { title: 'Availability zone', stroke: '#147eba', dashed: true, fill: 0.05 },
  subnet: { title: 'Subnet', stroke: '#00a4a6', dashed: false, fill: 0.08 },
  sg: { title: 'Security group', stroke: '#dd344c', dashed: true, fill: 0.03 },
  networkacl: { title: 'Network ACL', stroke: '#dd344c', dashed: true, fill: 0.02 },
  asg: { title: 'Auto Scaling group', stroke: '#ed7100', dashed: true, fill: 0.05 },
  area: { title: 'Area', stroke: '#7d8998', dashed: false, fill: 0.12 },
  azureakscluster: { title: 'AKS cluster', stroke: '#0078d4', dashed: false, fill: 0.06 },
  azureaksworkload: { title: 'AKS workload', stroke: '#0078d4', dashed: true, fill: 0.05 },
  azuresbnamespace: { title: 'Service Bus namespace', stroke: '#e7157b', dashed: false, fill: 0.05 },
};

export const DEFAULT_GROUP_STYLE: GroupStyle = { title: 'Group', stroke: '#7d8998', dashed: false, fill: 0.05 };

export interface ThemeStyle {
  background: string;
  grid: string;
  ink: string;
  /** Halo around labels so they read over lines and fills. */
  halo: string;
  edge: string;
  muted: string;
}

export const THEME_STYLE: Record<'light' | 'dark', ThemeStyle> = {
  light: { background: '#f5f7fa', grid: '#dfe4ea', ink: '#1b1f24', halo: '#ffffff', edge: '#56687a', muted: '#5f6b7a' },
  dark: { background: '#161b22', grid: '#2b3440', ink: '#e6edf3', halo: '#161b22', edge: '#9fb1c5', muted: '#9aa7b4' },
};

/** System fonts only: the output must never fetch anything. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The style of a type, with a readable fallback for types this table does not know. */
export function typeStyle(type: string): TypeStyle {
  if (Object.prototype.hasOwnProperty.call(TYPE_STYLE, type)) return TYPE_STYLE[type]!;
  return { title: type, short: type.slice(0, 6), category: 'generic' };
}

export function groupStyle(type: string): GroupStyle {
  return Object.prototype.hasOwnProperty.call(GROUP_STYLE, type) ? GROUP_STYLE[type]! : { ...DEFAULT_GROUP_STYLE, title: type };
}
