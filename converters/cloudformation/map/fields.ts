/**
 * Property → Cloudcraft field rules (per ../shared/reference/resource-type-map.md). Each rule
 * reads only fully known values; the builder then keeps only values inside the component's
 * enums (sanitizeProps), so a rule never has to guess whether Cloudcraft knows a value.
 */
import { Unknown } from '../eval/values.js';
import type { Entries, Entry } from './entries.js';
import { bool, get, list, num, splitInstanceClass, str } from './read.js';

export type FieldRule = (e: Entry, entries: Entries) => Record<string, unknown>;

const lower = (s: string | undefined) => s?.toLowerCase();

function instanceClass(value: string | undefined, prefix = ''): Record<string, unknown> {
  const s = splitInstanceClass(value, prefix);
  return s ? { instanceType: s.type, instanceSize: s.size } : {};
}

function windowsImage(e: Entry): boolean {
  const image = get(e.props, 'ImageId');
  const text = typeof image === 'string' ? image : image instanceof Unknown ? image.reason : '';
  return /windows/i.test(text);
}

export const ec2: FieldRule = (e) => ({
  ...instanceClass(str(e.props, 'InstanceType')),
  ...(windowsImage(e) ? { platform: 'mswin' } : {}),
  ...(lower(str(e.props, 'InstanceMarketOptions.MarketType')) === 'spot' ? { billingOptions: { type: 'si', utilization: 1 } } : {}),
});

export const lambda: FieldRule = (e) => {
  const arch = list(e.props, 'Architectures')[0];
  return { memory: num(e.props, 'MemorySize'), ...(typeof arch === 'string' ? { architecture: arch } : {}) };
};

export const dynamodb: FieldRule = (e) => {
  const billing = str(e.props, 'BillingMode');
  const onDemand = billing === 'PAY_PER_REQUEST' || (e.type === 'AWS::Serverless::SimpleTable' && get(e.props, 'ProvisionedThroughput') === undefined);
  const tableClass = str(e.props, 'TableClass');
  return {
    capacityMode: onDemand ? 'on-demand' : 'provisioned',
    ...(onDemand ? {} : { readUnits: num(e.props, 'ProvisionedThroughput.ReadCapacityUnits'), writeUnits: num(e.props, 'ProvisionedThroughput.WriteCapacityUnits') }),
    ...(tableClass ? { tableClass: tableClass === 'STANDARD_INFREQUENT_ACCESS' ? 'standardInfrequentAccess' : lower(tableClass) } : {}),
  };
};

export const sqs: FieldRule = (e) => ({ queueType: bool(e.props, 'FifoQueue') ? 'fifo' : 'standard' });

const NOTIFICATION_TYPE: Record<string, string> = {
  email: 'email', 'email-json': 'emil-json', http: 'http', https: 'https', sqs: 'sqs', lambda: 'lambda', sms: 'sms', application: 'mobile',
};
export const snsSubscription: FieldRule = (e) => ({ notificationType: NOTIFICATION_TYPE[lower(str(e.props, 'Protocol')) ?? ''] });

const ELB_TYPE: Record<string, string> = { application: 'application', network: 'network', gateway: 'network' };
export const elbv2: FieldRule = (e) => ({ elbType: ELB_TYPE[lower(str(e.props, 'Type')) ?? 'application'] });
export const elbClassic: FieldRule = () => ({ elbType: 'classic' });

const RDS_ENGINE: Record<string, string> = {
  postgres: 'postgresql', mysql: 'mysql', mariadb: 'mariadb', aurora: 'aurora-mysql', 'aurora-mysql': 'aurora-mysql',
  'aurora-postgresql': 'aurora-postgresql', 'sqlserver-ex': 'sqlserver-ex', 'sqlserver-web': 'sqlserver-web',
  'sqlserver-se': 'sqlserver-se', 'sqlserver-ee': 'sqlserver-ee',
};
function rdsEngine(engine: string | undefined): string | undefined {
  const e = lower(engine);
  if (!e) return undefined;
  if (e.startsWith('oracle')) return 'oracle';
  return RDS_ENGINE[e] ?? 'none';
}

/** The cluster an instance belongs to (DBClusterIdentifier → a cluster in the inputs). */
function clusterOf(e: Entry, entries: Entries): Entry | undefined {
  return entries.of(get(e.props, 'DBClusterIdentifier'));
}

/** Instances of a cluster in template order (the first one is the writer). */
export function clusterMembers(cluster: Entry, entries: Entries): Entry[] {
  return entries.referrers(cluster, { path: 'DBClusterIdentifier' }).filter((m) => m.stack === cluster.stack);
}

function serverlessRange(cluster: Entry): Record<string, unknown> | undefined {
  const v2 = get(cluster.props, 'ServerlessV2ScalingConfiguration');
  const v1 = get(cluster.props, 'ScalingConfiguration');
  if (v2 !== undefined) return { role: 'serverless', minimumCapacityUnit: num(v2, 'MinCapacity'), maximumCapacityUnit: num(v2, 'MaxCapacity') };
  if (lower(str(cluster.props, 'EngineMode')) === 'serverless') return { role: 'serverless', minimumCapacityUnit: num(v1, 'MinCapacity'), maximumCapacityUnit: num(v1, 'MaxCapacity') };
  return undefined;
}

export const rdsInstance: FieldRule = (e, entries) => {
  const cluster = clusterOf(e, entries);
  const cls = str(e.props, 'DBInstanceClass');
  let role = get(e.props, 'SourceDBInstanceIdentifier') !== undefined ? 'readReplica' : 'primary';
  let extra: Record<string, unknown> = {};
  if (cluster) {
    role = clusterMembers(cluster, entries)[0] === e ? 'primary' : 'readReplica';
    if (cls === 'db.serverless') extra = serverlessRange(cluster) ?? { role: 'serverless' };
  }
  return {
    ...instanceClass(cls, 'db.'),
    engine: rdsEngine(str(e.props, 'Engine') ?? (cluster ? str(cluster.props, 'Engine') : undefined)),
    multiAZ: bool(e.props, 'MultiAZ'),
    role,
    ...extra,
  };
};

/** A cluster drawn on its own (no instances in the inputs): Aurora Serverless, or a stand-in. */
export const rdsCluster: FieldRule = (e) => ({
  engine: rdsEngine(str(e.props, 'Engine')),
  role: 'primary',
  ...serverlessRange(e),
});

function clusterRole(e: Entry, entries: Entries, roles: [string, string]): string {
  const cluster = clusterOf(e, entries);
  return !cluster || clusterMembers(cluster, entries)[0] === e ? roles[0] : roles[1];
}

export const docdb: FieldRule = (e, entries) => ({ ...instanceClass(str(e.props, 'DBInstanceClass'), 'db.'), role: clusterRole(e, entries, ['writer', 'reader']) });

export const neptune: FieldRule = (e, entries) => {
  if (e.type === 'AWS::Neptune::DBCluster') {
    const scaling = get(e.props, 'ServerlessScalingConfiguration');
    return scaling !== undefined ? { role: 'serverless', minNCUs: num(scaling, 'MinCapacity'), maxNCUs: num(scaling, 'MaxCapacity') } : { role: 'writer' };
  }
  const cls = str(e.props, 'DBInstanceClass');
  if (cls === 'db.serverless') return { role: 'serverless' };
  return { ...instanceClass(cls, 'db.'), role: clusterRole(e, entries, ['writer', 'reader']) };
};

export const elasticache: FieldRule = (e) => {
  // Replication groups default to Redis.
  const engine = lower(str(e.props, 'Engine')) ?? (e.type === 'AWS::ElastiCache::ReplicationGroup' ? 'redis' : undefined);
  return { engine: engine === 'valkey' ? 'redis' : engine, ...instanceClass(str(e.props, 'CacheNodeType'), 'cache.') };
};

export const kinesis: FieldRule = (e) => {
  const onDemand = str(e.props, 'StreamModeDetails.StreamMode') === 'ON_DEMAND';
  const hours = num(e.props, 'RetentionPeriodHours');
  return { ...(onDemand ? {} : { shards: num(e.props, 'ShardCount') }), ...(hours !== undefined ? { extendedRetention: hours > 24 } : {}) };
};

export const efs: FieldRule = (e) => {
  const mode = lower(str(e.props, 'ThroughputMode'));
  return {
    throughputMode: mode === 'provisioned' ? 'provisioned' : mode ? 'bursting' : undefined,
    throughput: mode === 'provisioned' ? num(e.props, 'ProvisionedThroughputInMibps') : undefined,
    availabilityZone: str(e.props, 'AvailabilityZoneName'),
  };
};

export const waf: FieldRule = (e) => ({ aclCount: 1, ruleCount: list(e.props, 'Rules').length });
export const ecr: FieldRule = (e) => ({ private: e.type !== 'AWS::ECR::PublicRepository' });

export const ebs: FieldRule = (e) => {
  const t = lower(str(e.props, 'VolumeType'));
  return { volume: t === 'standard' ? 'magnetic' : t, storage: num(e.props, 'Size'), iops: num(e.props, 'Iops'), throughput: num(e.props, 'Throughput') };
};

const TGW_ATTACHMENTS = ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::VPNConnection', 'AWS::EC2::TransitGatewayPeeringAttachment', 'AWS::EC2::TransitGatewayConnect'];

/** Connections: the transit gateway's attachments (VPCs, VPNs, peerings) whose condition holds. */
export const transitGateway: FieldRule = (e, entries) => {
  const attachments = entries.referrers(e, { path: 'TransitGatewayId', types: TGW_ATTACHMENTS }).filter((a) => a.stack.active(a.decl).value !== false);
  return attachments.length ? { connections: attachments.length } : {};
};

export const vpcEndpoint: FieldRule = (e) => ({ endpointType: lower(str(e.props, 'VpcEndpointType') ?? 'Gateway') });
export const eventBus: FieldRule = (e) => ({ eventBusType: str(e.props, 'Name') === 'default' ? 'default' : 'custom' });

/** REST API cache size from a Stage that enables caching (SAM: on the Api itself). */
export const apiGateway: FieldRule = (e, entries) => {
  if (e.type === 'AWS::ApiGatewayV2::Api') return { apiType: lower(str(e.props, 'ProtocolType')) === 'websocket' ? 'websocket' : 'http' };
  if (e.type === 'AWS::Serverless::HttpApi') return { apiType: 'http' };
  if (e.type === 'AWS::Serverless::WebSocketApi') return { apiType: 'websocket' };
  const cached = (p: Record<string, unknown>) => (bool(p, 'CacheClusterEnabled') ? num(p, 'CacheClusterSize') ?? 0.5 : undefined);
  let cache = cached(e.props);
  for (const stage of entries.referrers(e, { path: 'RestApiId', types: ['AWS::ApiGateway::Stage'] })) cache ??= cached(stage.props);
  return { apiType: 'rest', cache: cache ?? 0 };
};

export const es: FieldRule = (e) => {
  const c = get(e.props, 'ClusterConfig') ?? get(e.props, 'ElasticsearchClusterConfig');
  return { role: 'data', instanceCount: num(c, 'InstanceCount'), ...instanceClass(str(c, 'InstanceType')) };
};

export const redshift: FieldRule = (e) => ({ ...instanceClass(str(e.props, 'NodeType')), nodeCount: num(e.props, 'NumberOfNodes') });

export const fsx: FieldRule = (e) => ({
  fileSystemType: lower(str(e.props, 'FileSystemType')),
  storageCapacity: num(e.props, 'StorageCapacity'),
  storageType: lower(str(e.props, 'StorageType')),
  throughputCapacity: num(e.props, 'WindowsConfiguration.ThroughputCapacity'),
  multiAZ: str(e.props, 'WindowsConfiguration.DeploymentType')?.startsWith('MULTI_AZ') || undefined,
});

export const ecsTask: FieldRule = (e, entries) => {
  const services = entries.referrers(e, { path: 'TaskDefinition', types: ['AWS::ECS::Service'] });
  const fargate = list(e.props, 'RequiresCompatibilities').includes('FARGATE') || services.some((s) => str(s.props, 'LaunchType') === 'FARGATE');
  const memory = num(e.props, 'Memory');
  return { launchType: fargate ? 'fargate' : 'ec2', cpu: num(e.props, 'Cpu'), memoryGB: memory !== undefined ? memory / 1024 : undefined };
};

/** Containers with a `name` field show the resource's name. */
export const named: FieldRule = (e) => ({ name: e.name });

function portRange(rule: unknown): string {
  const from = num(rule, 'FromPort');
  const to = num(rule, 'ToPort');
  const proto = str(rule, 'IpProtocol');
  if (proto === '-1' || from === undefined || from === -1) return '0-65535';
  return to === undefined || to === from ? String(from) : `${from}-${to}`;
}

/**
 * One Cloudcraft sg rule. A security-group peer is written as the peer's resource id; the emitter
 * turns it into the id of the drawn peer group (or its name when the peer is not drawn).
 */
function sgRule(rule: unknown, peerKeys: readonly string[], entries: Entries): Record<string, unknown> | undefined {
  const proto = str(rule, 'IpProtocol');
  const peer = peerKeys.map((k) => entries.of(get(rule, k))).find((p) => p !== undefined);
  const cidr = str(rule, 'CidrIp') ?? str(rule, 'CidrIpv6') ?? str(rule, 'DestinationPrefixListId') ?? str(rule, 'SourcePrefixListId');
  const target = peer ? peer.id : cidr;
  if (target === undefined) return undefined;
  return {
    portRange: portRange(rule),
    protocol: proto === '-1' ? 'all' : proto === '6' ? 'tcp' : proto === '17' ? 'udp' : (proto ?? 'tcp'),
    target,
    targetType: peer ? 'sg' : 'ip',
    ...(str(rule, 'Description') ? { description: str(rule, 'Description') } : {}),
    hidden: false,
  };
}

/** Inline SecurityGroupIngress/Egress plus standalone AWS::EC2::SecurityGroupIngress/Egress resources. */
export const securityGroup: FieldRule = (e, entries) => {
  const inbound: unknown[] = [...list(e.props, 'SecurityGroupIngress')];
  const outbound: unknown[] = [...list(e.props, 'SecurityGroupEgress')];
  for (const r of entries.referrers(e, { path: 'GroupId', types: ['AWS::EC2::SecurityGroupIngress'] })) inbound.push(r.props);
  for (const r of entries.referrers(e, { path: 'GroupId', types: ['AWS::EC2::SecurityGroupEgress'] })) outbound.push(r.props);
  const rules = (rs: unknown[], peers: readonly string[]) => rs.map((r) => sgRule(r, peers, entries)).filter((r) => r !== undefined);
  return {
    name: e.name,
    inboundRules: rules(inbound, ['SourceSecurityGroupId', 'SourceSecurityGroupName']),
    outboundRules: rules(outbound, ['DestinationSecurityGroupId']),
  };
};
