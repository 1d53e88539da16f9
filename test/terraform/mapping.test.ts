/** Each mapping row: a Terraform type with attributes → Cloudcraft type and fields. */
import { describe, expect, it } from 'vitest';
import { sanitizeProps } from '../../src/catalog/index.js';
import { graphOf, one, omitted, res, state, type ResourceSpec } from './helpers.js';

interface Row {
  type: string;
  attributes: Record<string, unknown>;
  cc: string;
  props: Record<string, unknown>;
  /** Other resources the mapping reads (a storage account, a service plan, an AMI). */
  with?: ResourceSpec[];
}

const AWS: Row[] = [
  { type: 'aws_instance', attributes: { instance_type: 'm5.large' }, cc: 'ec2', props: { instanceType: 'm5', instanceSize: 'large' } },
  { type: 'aws_instance', attributes: { instance_type: 't3.micro', instance_market_options: [{ market_type: 'spot' }] }, cc: 'ec2', props: { instanceType: 't3', instanceSize: 'micro', billingOptions: { type: 'si', utilization: 1 } } },
  { type: 'aws_instance', attributes: { instance_type: 'c5.xlarge', ami: 'ami-win' }, cc: 'ec2', props: { instanceType: 'c5', instanceSize: 'xlarge', platform: 'mswin' },
    with: [{ type: 'aws_ami', name: 'win', mode: 'data', instances: [{ attributes: { id: 'ami-win', platform: 'windows', platform_details: 'Windows' } }] }] },
  { type: 'aws_instance', attributes: { instance_type: 'r5.large', ami: 'ami-rhel' }, cc: 'ec2', props: { instanceType: 'r5', instanceSize: 'large', platform: 'rhel' },
    with: [{ type: 'aws_ami', name: 'rhel', mode: 'data', instances: [{ attributes: { id: 'ami-rhel', platform_details: 'Red Hat Enterprise Linux' } }] }] },
  { type: 'aws_spot_instance_request', attributes: { instance_type: 'c5.large' }, cc: 'ec2', props: { instanceType: 'c5', instanceSize: 'large', billingOptions: { type: 'si', utilization: 1 } } },
  { type: 'aws_lambda_function', attributes: { memory_size: 512, architectures: ['arm64'] }, cc: 'lambda', props: { memory: 512, architecture: 'arm64' } },
  { type: 'aws_s3_bucket', attributes: { bucket: 'b' }, cc: 's3', props: {} },
  { type: 'aws_dynamodb_table', attributes: { billing_mode: 'PAY_PER_REQUEST', table_class: 'STANDARD_INFREQUENT_ACCESS' }, cc: 'dynamodb', props: { capacityMode: 'on-demand', tableClass: 'standardInfrequentAccess' } },
  { type: 'aws_dynamodb_table', attributes: { billing_mode: 'PROVISIONED', read_capacity: 20, write_capacity: 10 }, cc: 'dynamodb', props: { capacityMode: 'provisioned', readUnits: 20, writeUnits: 10 } },
  { type: 'aws_sqs_queue', attributes: { fifo_queue: true }, cc: 'sqs', props: { queueType: 'fifo' } },
  { type: 'aws_sns_topic', attributes: {}, cc: 'snstopic', props: {} },
  { type: 'aws_sns_topic_subscription', attributes: { protocol: 'email', endpoint: 'ops@example.com' }, cc: 'snssubscriptions', props: { notificationType: 'email' } },
  { type: 'aws_lb', attributes: { load_balancer_type: 'network' }, cc: 'elb', props: { elbType: 'network' } },
  { type: 'aws_alb', attributes: {}, cc: 'elb', props: { elbType: 'application' } },
  { type: 'aws_elb', attributes: {}, cc: 'elb', props: { elbType: 'classic' } },
  { type: 'aws_db_instance', attributes: { instance_class: 'db.r6g.large', engine: 'postgres', multi_az: true }, cc: 'rds', props: { instanceType: 'r6g', instanceSize: 'large', engine: 'postgresql', multiAZ: true, role: 'primary' } },
  { type: 'aws_db_instance', attributes: { instance_class: 'db.t3.micro', engine: 'oracle-se2', replicate_source_db: 'main' }, cc: 'rds', props: { instanceType: 't3', instanceSize: 'micro', engine: 'oracle', role: 'readReplica' } },
  { type: 'aws_db_instance', attributes: { engine: 'sqlserver-ex' }, cc: 'rds', props: { engine: 'sqlserver-ex', role: 'primary' } },
  { type: 'aws_db_instance', attributes: { engine: 'db2-se' }, cc: 'rds', props: { engine: 'none', role: 'primary' } },
  { type: 'aws_rds_cluster_instance', attributes: { instance_class: 'db.r5.large', engine: 'aurora-postgresql', writer: false }, cc: 'rds', props: { instanceType: 'r5', instanceSize: 'large', engine: 'aurora-postgresql', role: 'readReplica' } },
  { type: 'aws_rds_cluster_instance', attributes: { instance_class: 'db.serverless', engine: 'aurora-mysql' }, cc: 'rds', props: { engine: 'aurora-mysql', role: 'serverless' } },
  { type: 'aws_rds_cluster', attributes: { engine_mode: 'serverless', engine: 'aurora', scaling_configuration: [{ min_capacity: 2, max_capacity: 8 }] }, cc: 'rds', props: { engine: 'aurora-mysql', role: 'serverless', minimumCapacityUnit: 2, maximumCapacityUnit: 8 } },
  { type: 'aws_docdb_cluster_instance', attributes: { instance_class: 'db.r5.large', writer: true }, cc: 'docdb', props: { instanceType: 'r5', instanceSize: 'large', role: 'writer' } },
  { type: 'aws_neptune_cluster', attributes: {}, cc: 'neptune', props: { role: 'writer' } },
  { type: 'aws_ecs_cluster', attributes: {}, cc: 'ecscluster', props: {} },
  { type: 'aws_ecs_service', attributes: {}, cc: 'ecsservice', props: {} },
  { type: 'aws_ecs_task_definition', attributes: { requires_compatibilities: ['FARGATE'], cpu: '1024', memory: '2048' }, cc: 'ecstask', props: { launchType: 'fargate', cpu: 1024, memoryGB: 2 } },
  { type: 'aws_eks_cluster', attributes: {}, cc: 'ekscluster', props: {} },
  { type: 'aws_eks_node_group', attributes: {}, cc: 'asg', props: {} },
  { type: 'aws_autoscaling_group', attributes: {}, cc: 'asg', props: {} },
  { type: 'aws_api_gateway_rest_api', attributes: {}, cc: 'apigateway', props: { apiType: 'rest' } },
  { type: 'aws_apigatewayv2_api', attributes: { protocol_type: 'WEBSOCKET' }, cc: 'apigateway', props: { apiType: 'websocket' } },
  { type: 'aws_cloudfront_distribution', attributes: {}, cc: 'cloudfront', props: {} },
  { type: 'aws_elasticache_cluster', attributes: { engine: 'memcached', node_type: 'cache.m5.large' }, cc: 'elasticache', props: { engine: 'memcached', instanceType: 'm5', instanceSize: 'large' } },
  { type: 'aws_elasticache_replication_group', attributes: { node_type: 'cache.r6g.xlarge', engine: 'valkey' }, cc: 'elasticache', props: { engine: 'redis', instanceType: 'r6g', instanceSize: 'xlarge' } },
  { type: 'aws_nat_gateway', attributes: {}, cc: 'natgateway', props: {} },
  { type: 'aws_internet_gateway', attributes: {}, cc: 'internetgateway', props: {} },
  { type: 'aws_vpc', attributes: {}, cc: 'vpc', props: {} },
  { type: 'aws_subnet', attributes: {}, cc: 'subnet', props: {} },
  { type: 'aws_security_group', attributes: {}, cc: 'sg', props: {} },
  { type: 'aws_cloudwatch_event_bus', attributes: { name: 'default' }, cc: 'eventbus', props: { eventBusType: 'default' } },
  { type: 'aws_cloudwatch_event_bus', attributes: { name: 'orders' }, cc: 'eventbus', props: { eventBusType: 'custom' } },
  { type: 'aws_kinesis_stream', attributes: { shard_count: 4, retention_period: 48 }, cc: 'kinesisstream', props: { shards: 4, extendedRetention: true } },
  { type: 'aws_efs_file_system', attributes: { throughput_mode: 'provisioned', provisioned_throughput_in_mibps: 64, availability_zone_name: 'eu-west-1a' }, cc: 'efs', props: { throughputMode: 'provisioned', throughput: 64, availabilityZone: 'eu-west-1a' } },
  { type: 'aws_efs_file_system', attributes: { throughput_mode: 'elastic' }, cc: 'efs', props: { throughputMode: 'bursting' } },
  { type: 'aws_route53_zone', attributes: {}, cc: 'r53', props: {} },
  { type: 'aws_wafv2_web_acl', attributes: { rule: [{}, {}, {}] }, cc: 'waf', props: { aclCount: 1, ruleCount: 3 } },
  { type: 'aws_ecr_repository', attributes: {}, cc: 'ecr', props: { private: true } },
  { type: 'aws_ecrpublic_repository', attributes: {}, cc: 'ecr', props: { private: false } },
  { type: 'aws_ebs_volume', attributes: { type: 'standard', size: 100, iops: 300 }, cc: 'ebs', props: { volume: 'magnetic', storage: 100, iops: 300 } },
  { type: 'aws_vpc_endpoint', attributes: { vpc_endpoint_type: 'Gateway' }, cc: 'vpcendpoint', props: { endpointType: 'gateway' } },
  { type: 'aws_ec2_transit_gateway', attributes: {}, cc: 'transitgateway', props: {} },
  { type: 'aws_vpn_gateway', attributes: {}, cc: 'vpngateway', props: {} },
  { type: 'aws_customer_gateway', attributes: {}, cc: 'customergateway', props: {} },
  { type: 'aws_dx_connection', attributes: { bandwidth: '10Gbps', location: 'EqDC2' }, cc: 'dxconnection', props: { capacity: '10G', site: 'EqDC2' } },
  { type: 'aws_opensearch_domain', attributes: { cluster_config: [{ instance_type: 'r5.large.search', instance_count: 3 }] }, cc: 'es', props: { instanceType: 'r5', instanceSize: 'large', instanceCount: 3, role: 'data' } },
  { type: 'aws_redshift_cluster', attributes: { node_type: 'ra3.xlplus', number_of_nodes: 2 }, cc: 'redshift', props: { instanceType: 'ra3', instanceSize: 'xlplus', nodeCount: 2 } },
  { type: 'aws_fsx_lustre_file_system', attributes: { storage_capacity: 1200, storage_type: 'SSD' }, cc: 'fsx', props: { fileSystemType: 'lustre', storageCapacity: 1200, storageType: 'ssd' } },
  { type: 'aws_fsx_windows_file_system', attributes: { throughput_capacity: 32, deployment_type: 'MULTI_AZ_1' }, cc: 'fsx', props: { fileSystemType: 'windows', throughputCapacity: 32, multiAZ: true } },
  { type: 'aws_glacier_vault', attributes: {}, cc: 'glaciervault', props: {} },
  { type: 'aws_ses_domain_identity', attributes: {}, cc: 'ses', props: {} },
  { type: 'aws_keyspaces_keyspace', attributes: {}, cc: 'keyspaces', props: {} },
  { type: 'aws_timestreamwrite_database', attributes: {}, cc: 'timestream', props: {} },
];

const SUBSCRIPTION = '/subscriptions/0/resourceGroups/rg';
const account = (extra: Record<string, unknown>): ResourceSpec => ({
  type: 'azurerm_storage_account', name: 'sa',
  instances: [{ attributes: { id: `${SUBSCRIPTION}/providers/Microsoft.Storage/storageAccounts/sa1`, name: 'sa1', ...extra } }],
});
const plan = (sku: string, os = 'Linux'): ResourceSpec => ({ type: 'azurerm_service_plan', name: 'p', instances: [{ attributes: { id: `${SUBSCRIPTION}/p`, sku_name: sku, os_type: os } }] });

const AZURE: Row[] = [
  { type: 'azurerm_linux_virtual_machine', attributes: { size: 'Standard_B1ms', priority: 'Spot' }, cc: 'azurevm', props: { platform: 'linux', instance: 'B1ms', tier: 'Low Priority' } },
  { type: 'azurerm_windows_virtual_machine', attributes: { size: 'Standard_D2s_v3' }, cc: 'azurevm', props: { platform: 'windows', instance: 'D2s v3', tier: 'Standard' } },
  { type: 'azurerm_virtual_machine', attributes: { vm_size: 'Standard_A1_v2', storage_os_disk: [{ os_type: 'Windows' }] }, cc: 'azurevm', props: { platform: 'windows', instance: 'A1 v2', tier: 'Standard' } },
  { type: 'azurerm_linux_virtual_machine_scale_set', attributes: { sku: 'Standard_F2' }, cc: 'azurevm', props: { platform: 'linux', instance: 'F2', tier: 'Standard' } },
  { type: 'azurerm_virtual_machine_scale_set', attributes: { sku: [{ name: 'Standard_F4', capacity: 2 }] }, cc: 'azurevm', props: { platform: 'linux', instance: 'F4', tier: 'Standard' } },
  { type: 'azurerm_linux_web_app', attributes: { service_plan_id: `${SUBSCRIPTION}/p` }, cc: 'azurewebapp', props: { platform: 'Linux', tier: 'Premium v3', instance: 'P1 v3' }, with: [plan('P1v3')] },
  { type: 'azurerm_windows_web_app', attributes: { service_plan_id: `${SUBSCRIPTION}/p` }, cc: 'azurewebapp', props: { platform: 'Windows', tier: 'Premium v2', instance: 'P2 v2' }, with: [plan('P2v2', 'Windows')] },
  { type: 'azurerm_linux_web_app', attributes: { service_plan_id: `${SUBSCRIPTION}/p` }, cc: 'azurewebapp', props: { platform: 'Linux', tier: 'Premium v3', instance: 'P0v3' }, with: [plan('P0v3')] },
  { type: 'azurerm_linux_web_app', attributes: { service_plan_id: `${SUBSCRIPTION}/p` }, cc: 'azurewebapp', props: { platform: 'Linux', tier: 'Basic', instance: 'B1' }, with: [plan('B1')] },
  { type: 'azurerm_app_service', attributes: { app_service_plan_id: `${SUBSCRIPTION}/p` }, cc: 'azurewebapp', props: { platform: 'Windows', tier: 'Standard', instance: 'S1' },
    with: [{ type: 'azurerm_app_service_plan', name: 'legacy', instances: [{ attributes: { id: `${SUBSCRIPTION}/p`, kind: 'Windows', sku: [{ tier: 'Standard', size: 'S1' }] } }] }] },
  { type: 'azurerm_linux_function_app', attributes: { service_plan_id: `${SUBSCRIPTION}/p` }, cc: 'azurefunctionapp', props: { tier: 'consumption' }, with: [plan('Y1')] },
  { type: 'azurerm_windows_function_app', attributes: { service_plan_id: `${SUBSCRIPTION}/p` }, cc: 'azurefunctionapp', props: { tier: 'premium' }, with: [plan('EP1', 'Windows')] },
  { type: 'azurerm_kubernetes_cluster', attributes: { sku_tier: 'Paid' }, cc: 'azureakscluster', props: { tier: 'standard' } },
  { type: 'azurerm_storage_container', attributes: { storage_account_name: 'sa1' }, cc: 'azureblob', props: { tier: 'Cool', redundancy: 'GRS' }, with: [account({ access_tier: 'Cool', account_replication_type: 'GRS' })] },
  { type: 'azurerm_storage_container', attributes: { storage_account_id: `${SUBSCRIPTION}/providers/Microsoft.Storage/storageAccounts/sa1` }, cc: 'azureblob', props: { tier: 'Premium', redundancy: 'LRS' }, with: [account({ account_tier: 'Premium', account_replication_type: 'LRS' })] },
  { type: 'azurerm_storage_queue', attributes: { storage_account_name: 'sa1' }, cc: 'azurequeue', props: { kind: 'StorageV2', redundancy: 'RA-GZRS' }, with: [account({ account_kind: 'StorageV2', account_replication_type: 'RAGZRS' })] },
  { type: 'azurerm_storage_table', attributes: { storage_account_name: 'sa1' }, cc: 'azuretable', props: { redundancy: 'ZRS' }, with: [account({ account_replication_type: 'ZRS' })] },
  { type: 'azurerm_storage_share', attributes: { storage_account_name: 'sa1', quota: 50, access_tier: 'TransactionOptimized' }, cc: 'azurefiles', props: { dataGb: 50, tier: 'Standard', redundancy: 'LRS' }, with: [account({ account_replication_type: 'LRS' })] },
  { type: 'azurerm_storage_account', attributes: { access_tier: 'Hot', account_replication_type: 'RAGRS' }, cc: 'azureblob', props: { tier: 'Hot', redundancy: 'RA-GRS' } },
  { type: 'azurerm_mysql_flexible_server', attributes: { sku_name: 'GP_Standard_D2ds_v4', storage: [{ size_gb: 64 }], backup_retention_days: 7, high_availability: [{ mode: 'SameZone' }] }, cc: 'azuremysql',
    props: { deploymentOption: 'Flexible', tier: 'GeneralPurpose', instance: 'GP_Standard_D2ds_v4', storageMB: 65536, haEnabled: true, backupRetention: 7 } },
  { type: 'azurerm_mysql_server', attributes: { sku_name: 'B_Gen5_1', storage_mb: 5120 }, cc: 'azuremysql', props: { deploymentOption: 'Single', tier: 'Basic', instance: 'B_Gen5_1', storageMB: 5120 } },
  { type: 'azurerm_postgresql_flexible_server', attributes: { sku_name: 'B_Standard_B1ms', storage_mb: 32768 }, cc: 'azurepostgresql', props: { deploymentOption: 'Flexible', tier: 'Burstable', instance: 'B_Standard_B1ms', storageMB: 32768 } },
  { type: 'azurerm_postgresql_server', attributes: { sku_name: 'MO_Gen5_4' }, cc: 'azurepostgresql', props: { deploymentOption: 'Single', tier: 'MemoryOptimized', instance: 'MO_Gen5_4' } },
  { type: 'azurerm_cosmosdb_account', attributes: { kind: 'MongoDB', multiple_write_locations_enabled: true, geo_location: [{}, {}] }, cc: 'azurecosmosdb', props: { api: 'mongodb', capacityMode: 'provisioned', replicationMode: 'multi-master' } },
  { type: 'azurerm_cosmosdb_account', attributes: { capabilities: [{ name: 'EnableCassandra' }], geo_location: [{ zone_redundant: true }, { zone_redundant: false }] }, cc: 'azurecosmosdb', props: { api: 'cassandra', capacityMode: 'provisioned', replicationMode: 'with-zones' } },
  { type: 'azurerm_redis_cache', attributes: { sku_name: 'Premium', family: 'P', capacity: 2 }, cc: 'azureredis', props: { tier: 'Premium', instance: 'P2' } },
  { type: 'azurerm_servicebus_namespace', attributes: { sku: 'Standard', capacity: 0 }, cc: 'azuresbnamespace', props: { tier: 'Standard' } },
  { type: 'azurerm_servicebus_queue', attributes: { namespace_id: `${SUBSCRIPTION}/ns` }, cc: 'azuresbqueue', props: { tier: 'Premium' },
    with: [{ type: 'azurerm_servicebus_namespace', name: 'ns', instances: [{ attributes: { id: `${SUBSCRIPTION}/ns`, sku: 'Premium', capacity: 1 } }] }] },
  { type: 'azurerm_servicebus_topic', attributes: { namespace_name: 'bus' }, cc: 'azuresbtopic', props: { tier: 'Standard' },
    with: [{ type: 'azurerm_servicebus_namespace', name: 'ns', instances: [{ attributes: { id: `${SUBSCRIPTION}/ns`, name: 'bus', sku: 'Standard' } }] }] },
  { type: 'azurerm_lb', attributes: { sku: 'Gateway', sku_tier: 'Regional' }, cc: 'azurelb', props: { skuName: 'Gateway', tier: 'Regional' } },
  { type: 'azurerm_application_gateway', attributes: { sku: [{ name: 'Standard_Medium', tier: 'Standard', capacity: 3 }] }, cc: 'azureappgw', props: { tier: 'Standard', size: 'Medium', instances: 3 } },
  { type: 'azurerm_application_gateway', attributes: { sku: [{ name: 'Standard_v2', tier: 'Standard_v2' }], autoscale_configuration: [{ min_capacity: 1 }] }, cc: 'azureappgw', props: { tier: 'Standard V2', instances: 1 } },
  { type: 'azurerm_bastion_host', attributes: { sku: 'Basic' }, cc: 'azurebastion', props: { tier: 'Basic' } },
  { type: 'azurerm_virtual_network_gateway', attributes: { type: 'ExpressRoute', sku: 'Standard' }, cc: 'azurevngw', props: { gatewayType: 'ExpressRoute', tier: 'Standard' } },
  { type: 'azurerm_managed_disk', attributes: { disk_size_gb: 256, tier: 'P15' }, cc: 'azuredisk', props: { diskSizeGb: 256, tier: 'P15' } },
  { type: 'azurerm_api_management', attributes: { sku_name: 'Premium_2' }, cc: 'azureapimanagement', props: { tier: 'Premium', units: 2 } },
  { type: 'azurerm_resource_group', attributes: {}, cc: 'area', props: {} },
  { type: 'azurerm_virtual_network', attributes: {}, cc: 'area', props: {} },
  { type: 'azurerm_subnet', attributes: {}, cc: 'area', props: {} },
];

describe.each([['AWS', AWS, 'aws'], ['Azure', AZURE, 'azure']] as const)('%s mapping', (_, rows, provider) => {
  it.each(rows)('$type → $cc $props', ({ type, attributes, cc, props, with: others }) => {
    const g = graphOf(state([one(type, 'x', { id: `${type}-1`, ...attributes }), ...(others ?? [])]));
    const r = res(g, `${type}.x`);
    expect(r.ccType).toBe(cc);
    expect(r.provider).toBe(provider);
    expect(r.sourceType).toBe(type);
    expect(r.props).toEqual(props);
    // Everything the mapper writes is a valid Cloudcraft value.
    expect(sanitizeProps(cc, r.props).dropped).toEqual([]);
  });
});

describe('what is not drawn', () => {
  it('folds link resources and says why others are left out', () => {
    const g = graphOf(state([
      one('aws_iam_role', 'r', { id: 'r' }),
      one('aws_lambda_permission', 'p', { id: 'p' }),
      one('aws_rds_cluster', 'c', { id: 'c', engine: 'aurora-postgresql' }),
      one('random_pet', 'n', { id: 'n' }),
      one('kubernetes_namespace', 'k', { id: 'k' }),
      one('azurerm_mssql_server', 's', { id: 's' }),
      one('azurerm_storage_account', 'a', { id: '/sa', name: 'sa' }),
      one('azurerm_storage_queue', 'q', { id: 'q', storage_account_name: 'sa' }),
    ]));
    expect(omitted(g, 'aws_iam_role.r')).toMatchObject({ reason: 'no-component', provider: 'aws', detail: 'no Cloudcraft component for aws_iam_role' });
    expect(omitted(g, 'aws_lambda_permission.p')).toMatchObject({ reason: 'folded', provider: 'aws' });
    expect(omitted(g, 'aws_rds_cluster.c')).toMatchObject({ reason: 'no-component', detail: expect.stringMatching(/aws_rds_cluster_instance/) });
    expect(omitted(g, 'random_pet.n')).toMatchObject({ reason: 'no-component', provider: 'generic', detail: 'provider "random" has no Cloudcraft components' });
    expect(omitted(g, 'kubernetes_namespace.k')).toMatchObject({ provider: 'generic', detail: expect.stringMatching(/"kubernetes"/) });
    expect(omitted(g, 'azurerm_mssql_server.s')).toMatchObject({ provider: 'azure', detail: expect.stringMatching(/no Azure SQL/) });
    // A storage account with a queue is drawn as the queue.
    expect(omitted(g, 'azurerm_storage_account.a')).toMatchObject({ reason: 'no-component' });
    expect(res(g, 'azurerm_storage_queue.q').ccType).toBe('azurequeue');
  });

  it('draws an SNS subscription to an outside endpoint, folds one to a resource of ours', () => {
    const g = graphOf(state([
      one('aws_sns_topic', 't', { id: 'arn:aws:sns:eu-west-1:1:t', arn: 'arn:aws:sns:eu-west-1:1:t' }),
      one('aws_sqs_queue', 'q', { id: 'https://q', arn: 'arn:aws:sqs:eu-west-1:1:q' }),
      one('aws_sns_topic_subscription', 'to_queue', { id: 's1', topic_arn: 'arn:aws:sns:eu-west-1:1:t', protocol: 'sqs', endpoint: 'arn:aws:sqs:eu-west-1:1:q' }),
      one('aws_sns_topic_subscription', 'to_mail', { id: 's2', topic_arn: 'arn:aws:sns:eu-west-1:1:t', protocol: 'email-json', endpoint: 'ops@example.com' }),
    ]));
    expect(omitted(g, 'aws_sns_topic_subscription.to_queue').reason).toBe('folded');
    const mail = res(g, 'aws_sns_topic_subscription.to_mail');
    expect(mail.props).toEqual({ notificationType: 'emil-json' });
    expect(JSON.stringify(g)).not.toContain('ops@example.com');
  });
});
