/**
 * AWS (`aws_*`) types → Cloudcraft components, after shared/reference/resource-type-map.md.
 * Each mapper reads only the attributes that become Cloudcraft fields; values outside a field's
 * enum are dropped later by the catalogue check (sanitizeProps), so a new instance family simply
 * falls back to the field default.
 */
import { blockCount, bool, compact, first, num, splitInstanceType, str, type Values } from '../values.js';
import type { FoldedTable, MapContext, PropMapper, TypeSpec } from './spec.js';
import type { TfInstance } from '../model.js';

const RDS_ENGINES: Record<string, string> = {
  postgres: 'postgresql', mysql: 'mysql', mariadb: 'mariadb', 'aurora-mysql': 'aurora-mysql',
  'aurora-postgresql': 'aurora-postgresql', aurora: 'aurora-mysql',
  'sqlserver-ex': 'sqlserver-ex', 'sqlserver-web': 'sqlserver-web', 'sqlserver-se': 'sqlserver-se', 'sqlserver-ee': 'sqlserver-ee',
};

function rdsEngine(v: unknown): string | undefined {
  const e = str(v)?.toLowerCase();
  if (!e) return undefined;
  if (e.startsWith('oracle')) return 'oracle';
  return RDS_ENGINES[e] ?? 'none';
}

/** AMI `platform_details` (from a `data "aws_ami"` in the same state) → ec2 platform. */
const AMI_PLATFORMS: Record<string, string> = {
  windows: 'mswin', 'windows with sql server standard': 'mswinSQL', 'windows with sql server web': 'mswinSQLWeb',
  'windows with sql server enterprise': 'mswinSQLEnterprise', 'red hat enterprise linux': 'rhel', 'suse linux': 'sles',
  'linux/unix': 'linux', 'linux with sql server standard': 'linuxSQL', 'linux with sql server web': 'linuxSQLWeb',
  'linux with sql server enterprise': 'linuxSQLEnterprise',
};

function ec2Platform(v: Values, ctx: MapContext): string | undefined {
  const ami = str(v['ami']);
  const image = ami ? ctx.resolver.lookup(ami, ['aws_ami'])[0] : undefined;
  if (!image) return undefined;
  const details = str(image.values['platform_details'])?.toLowerCase();
  if (details && AMI_PLATFORMS[details]) return AMI_PLATFORMS[details];
  return str(image.values['platform'])?.toLowerCase() === 'windows' ? 'mswin' : undefined;
}

const ec2: PropMapper = (v, inst, ctx) => {
  const spot = inst.type === 'aws_spot_instance_request' || str(first(v, 'instance_market_options', 'market_type')) === 'spot';
  return compact({
    ...splitInstanceType(v['instance_type']),
    platform: ec2Platform(v, ctx),
    billingOptions: spot ? { type: 'si', utilization: 1 } : undefined,
  });
};

const lambda: PropMapper = (v) => {
  const arch = Array.isArray(v['architectures']) ? str(v['architectures'][0]) : undefined;
  return compact({ memory: num(v['memory_size']), architecture: arch });
};

const dynamodb: PropMapper = (v) => {
  const onDemand = str(v['billing_mode']) === 'PAY_PER_REQUEST';
  const tableClass = str(v['table_class']);
  return compact({
    capacityMode: onDemand ? 'on-demand' : 'provisioned',
    readUnits: onDemand ? undefined : num(v['read_capacity']),
    writeUnits: onDemand ? undefined : num(v['write_capacity']),
    tableClass: tableClass === 'STANDARD_INFREQUENT_ACCESS' ? 'standardInfrequentAccess' : tableClass === 'STANDARD' ? 'standard' : undefined,
  });
};

const elbTypes: Record<string, string> = { application: 'application', network: 'network' };

const rdsInstance: PropMapper = (v) => compact({
  ...splitInstanceType(v['instance_class'], { prefix: 'db.' }),
  engine: rdsEngine(v['engine']),
  multiAZ: bool(v['multi_az']),
  role: str(v['replicate_source_db']) ? 'readReplica' : 'primary',
});

/** Aurora instances: writer/reader from the computed `writer` flag; `db.serverless` is Serverless v2. */
const rdsClusterInstance: PropMapper = (v) => {
  const serverless = str(v['instance_class']) === 'db.serverless';
  const writer = bool(v['writer']);
  return compact({
    ...(serverless ? {} : splitInstanceType(v['instance_class'], { prefix: 'db.' })),
    engine: rdsEngine(v['engine']),
    role: serverless ? 'serverless' : writer === false ? 'readReplica' : 'primary',
  });
};

const rdsServerlessCluster: PropMapper = (v) => compact({
  engine: rdsEngine(v['engine']),
  role: 'serverless',
  minimumCapacityUnit: num(first(v, 'scaling_configuration', 'min_capacity')) ?? num(first(v, 'serverlessv2_scaling_configuration', 'min_capacity')),
  maximumCapacityUnit: num(first(v, 'scaling_configuration', 'max_capacity')) ?? num(first(v, 'serverlessv2_scaling_configuration', 'max_capacity')),
});

const elasticache: PropMapper = (v) => {
  const engine = str(v['engine'])?.toLowerCase();
  return compact({
    engine: engine === 'memcached' ? 'memcached' : engine ? 'redis' : undefined,
    ...splitInstanceType(v['node_type'], { prefix: 'cache.' }),
  });
};

/** Fargate task sizes: `cpu` units and `memory` MiB as the task definition declares them. */
const ecsTask: PropMapper = (v) => {
  const fargate = Array.isArray(v['requires_compatibilities']) && v['requires_compatibilities'].includes('FARGATE');
  const memory = num(v['memory']);
  return compact({ launchType: fargate ? 'fargate' : 'ec2', cpu: num(v['cpu']), memoryGB: memory !== undefined ? memory / 1024 : undefined });
};

const efs: PropMapper = (v) => {
  const mode = str(v['throughput_mode']);
  return compact({
    throughputMode: mode === 'provisioned' ? 'provisioned' : mode ? 'bursting' : undefined,
    throughput: mode === 'provisioned' ? num(v['provisioned_throughput_in_mibps']) : undefined,
    availabilityZone: str(v['availability_zone_name']),
  });
};

const ebs: PropMapper = (v) => {
  const type = str(v['type']);
  return compact({ volume: type === 'standard' ? 'magnetic' : type, storage: num(v['size']), iops: num(v['iops']), throughput: num(v['throughput']) });
};

const es: PropMapper = (v) => compact({
  ...splitInstanceType(first(v, 'cluster_config', 'instance_type'), { suffix: /\.(search|elasticsearch)$/ }),
  instanceCount: num(first(v, 'cluster_config', 'instance_count')),
  role: 'data',
});

const fsx: PropMapper = (v, inst) => compact({
  fileSystemType: inst.type === 'aws_fsx_lustre_file_system' ? 'lustre' : 'windows',
  storageCapacity: num(v['storage_capacity']),
  storageType: str(v['storage_type'])?.toLowerCase(),
  throughputCapacity: num(v['throughput_capacity']),
  multiAZ: str(v['deployment_type'])?.startsWith('MULTI_AZ') ? true : undefined,
});

const DX_CAPACITY: Record<string, string> = { '1Gbps': '1G', '10Gbps': '10G', '100Gbps': '100G' };

/** SNS protocols → snssubscriptions.notificationType (the catalogue keeps the documented "emil-json"). */
const SNS_PROTOCOLS: Record<string, string> = {
  email: 'email', 'email-json': 'emil-json', http: 'http', https: 'https', sqs: 'sqs', lambda: 'lambda', sms: 'sms', application: 'mobile',
};

const docdbInstance: PropMapper = (v) => compact({
  ...splitInstanceType(v['instance_class'], { prefix: 'db.' }),
  role: bool(v['writer']) === false ? 'reader' : 'writer',
});

export const AWS_TYPES: Record<string, TypeSpec> = {
  aws_instance: { cc: 'ec2', props: ec2 },
  aws_spot_instance_request: { cc: 'ec2', props: ec2 },
  aws_lambda_function: { cc: 'lambda', props: lambda },
  aws_s3_bucket: { cc: 's3' },
  aws_dynamodb_table: { cc: 'dynamodb', props: dynamodb },
  aws_sqs_queue: { cc: 'sqs', props: (v) => ({ queueType: bool(v['fifo_queue']) ? 'fifo' : 'standard' }) },
  aws_sns_topic: { cc: 'snstopic' },
  aws_sns_topic_subscription: {
    cc: 'snssubscriptions',
    props: (v) => compact({ notificationType: SNS_PROTOCOLS[str(v['protocol']) ?? ''] }),
    foldIfResolves: ['endpoint'],
  },
  aws_lb: { cc: 'elb', props: (v) => compact({ elbType: elbTypes[str(v['load_balancer_type']) ?? 'application'] }) },
  aws_alb: { cc: 'elb', props: (v) => compact({ elbType: elbTypes[str(v['load_balancer_type']) ?? 'application'] }) },
  aws_elb: { cc: 'elb', props: () => ({ elbType: 'classic' }) },
  aws_db_instance: { cc: 'rds', props: rdsInstance },
  aws_rds_cluster_instance: { cc: 'rds', props: rdsClusterInstance },
  aws_docdb_cluster_instance: { cc: 'docdb', props: docdbInstance },
  aws_neptune_cluster: { cc: 'neptune', props: (v) => compact({ role: first(v, 'serverless_v2_scaling_configuration', 'max_capacity') !== undefined ? 'serverless' : 'writer' }) },
  aws_ecs_cluster: { cc: 'ecscluster' },
  aws_ecs_service: { cc: 'ecsservice' },
  aws_ecs_task_definition: { cc: 'ecstask', props: ecsTask },
  aws_eks_cluster: { cc: 'ekscluster' },
  // An EKS managed node group is an Auto Scaling group of nodes in its subnets.
  aws_eks_node_group: { cc: 'asg' },
  aws_autoscaling_group: { cc: 'asg' },
  aws_api_gateway_rest_api: { cc: 'apigateway', props: () => ({ apiType: 'rest' }) },
  aws_apigatewayv2_api: { cc: 'apigateway', props: (v) => compact({ apiType: str(v['protocol_type'])?.toLowerCase() }) },
  aws_cloudfront_distribution: { cc: 'cloudfront' },
  aws_elasticache_cluster: { cc: 'elasticache', props: elasticache },
  aws_elasticache_replication_group: { cc: 'elasticache', props: (v, i, c) => ({ ...elasticache(v, i, c), engine: str(v['engine']) === 'memcached' ? 'memcached' : 'redis' }) },
  aws_nat_gateway: { cc: 'natgateway' },
  aws_internet_gateway: { cc: 'internetgateway' },
  aws_egress_only_internet_gateway: { cc: 'internetgateway' },
  aws_vpc: { cc: 'vpc' },
  aws_default_vpc: { cc: 'vpc' },
  aws_subnet: { cc: 'subnet' },
  aws_default_subnet: { cc: 'subnet' },
  aws_security_group: { cc: 'sg' },
  aws_default_security_group: { cc: 'sg' },
  aws_cloudwatch_event_bus: { cc: 'eventbus', props: (v) => ({ eventBusType: str(v['name']) === 'default' ? 'default' : 'custom' }) },
  aws_kinesis_stream: { cc: 'kinesisstream', props: (v) => compact({ shards: num(v['shard_count']), extendedRetention: (num(v['retention_period']) ?? 24) > 24 }) },
  aws_efs_file_system: { cc: 'efs', props: efs },
  aws_route53_zone: { cc: 'r53' },
  aws_wafv2_web_acl: { cc: 'waf', props: (v) => ({ aclCount: 1, ruleCount: blockCount(v['rule']) }) },
  aws_waf_web_acl: { cc: 'waf', props: (v) => ({ aclCount: 1, ruleCount: blockCount(v['rules']) }) },
  aws_wafregional_web_acl: { cc: 'waf', props: (v) => ({ aclCount: 1, ruleCount: blockCount(v['rule']) }) },
  aws_ecr_repository: { cc: 'ecr', props: () => ({ private: true }) },
  aws_ecrpublic_repository: { cc: 'ecr', props: () => ({ private: false }) },
  aws_ebs_volume: { cc: 'ebs', props: ebs },
  aws_vpc_endpoint: { cc: 'vpcendpoint', props: (v) => compact({ endpointType: str(v['vpc_endpoint_type'])?.toLowerCase() }) },
  aws_ec2_transit_gateway: { cc: 'transitgateway' },
  aws_vpn_gateway: { cc: 'vpngateway' },
  aws_customer_gateway: { cc: 'customergateway' },
  aws_dx_connection: { cc: 'dxconnection', props: (v) => compact({ capacity: DX_CAPACITY[str(v['bandwidth']) ?? ''], site: str(v['location']) }) },
  aws_elasticsearch_domain: { cc: 'es', props: es },
  aws_opensearch_domain: { cc: 'es', props: es },
  aws_redshift_cluster: { cc: 'redshift', props: (v) => compact({ ...splitInstanceType(v['node_type']), nodeCount: num(v['number_of_nodes']) }) },
  aws_fsx_windows_file_system: { cc: 'fsx', props: fsx },
  aws_fsx_lustre_file_system: { cc: 'fsx', props: fsx },
  aws_glacier_vault: { cc: 'glaciervault' },
  aws_ses_domain_identity: { cc: 'ses' },
  aws_ses_email_identity: { cc: 'ses' },
  aws_sesv2_email_identity: { cc: 'ses' },
  aws_keyspaces_keyspace: { cc: 'keyspaces' },
  aws_timestreamwrite_database: { cc: 'timestream' },
};

/**
 * Aurora/DocumentDB clusters are drawn as their instances; a Serverless v1 cluster has none and
 * is drawn itself.
 */
export function awsSpecFor(inst: TfInstance): TypeSpec | undefined {
  if (inst.type === 'aws_rds_cluster' && str(inst.values['engine_mode']) === 'serverless') return { cc: 'rds', props: rdsServerlessCluster };
  return AWS_TYPES[inst.type];
}

/** Link resources: never drawn; their links become edges (and the report says into which). */
export const AWS_FOLDED: FoldedTable = {
  aws_lambda_event_source_mapping: 'drawn as an edge from the event source to the function',
  aws_sns_topic_subscription: 'drawn as an edge from the topic to its subscriber',
  aws_s3_bucket_notification: 'drawn as edges from the bucket to the notified resources',
  aws_lb_target_group: 'drawn as edges from its load balancers to its targets',
  aws_alb_target_group: 'drawn as edges from its load balancers to its targets',
  aws_lb_target_group_attachment: 'drawn as an edge from the load balancer to the target',
  aws_alb_target_group_attachment: 'drawn as an edge from the load balancer to the target',
  aws_lb_listener: 'drawn as edges from the load balancer to its targets',
  aws_alb_listener: 'drawn as edges from the load balancer to its targets',
  aws_lb_listener_rule: 'drawn as edges from the load balancer to its targets',
  aws_alb_listener_rule: 'drawn as edges from the load balancer to its targets',
  aws_autoscaling_attachment: 'drawn as an edge from the load balancer to the Auto Scaling group',
  aws_elb_attachment: 'drawn as an edge from the load balancer to the instance',
  aws_api_gateway_integration: 'drawn as an edge from the API to its backend',
  aws_apigatewayv2_integration: 'drawn as an edge from the API to its backend',
  aws_cloudwatch_event_target: 'drawn as an edge from the event bus to the target',
  aws_cloudwatch_event_rule: 'drawn as edges from its event bus to its targets',
  aws_lambda_permission: 'drawn as an edge from the invoking resource to the function',
  aws_route53_record: 'drawn as an edge from the hosted zone to the alias target',
  aws_security_group_rule: 'drawn as a rule of its security group and network edges between members',
  aws_vpc_security_group_ingress_rule: 'drawn as a rule of its security group and network edges between members',
  aws_vpc_security_group_egress_rule: 'drawn as a rule of its security group and network edges between members',
};

/** Why a common undrawn type is left out (the report's detail). */
export const AWS_NOT_DRAWN: Record<string, string> = {
  aws_rds_cluster: 'an Aurora cluster is drawn as its aws_rds_cluster_instance resources',
  aws_docdb_cluster: 'a DocumentDB cluster is drawn as its aws_docdb_cluster_instance resources',
  aws_neptune_cluster_instance: 'a Neptune cluster is drawn as one neptune component',
  aws_db_subnet_group: 'places its databases in their subnets',
  aws_elasticache_subnet_group: 'places its caches in their subnets',
  aws_redshift_subnet_group: 'places its clusters in their subnets',
  aws_launch_template: 'places its Auto Scaling groups in their security groups',
  aws_launch_configuration: 'places its Auto Scaling groups in their security groups',
  aws_efs_mount_target: 'places its file system in the subnet and security groups',
  aws_network_interface: 'places its instance in the subnet and security groups',
  aws_route_table: 'decides whether its subnets are public or private',
  aws_route_table_association: 'decides whether its subnet is public or private',
  aws_route: 'decides whether its subnets are public or private',
  aws_network_acl: 'network ACLs are not drawn (their subnets are)',
  aws_default_network_acl: 'network ACLs are not drawn (their subnets are)',
};
