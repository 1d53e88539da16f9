/**
 * draw.io stencil → Cloudcraft, as data. Keys are `<family>:<name>` where the name is what follows
 * `mxgraph.aws4.` / `mxgraph.aws3.` / `mxgraph.aws3d.` / `mxgraph.azure.` in `shape=` (or in
 * `resIcon=`/`prIcon=`/`grIcon=`), or the lower-cased file name of an `img/lib/azure2/…/X.svg` or
 * `img/lib/mscae/X.svg` image. A value is one of:
 *   - a Cloudcraft component type (`'lambda'`), optionally with fields (`{ type, props }`);
 *   - an icon (`{ icon: [iconSet, name] }`) for things Cloudcraft has no component for. The `fa`
 *     names are Font Awesome's; the `aws`/`azure` icon names are our best reading of Cloudcraft's
 *     sets (not documented), kept here so a correction is one line;
 *   - a container (`{ group }`); `marker: true` marks an icon that names the box it sits on (the
 *     legacy VPC icon at a rectangle's corner);
 *   - DECORATION: drawn detail (isometric arrows) that is no resource at all.
 * test/drawio/mapping.test.ts checks that every target exists in the catalogue.
 */

export type GroupKind = 'vpc' | 'subnet' | 'sg' | 'asg' | 'zone' | 'region' | 'cloud' | 'area';
export type IconSet = 'aws' | 'aws2' | 'azure' | 'fa';

export type ShapeTarget =
  | string
  | { type: string; props: Readonly<Record<string, string | number | boolean>> }
  | { icon: readonly [IconSet, string] }
  | { group: GroupKind; marker?: true }
  | { decoration: true };

export const DECORATION = { decoration: true } as const;

const t = (type: string, props: Record<string, string | number | boolean>): ShapeTarget => ({ type, props });
const aws = (name: string): ShapeTarget => ({ icon: ['aws', name] });
const az = (name: string): ShapeTarget => ({ icon: ['azure', name] });
const fa = (name: string): ShapeTarget => ({ icon: ['fa', name] });
const ec2 = (family: string): ShapeTarget => t('ec2', { instanceType: family });
const elb = (elbType: 'application' | 'network' | 'classic'): ShapeTarget => t('elb', { elbType });
const rds = (props: Record<string, string>): ShapeTarget => t('rds', props);
const group = (kind: GroupKind): ShapeTarget => ({ group: kind });
const marker = (kind: GroupKind): ShapeTarget => ({ group: kind, marker: true });

export const SHAPES: Readonly<Record<string, ShapeTarget>> = {
  // ── AWS 2019+ (mxgraph.aws4): compute ──
  'aws4:ec2': 'ec2', 'aws4:instance': 'ec2', 'aws4:instance2': 'ec2', 'aws4:instances': 'ec2', 'aws4:instances_2': 'ec2',
  'aws4:optimized_instance': 'ec2', 'aws4:spot_instance': 'ec2', 'aws4:ec2_instance_with_cloudwatch': 'ec2',
  'aws4:t2_instance': ec2('t2'), 'aws4:t3_instance': ec2('t3'), 'aws4:t3a_instance': ec2('t3a'), 'aws4:t4g_instance': ec2('t4g'),
  'aws4:m4_instance': ec2('m4'), 'aws4:m5_instance': ec2('m5'), 'aws4:m5a_instance': ec2('m5a'), 'aws4:m6g_instance': ec2('m6g'),
  'aws4:c4_instance': ec2('c4'), 'aws4:c5_instance': ec2('c5'), 'aws4:r4_instance': ec2('r4'), 'aws4:r5_instance': ec2('r5'),
  'aws4:lambda': 'lambda', 'aws4:lambda_function': 'lambda', 'aws4:lambda_lambda_function': 'lambda',
  'aws4:auto_scaling2': marker('asg'), 'aws4:auto_scaling': marker('asg'), 'aws4:ec2_auto_scaling': marker('asg'),
  'aws4:ecs': 'ecscluster', 'aws4:elastic_container_service': 'ecscluster', 'aws4:ecs_service': 'ecsservice',
  'aws4:ecs_task': 'ecstask', 'aws4:fargate': t('ecstask', { launchType: 'fargate' }),
  'aws4:eks': 'ekscluster', 'aws4:elastic_kubernetes_service': 'ekscluster', 'aws4:ecr': 'ecr',
  'aws4:elastic_container_registry': 'ecr', 'aws4:ecr_registry': 'ecr',
  'aws4:elastic_beanstalk': aws('elastic-beanstalk'), 'aws4:batch': aws('batch'), 'aws4:lightsail': aws('lightsail'),
  'aws4:outposts': aws('outposts'), 'aws4:ami': aws('ami'),
  // networking and content delivery
  'aws4:elastic_load_balancing': 'elb', 'aws4:application_load_balancer': elb('application'),
  'aws4:network_load_balancer': elb('network'), 'aws4:classic_load_balancer': elb('classic'), 'aws4:gateway_load_balancer': 'elb',
  'aws4:cloudfront': 'cloudfront', 'aws4:route_53': 'r53', 'aws4:route_53_hosted_zone': 'r53', 'aws4:hosted_zone': 'r53',
  'aws4:api_gateway': 'apigateway', 'aws4:endpoint': 'apigateway',
  'aws4:vpc': marker('vpc'), 'aws4:virtual_private_cloud': marker('vpc'),
  'aws4:internet_gateway': 'internetgateway', 'aws4:nat_gateway': 'natgateway', 'aws4:vpn_gateway': 'vpngateway',
  'aws4:customer_gateway': 'customergateway', 'aws4:transit_gateway': 'transitgateway',
  'aws4:transit_gateway_attachment': 'transitgateway', 'aws4:endpoints': 'vpcendpoint', 'aws4:vpc_endpoints': 'vpcendpoint',
  'aws4:privatelink': 'vpcendpoint', 'aws4:direct_connect': 'dxconnection', 'aws4:vpn_connection': 'vpngateway',
  'aws4:elastic_network_interface': aws('elastic-network-interface'), 'aws4:elastic_ip_address': aws('elastic-ip'),
  'aws4:route_table': aws('route-table'), 'aws4:network_access_control_list': aws('network-acl'),
  'aws4:flow_logs': aws('flow-logs'), 'aws4:router': aws('router'), 'aws4:peering': aws('vpc-peering'),
  'aws4:global_accelerator': aws('global-accelerator'), 'aws4:app_mesh': aws('app-mesh'), 'aws4:cloud_map': aws('cloud-map'),
  // storage
  'aws4:s3': 's3', 'aws4:simple_storage_service': 's3', 'aws4:bucket': 's3', 'aws4:bucket_with_objects': 's3',
  'aws4:glacier': 'glaciervault', 'aws4:s3_glacier': 'glaciervault', 'aws4:vault': 'glaciervault',
  'aws4:efs': 'efs', 'aws4:elastic_file_system': 'efs', 'aws4:fsx': 'fsx',
  'aws4:fsx_for_lustre': t('fsx', { fileSystemType: 'lustre' }), 'aws4:fsx_for_windows_file_server': t('fsx', { fileSystemType: 'windows' }),
  'aws4:elastic_block_store': 'ebs', 'aws4:volume': 'ebs', 'aws4:snapshot': aws('ebs-snapshot'), 'aws4:backup': aws('backup'),
  'aws4:storage_gateway': aws('storage-gateway'), 'aws4:snowball': aws('snowball'),
  // database
  'aws4:rds': 'rds', 'aws4:relational_database_service': 'rds', 'aws4:rds_instance': 'rds', 'aws4:aurora': 'rds',
  'aws4:aurora_instance': 'rds', 'aws4:database': 'rds', 'aws4:rds_mysql_instance': rds({ engine: 'mysql' }),
  'aws4:rds_postgresql_instance': rds({ engine: 'postgresql' }), 'aws4:rds_mariadb_instance': rds({ engine: 'mariadb' }),
  'aws4:rds_oracle_instance': rds({ engine: 'oracle' }), 'aws4:rds_sql_server_instance': 'rds',
  'aws4:rds_proxy': aws('rds-proxy'), 'aws4:dynamodb': 'dynamodb', 'aws4:dynamodb_table': 'dynamodb',
  'aws4:elasticache': 'elasticache', 'aws4:elasticache_for_redis': t('elasticache', { engine: 'redis' }),
  'aws4:elasticache_for_memcached': t('elasticache', { engine: 'memcached' }), 'aws4:cache_node': 'elasticache',
  'aws4:documentdb_with_mongodb_compatibility': 'docdb', 'aws4:neptune': 'neptune', 'aws4:keyspaces': 'keyspaces',
  'aws4:managed_apache_cassandra_service': 'keyspaces', 'aws4:timestream': 'timestream', 'aws4:redshift': 'redshift',
  'aws4:quantum_ledger_database': aws('qldb'), 'aws4:generic_database': fa('database'),
  // analytics
  'aws4:kinesis': 'kinesisstream', 'aws4:kinesis_data_streams': 'kinesisstream',
  'aws4:kinesis_data_firehose': aws('kinesis-firehose'), 'aws4:kinesis_data_analytics': aws('kinesis-analytics'),
  'aws4:kinesis_video_streams': aws('kinesis-video-streams'), 'aws4:elasticsearch_service': 'es', 'aws4:opensearch_service': 'es',
  'aws4:athena': aws('athena'), 'aws4:emr': aws('emr'), 'aws4:glue': aws('glue'), 'aws4:quicksight': aws('quicksight'),
  'aws4:lake_formation': aws('lake-formation'), 'aws4:data_pipeline': aws('data-pipeline'),
  'aws4:managed_streaming_for_kafka': aws('msk'),
  // application integration
  'aws4:sqs': 'sqs', 'aws4:simple_queue_service': 'sqs', 'aws4:queue': 'sqs',
  'aws4:sns': 'snstopic', 'aws4:simple_notification_service': 'snstopic', 'aws4:topic': 'snstopic',
  'aws4:eventbridge': 'eventbus', 'aws4:eventbridge_custom_event_bus_resource': t('eventbus', { eventBusType: 'custom' }),
  'aws4:eventbridge_default_event_bus_resource': t('eventbus', { eventBusType: 'default' }),
  'aws4:step_functions': aws('step-functions'), 'aws4:mq': aws('mq'), 'aws4:appsync': aws('appsync'),
  'aws4:simple_email_service': 'ses', 'aws4:email_notification': aws('email-notification'),
  // security, identity, compliance
  'aws4:cognito': aws('cognito'), 'aws4:identity_and_access_management': aws('iam'), 'aws4:iam': aws('iam'),
  'aws4:role': aws('iam-role'), 'aws4:policy': aws('iam-policy'), 'aws4:permissions': aws('iam-permissions'),
  'aws4:key_management_service': aws('kms'), 'aws4:secrets_manager': aws('secrets-manager'),
  'aws4:certificate_manager': aws('certificate-manager'), 'aws4:certificate_manager_3': aws('certificate-manager'),
  'aws4:guardduty': aws('guardduty'), 'aws4:inspector': aws('inspector'), 'aws4:macie': aws('macie'),
  'aws4:security_hub': aws('security-hub'), 'aws4:waf': 'waf', 'aws4:shield': aws('shield'), 'aws4:shield2': aws('shield'),
  'aws4:directory_service': aws('directory-service'), 'aws4:single_sign_on': aws('sso'), 'aws4:encrypted_data': aws('encrypted-data'),
  'aws4:replication': aws('s3-replication'),
  // management, developer tools, machine learning, IoT, end-user
  'aws4:cloudwatch': aws('cloudwatch'), 'aws4:cloudwatch_2': aws('cloudwatch'), 'aws4:cloudtrail': aws('cloudtrail'),
  'aws4:cloudformation': aws('cloudformation'), 'aws4:config': aws('config'), 'aws4:systems_manager': aws('systems-manager'),
  'aws4:organizations': aws('organizations'), 'aws4:x_ray': aws('x-ray'), 'aws4:codecommit': aws('codecommit'),
  'aws4:codebuild': aws('codebuild'), 'aws4:codedeploy': aws('codedeploy'), 'aws4:codepipeline': aws('codepipeline'),
  'aws4:cloud9': aws('cloud9'), 'aws4:sagemaker': aws('sagemaker'), 'aws4:sagemaker_notebook': aws('sagemaker'),
  'aws4:comprehend': aws('comprehend'), 'aws4:rekognition': aws('rekognition'), 'aws4:polly': aws('polly'),
  'aws4:lex': aws('lex'), 'aws4:personalize': aws('personalize'), 'aws4:translate': aws('translate'),
  'aws4:transcribe': aws('transcribe'), 'aws4:textract': aws('textract'), 'aws4:bedrock': aws('bedrock'),
  'aws4:iot_core': aws('iot-core'), 'aws4:internet_of_things': aws('iot-core'), 'aws4:iot_analytics': aws('iot-analytics'),
  'aws4:iot_analytics_channel': aws('iot-analytics'), 'aws4:iot_analytics_pipeline': aws('iot-analytics'),
  'aws4:iot_greengrass': aws('greengrass'), 'aws4:rule': aws('iot-rule'), 'aws4:amplify': aws('amplify'),
  'aws4:pinpoint': aws('pinpoint'), 'aws4:general': aws('general'), 'aws4:marketplace': aws('marketplace'),
  'aws4:fleet_management': aws('iot-fleet'), 'aws4:echo': aws('echo'),
  // general resources: people, places and things
  'aws4:user': fa('user'), 'aws4:users': fa('users'), 'aws4:authenticated_user': fa('user-check'), 'aws4:client': fa('desktop'),
  'aws4:mobile_client': fa('mobile'), 'aws4:mobile': fa('mobile'), 'aws4:corporate_data_center': fa('building'),
  'aws4:office_building': fa('building'), 'aws4:traditional_server': fa('server'), 'aws4:servers': fa('server'),
  'aws4:internet': fa('globe'), 'aws4:internet_alt1': fa('globe'), 'aws4:internet_alt2': fa('globe'), 'aws4:globe': fa('globe'),
  'aws4:email_2': fa('envelope'), 'aws4:document': fa('file'), 'aws4:documents': fa('copy'), 'aws4:folder': fa('folder'),
  'aws4:gear': fa('cog'), 'aws4:ssl_padlock': fa('lock'), 'aws4:credentials': fa('key'), 'aws4:alert': fa('bell'),
  'aws4:chat': fa('comments'), 'aws4:camera2': fa('camera'), 'aws4:source_code': fa('code'), 'aws4:git_repository': fa('code-branch'),
  'aws4:external_sdk': fa('code'), 'aws4:external_toolkit': fa('wrench'), 'aws4:saml_token': fa('id-card'),
  'aws4:logs': fa('file-alt'), 'aws4:metrics': fa('chart-line'), 'aws4:thermostat': fa('thermometer-half'),
  'aws4:lightbulb': fa('lightbulb'), 'aws4:car': fa('car'), 'aws4:door_lock': fa('lock'), 'aws4:medical_emergency': fa('ambulance'),
  // groups (grIcon=); aws4's public/private subnet shapes use the group_security_group icon
  'aws4:group_aws_cloud': group('cloud'), 'aws4:group_aws_cloud_alt': group('cloud'), 'aws4:group_region': group('region'),
  'aws4:group_availability_zone': group('zone'), 'aws4:group_vpc': group('vpc'), 'aws4:group_vpc2': group('vpc'),
  'aws4:group_security_group': group('subnet'), 'aws4:group_auto_scaling_group': group('asg'), 'aws4:group_spot_fleet': group('area'),
  'aws4:group_elastic_beanstalk': group('area'), 'aws4:group_ec2_instance_contents': group('area'),
  'aws4:group_corporate_data_center': group('area'), 'aws4:group_on_premise': group('area'), 'aws4:group_account': group('area'),
  'aws4:group_aws_step_functions_workflow': group('area'), 'aws4:group_iot_greengrass': group('area'),
  'aws4:group_iot_greengrass_deployment': group('area'),

  // ── AWS legacy (mxgraph.aws3) ──
  'aws3:ec2': 'ec2', 'aws3:instance': 'ec2', 'aws3:instances': 'ec2', 'aws3:optimized_instance': 'ec2', 'aws3:spot_instance': 'ec2',
  'aws3:db_on_instance': 'ec2', 'aws3:instance_with_cloudwatch': 'ec2', 'aws3:ami': aws('ami'), 'aws3:lambda': 'lambda',
  'aws3:lambda_function': 'lambda', 'aws3:elastic_load_balancing': 'elb', 'aws3:classic_load_balancer': elb('classic'),
  'aws3:application_load_balancer': elb('application'), 'aws3:auto_scaling': marker('asg'), 'aws3:elastic_ip': aws('elastic-ip'),
  'aws3:elastic_beanstalk': aws('elastic-beanstalk'), 'aws3:ecs': 'ecscluster', 'aws3:ecr': 'ecr', 'aws3:endpoints': 'vpcendpoint',
  'aws3:elastic_network_interface': aws('elastic-network-interface'), 'aws3:internet_gateway': 'internetgateway',
  'aws3:customer_gateway': 'customergateway', 'aws3:vpn_gateway': 'vpngateway', 'aws3:vpn_connection': 'vpngateway',
  'aws3:flow_logs': aws('flow-logs'), 'aws3:lightsail': aws('lightsail'), 'aws3:worker': aws('swf-worker'), 'aws3:decider': aws('swf-decider'),
  'aws3:cloudfront': 'cloudfront', 'aws3:download_distribution': 'cloudfront', 'aws3:streaming_distribution': 'cloudfront',
  'aws3:edge_location': 'cloudfront', 'aws3:route_53': 'r53', 'aws3:hosted_zone': 'r53', 'aws3:route_table': aws('route-table'),
  'aws3:virtual_private_cloud': marker('vpc'), 'aws3:vpc_peering': aws('vpc-peering'), 'aws3:router': aws('router'),
  'aws3:direct_connect': 'dxconnection', 'aws3:nat_gateway': 'natgateway', 'aws3:api_gateway': 'apigateway',
  'aws3:s3': 's3', 'aws3:bucket': 's3', 'aws3:bucket_with_objects': 's3', 'aws3:glacier': 'glaciervault', 'aws3:vault': 'glaciervault',
  'aws3:archive': 'glaciervault', 'aws3:efs': 'efs', 'aws3:volume': 'ebs', 'aws3:snapshot': aws('ebs-snapshot'),
  'aws3:storage_gateway': aws('storage-gateway'), 'aws3:import_export': aws('snowball'), 'aws3:snowball': aws('snowball'),
  'aws3:rds': 'rds', 'aws3:rds_db_instance': 'rds', 'aws3:rds_db_instance_read_replica': rds({ role: 'readReplica' }),
  'aws3:rds_db_instance_standby_multi_az': rds({ role: 'standby' }), 'aws3:aurora': 'rds', 'aws3:mysql_db_instance': rds({ engine: 'mysql' }),
  'aws3:postgre_sql_instance': rds({ engine: 'postgresql' }), 'aws3:oracle_db_instance': rds({ engine: 'oracle' }),
  'aws3:ms_sql_instance': 'rds', 'aws3:sql_master': rds({ role: 'primary' }), 'aws3:sql_slave': rds({ role: 'readReplica' }),
  'aws3:dynamo_db': 'dynamodb', 'aws3:table': 'dynamodb', 'aws3:elasticache': 'elasticache',
  'aws3:memcached': t('elasticache', { engine: 'memcached' }), 'aws3:redis': t('elasticache', { engine: 'redis' }),
  'aws3:cache_node': 'elasticache', 'aws3:redshift': 'redshift', 'aws3:dense_compute_node': 'redshift', 'aws3:dense_storage_node': 'redshift',
  'aws3:database_migration_service': aws('dms'), 'aws3:athena': aws('athena'), 'aws3:emr': aws('emr'), 'aws3:emr_cluster': aws('emr'),
  'aws3:emr_engine': aws('emr'), 'aws3:glue': aws('glue'), 'aws3:data_pipeline': aws('data-pipeline'), 'aws3:quicksight': aws('quicksight'),
  'aws3:cloudsearch': aws('cloudsearch'), 'aws3:search_documents': aws('cloudsearch'), 'aws3:elasticsearch_service': 'es',
  'aws3:kinesis': 'kinesisstream', 'aws3:kinesis_streams': 'kinesisstream', 'aws3:kinesis_firehose': aws('kinesis-firehose'),
  'aws3:kinesis_analytics': aws('kinesis-analytics'), 'aws3:step_functions': aws('step-functions'), 'aws3:swf': aws('swf'),
  'aws3:elastic_transcoder': aws('elastic-transcoder'), 'aws3:sqs': 'sqs', 'aws3:queue': 'sqs', 'aws3:sns': 'snstopic',
  'aws3:topic': 'snstopic', 'aws3:email_notification': aws('email-notification'), 'aws3:http_notification': aws('http-notification'),
  'aws3:ses': 'ses', 'aws3:email': 'ses', 'aws3:iam': aws('iam'), 'aws3:role': aws('iam-role'), 'aws3:policy': aws('iam-policy'),
  'aws3:permissions': aws('iam-permissions'), 'aws3:sts': aws('sts'), 'aws3:kms': aws('kms'), 'aws3:waf': 'waf',
  'aws3:filtering_rule': 'waf', 'aws3:shield': aws('shield'), 'aws3:cognito': aws('cognito'),
  'aws3:certificate_manager': aws('certificate-manager'), 'aws3:cloudhsm': aws('cloudhsm'),
  'aws3:directory_service': aws('directory-service'), 'aws3:inspector': aws('inspector'), 'aws3:organizations': aws('organizations'),
  'aws3:cloudwatch': aws('cloudwatch'), 'aws3:alarm': aws('cloudwatch-alarm'), 'aws3:cloudtrail': aws('cloudtrail'),
  'aws3:cloudformation': aws('cloudformation'), 'aws3:template': aws('cloudformation'), 'aws3:stack': aws('cloudformation'),
  'aws3:config': aws('config'), 'aws3:opsworks': aws('opsworks'), 'aws3:lex': aws('lex'), 'aws3:polly': aws('polly'),
  'aws3:rekognition': aws('rekognition'), 'aws3:machine_learning': aws('machine-learning'),
  'aws3:users': fa('users'), 'aws3:user': fa('user'), 'aws3:internet': fa('globe'), 'aws3:internet_2': fa('globe'),
  'aws3:internet_3': fa('globe'), 'aws3:client': fa('desktop'), 'aws3:mobile_client': fa('mobile'),
  'aws3:traditional_server': fa('server'), 'aws3:corporate_data_center': fa('building'), 'aws3:office_building': fa('building'),
  'aws3:generic_database': fa('database'), 'aws3:cloud': marker('cloud'),

  // ── AWS isometric (mxgraph.aws3d) ──
  'aws3d:ami': aws('ami'), 'aws3d:ami2': aws('ami'), 'aws3d:application': fa('cube'), 'aws3d:application2': fa('cube'),
  'aws3d:application_server': 'ec2', 'aws3d:instance': 'ec2', 'aws3d:client': fa('desktop'), 'aws3d:cloudfront': 'cloudfront',
  'aws3d:customerGateway': 'customergateway', 'aws3d:dataCenter': fa('building'), 'aws3d:dataServer': fa('server'),
  'aws3d:decider': aws('swf-decider'), 'aws3d:dynamoDb': 'dynamodb', 'aws3d:ebs': 'ebs', 'aws3d:ebs2': 'ebs',
  'aws3d:elasticBeanstalk': aws('elastic-beanstalk'), 'aws3d:elasticLoadBalancing': 'elb', 'aws3d:elasticMapReduce': aws('emr'),
  'aws3d:email': fa('envelope'), 'aws3d:email_service': 'ses', 'aws3d:file': fa('file'), 'aws3d:glacier': 'glaciervault',
  'aws3d:image': fa('image'), 'aws3d:internetGateway': 'internetgateway', 'aws3d:lambda': 'lambda', 'aws3d:mobile_worker': fa('mobile'),
  'aws3d:oracleDataCenter': fa('building'), 'aws3d:oracleDbServer': rds({ engine: 'oracle' }), 'aws3d:oracleServer': fa('server'),
  'aws3d:rds': 'rds', 'aws3d:rdsMaster': rds({ role: 'primary' }), 'aws3d:rdsSlave': rds({ role: 'readReplica' }),
  'aws3d:redshift': 'redshift', 'aws3d:route53': 'r53', 'aws3d:s3': 's3', 'aws3d:s3Bucket': 's3', 'aws3d:searchEngine': aws('cloudsearch'),
  'aws3d:securityTokenService': aws('sts'), 'aws3d:simpleDb': aws('simpledb'), 'aws3d:simpleDb2': aws('simpledb'),
  'aws3d:snapshot': aws('ebs-snapshot'), 'aws3d:sqs': 'sqs', 'aws3d:end_user': fa('user'), 'aws3d:vpcGateway': 'vpngateway',
  'aws3d:worker': aws('swf-worker'), 'aws3d:workflowService': aws('swf'),
  // isometric arrows and connectors drawn as shapes
  'aws3d:arrowNE': DECORATION, 'aws3d:arrowSE': DECORATION, 'aws3d:arrowSW': DECORATION, 'aws3d:arrowNW': DECORATION,
  'aws3d:arrowlessNE': DECORATION, 'aws3d:dashedEdgeDouble': DECORATION, 'aws3d:dashedArrowlessEdge': DECORATION,
  'aws3d:dashedEdge': DECORATION, 'aws3d:flatEdge': DECORATION, 'aws3d:flatDoubleEdge': DECORATION, 'aws3d:arrowhead': DECORATION,
  'aws3d:edge': DECORATION, 'aws3d:reference': DECORATION, 'aws3d:spot': DECORATION, 'aws3d:secureConnection': DECORATION,

  // ── Azure (mxgraph.azure.*) ──
  'azure:virtual_machine': 'azurevm', 'azure:azure_instance': 'azurevm', 'azure:worker_role': 'azurevm', 'azure:worker_roles': 'azurevm',
  'azure:cloud_service': 'azurewebapp', 'azure:web_role': 'azurewebapp', 'azure:web_roles': 'azurewebapp',
  'azure:azure_website': 'azurewebapp', 'azure:website_generic': 'azurewebapp', 'azure:mysql_database': 'azuremysql',
  'azure:sql_database': az('sql-database'), 'azure:sql_database_sql_azure': az('sql-database'), 'azure:database': az('sql-database'),
  'azure:storage': 'azureblob', 'azure:storage_blob': 'azureblob', 'azure:storage_table': 'azuretable', 'azure:storage_queue': 'azurequeue',
  'azure:azure_load_balancer': 'azurelb', 'azure:load_balancer_generic': 'azurelb', 'azure:azure_cache': 'azureredis',
  'azure:service_bus': 'azuresbnamespace', 'azure:service_bus_queues': 'azuresbqueue',
  'azure:service_bus_topics_and_subscriptions': 'azuresbtopic', 'azure:express_route': t('azurevngw', { gatewayType: 'ExpressRoute' }),
  'azure:traffic_manager': az('traffic-manager'), 'azure:content_delivery_network': az('cdn'),
  'azure:azure_active_directory': az('active-directory'), 'azure:hdinsight': az('hdinsight'), 'azure:notification_hub': az('notification-hubs'),
  'azure:scheduler': az('scheduler'), 'azure:automation': az('automation'), 'azure:backup_service': az('backup'),
  'azure:virtual_network': marker('area'), 'azure:user': fa('user'), 'azure:computer': fa('desktop'), 'azure:laptop': fa('laptop'),
  'azure:tablet': fa('tablet'), 'azure:mobile': fa('mobile'), 'azure:server': fa('server'), 'azure:cloud': marker('cloud'),

  // ── Azure 2019+ images (img/lib/azure2/<category>/<Name>.svg) ──
  'azure2:virtual_machine': 'azurevm', 'azure2:vm_scale_sets': 'azurevm', 'azure2:virtual_machine_scale_set': 'azurevm',
  'azure2:app_services': 'azurewebapp', 'azure2:function_apps': 'azurefunctionapp', 'azure2:kubernetes_services': 'azureakscluster',
  'azure2:container_instances': az('container-instances'), 'azure2:container_registries': az('container-registry'),
  'azure2:storage_accounts': 'azureblob', 'azure2:blob_block': 'azureblob', 'azure2:storage_queue': 'azurequeue',
  'azure2:table': 'azuretable', 'azure2:azure_file': 'azurefiles', 'azure2:disks': 'azuredisk',
  'azure2:load_balancers': 'azurelb', 'azure2:application_gateways': 'azureappgw', 'azure2:virtual_network_gateways': 'azurevngw',
  'azure2:bastions': 'azurebastion', 'azure2:api_management_services': 'azureapimanagement', 'azure2:service_bus': 'azuresbnamespace',
  'azure2:azure_cosmos_db': 'azurecosmosdb', 'azure2:azure_database_mysql_server': 'azuremysql',
  'azure2:azure_database_postgresql_server': 'azurepostgresql', 'azure2:cache_redis': 'azureredis',
  'azure2:sql_database': az('sql-database'), 'azure2:sql_server': az('sql-server'), 'azure2:front_doors': az('front-door'),
  'azure2:cdn_profiles': az('cdn'), 'azure2:dns_zones': az('dns'), 'azure2:key_vaults': az('key-vault'),
  'azure2:event_hubs': az('event-hubs'), 'azure2:event_grid_topics': az('event-grid'), 'azure2:logic_apps': az('logic-apps'),
  'azure2:application_insights': az('application-insights'), 'azure2:log_analytics_workspaces': az('log-analytics'),
  'azure2:monitor': az('monitor'), 'azure2:firewalls': az('firewall'), 'azure2:network_security_groups': az('network-security-group'),
  'azure2:public_ip_addresses': az('public-ip'), 'azure2:network_interfaces': az('network-interface'),
  'azure2:traffic_manager_profiles': az('traffic-manager'), 'azure2:expressroute_circuits': t('azurevngw', { gatewayType: 'ExpressRoute' }),
  'azure2:azure_active_directory': az('active-directory'), 'azure2:virtual_networks': marker('area'),
  'azure2:resource_groups': marker('area'), 'azure2:subscriptions': az('subscription'),

  // ── Microsoft Cloud & Enterprise images (img/lib/mscae/<Name>.svg) ──
  'mscae:virtual_machine': 'azurevm', 'mscae:app_services': 'azurewebapp', 'mscae:functions': 'azurefunctionapp',
  'mscae:kubernetes_services': 'azureakscluster', 'mscae:cosmos_db': 'azurecosmosdb', 'mscae:cache_redis_product': 'azureredis',
  'mscae:load_balancer_feature': 'azurelb', 'mscae:service_bus': 'azuresbnamespace', 'mscae:blobblock': 'azureblob',
};
