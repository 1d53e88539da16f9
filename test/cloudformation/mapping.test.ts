/** Table-driven: resource type + properties → Cloudcraft component and fields (only enum values). */
import { describe, expect, it } from 'vitest';
import { TYPE_RULES } from '../../converters/cloudformation/map/types.js';
import { componentSpec, sanitizeProps } from '../../src/catalog/index.js';
import { convertCfn, view } from './helpers.js';

function one(type: string, props: string, extra = '') {
  const text = `Resources:\n  Subject:\n    Type: ${type}\n${props ? `    Properties: ${props}\n` : ''}${extra}`;
  return view(convertCfn(text));
}

describe('property → field rules', () => {
  const rows: [string, string, string, Record<string, unknown>][] = [
    ['AWS::EC2::Instance', '{ InstanceType: m5.large }', 'ec2', { instanceType: 'm5', instanceSize: 'large' }],
    ['AWS::EC2::Instance', '{ InstanceType: t3.micro, ImageId: /aws/service/ami-windows-latest/Windows_Server-2022 }', 'ec2', { instanceType: 't3', instanceSize: 'micro', platform: 'mswin' }],
    ['AWS::EC2::Instance', '{ InstanceType: c5.large, InstanceMarketOptions: { MarketType: spot } }', 'ec2', { billingOptions: { type: 'si', utilization: 1 } }],
    ['AWS::EC2::Instance', '{ InstanceType: m7g.large }', 'ec2', {}], // m7g is not in Cloudcraft's enum: left at the default
    ['AWS::Lambda::Function', '{ MemorySize: 2048, Architectures: [arm64] }', 'lambda', { memory: 2048, architecture: 'arm64' }],
    ['AWS::Serverless::Function', '{ MemorySize: "512" }', 'lambda', { memory: 512 }],
    ['AWS::DynamoDB::Table', '{ BillingMode: PAY_PER_REQUEST, TableClass: STANDARD_INFREQUENT_ACCESS }', 'dynamodb', { capacityMode: 'on-demand', tableClass: 'standardInfrequentAccess' }],
    ['AWS::DynamoDB::Table', '{ ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: "4" } }', 'dynamodb', { capacityMode: 'provisioned', readUnits: 10, writeUnits: 4 }],
    ['AWS::Serverless::SimpleTable', '{}', 'dynamodb', { capacityMode: 'on-demand' }],
    ['AWS::SQS::Queue', '{ FifoQueue: true }', 'sqs', { queueType: 'fifo' }],
    ['AWS::SQS::Queue', '', 'sqs', { queueType: 'standard' }],
    ['AWS::SNS::Topic', '', 'snstopic', {}],
    ['AWS::SNS::Subscription', '{ Protocol: email-json, Endpoint: a@example.com, TopicArn: arn:aws:sns:us-east-1:1:t }', 'snssubscriptions', { notificationType: 'emil-json' }],
    ['AWS::SNS::Subscription', '{ Protocol: application, Endpoint: arn:x }', 'snssubscriptions', { notificationType: 'mobile' }],
    ['AWS::ElasticLoadBalancingV2::LoadBalancer', '{ Type: network }', 'elb', { elbType: 'network' }],
    ['AWS::ElasticLoadBalancingV2::LoadBalancer', '{}', 'elb', { elbType: 'application' }],
    ['AWS::ElasticLoadBalancing::LoadBalancer', '{}', 'elb', { elbType: 'classic' }],
    ['AWS::RDS::DBInstance', '{ DBInstanceClass: db.r6g.xlarge, Engine: postgres, MultiAZ: "true" }', 'rds', { instanceType: 'r6g', instanceSize: 'xlarge', engine: 'postgresql', multiAZ: true, role: 'primary' }],
    ['AWS::RDS::DBInstance', '{ DBInstanceClass: db.t3.micro, Engine: oracle-se2 }', 'rds', { engine: 'oracle', role: 'primary' }],
    ['AWS::RDS::DBInstance', '{ Engine: aurora, SourceDBInstanceIdentifier: arn:aws:rds:x }', 'rds', { engine: 'aurora-mysql', role: 'readReplica' }],
    ['AWS::RDS::DBInstance', '{ Engine: db2-se }', 'rds', { engine: 'none' }],
    ['AWS::RDS::DBCluster', '{ Engine: aurora-postgresql, ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 8 } }', 'rds', { engine: 'aurora-postgresql', role: 'serverless', minimumCapacityUnit: 0.5, maximumCapacityUnit: 8 }],
    ['AWS::ElastiCache::CacheCluster', '{ Engine: memcached, CacheNodeType: cache.m5.large }', 'elasticache', { engine: 'memcached', instanceType: 'm5', instanceSize: 'large' }],
    ['AWS::ElastiCache::ReplicationGroup', '{ CacheNodeType: cache.r6g.large }', 'elasticache', { engine: 'redis', instanceType: 'r6g', instanceSize: 'large' }],
    ['AWS::Kinesis::Stream', '{ ShardCount: 4, RetentionPeriodHours: 48 }', 'kinesisstream', { shards: 4, extendedRetention: true }],
    ['AWS::EFS::FileSystem', '{ ThroughputMode: provisioned, ProvisionedThroughputInMibps: 64 }', 'efs', { throughputMode: 'provisioned', throughput: 64 }],
    ['AWS::EFS::FileSystem', '{ ThroughputMode: elastic }', 'efs', { throughputMode: 'bursting' }],
    ['AWS::WAFv2::WebACL', '{ Rules: [{ Name: a }, { Name: b }] }', 'waf', { aclCount: 1, ruleCount: 2 }],
    ['AWS::ECR::Repository', '', 'ecr', { private: true }],
    ['AWS::ECR::PublicRepository', '', 'ecr', { private: false }],
    ['AWS::EC2::Volume', '{ VolumeType: standard, Size: 200, Iops: 100 }', 'ebs', { volume: 'magnetic', storage: 200, iops: 100 }],
    ['AWS::EC2::VPCEndpoint', '{ VpcEndpointType: Interface }', 'vpcendpoint', { endpointType: 'interface' }],
    ['AWS::Events::EventBus', '{ Name: orders }', 'eventbus', { eventBusType: 'custom' }],
    ['AWS::ApiGateway::RestApi', '{}', 'apigateway', { apiType: 'rest', cache: 0 }],
    ['AWS::ApiGatewayV2::Api', '{ ProtocolType: WEBSOCKET }', 'apigateway', { apiType: 'websocket' }],
    ['AWS::Serverless::HttpApi', '{}', 'apigateway', { apiType: 'http' }],
    ['AWS::Serverless::Api', '{ CacheClusterEnabled: true, CacheClusterSize: "6.1" }', 'apigateway', { apiType: 'rest', cache: 6.1 }],
    ['AWS::OpenSearchService::Domain', '{ ClusterConfig: { InstanceType: r5.large.search, InstanceCount: 3 } }', 'es', { instanceType: 'r5', instanceSize: 'large', instanceCount: 3, role: 'data' }],
    ['AWS::Redshift::Cluster', '{ NodeType: ra3.xlplus, NumberOfNodes: 2 }', 'redshift', { instanceType: 'ra3', instanceSize: 'xlplus', nodeCount: 2 }],
    ['AWS::FSx::FileSystem', '{ FileSystemType: WINDOWS, StorageType: SSD, StorageCapacity: 32, WindowsConfiguration: { ThroughputCapacity: 16, DeploymentType: MULTI_AZ_1 } }', 'fsx', { fileSystemType: 'windows', storageType: 'ssd', storageCapacity: 32, throughputCapacity: 16, multiAZ: true }],
    ['AWS::ECS::TaskDefinition', '{ RequiresCompatibilities: [FARGATE], Cpu: "512", Memory: "1024" }', 'ecstask', { launchType: 'fargate', cpu: 512, memoryGB: 1 }],
    ['AWS::ECS::Cluster', '', 'ecscluster', { name: 'Subject' }],
    ['AWS::EKS::Cluster', '{ ResourcesVpcConfig: {} }', 'ekscluster', { name: 'Subject' }],
    ['AWS::CloudFront::Distribution', '{}', 'cloudfront', {}],
    ['AWS::Route53::HostedZone', '{}', 'r53', {}],
    ['AWS::StepFunctions::StateMachine', '{}', 'icon', { iconSet: 'fa', name: 'sitemap' }],
    ['AWS::Cognito::UserPool', '{}', 'icon', { iconSet: 'fa', name: 'users' }],
    ['AWS::DocDB::DBInstance', '{ DBInstanceClass: db.r5.large }', 'docdb', { instanceType: 'r5', instanceSize: 'large', role: 'writer' }],
    ['AWS::Neptune::DBInstance', '{ DBInstanceClass: db.r6g.large }', 'neptune', { instanceType: 'r6g', instanceSize: 'large', role: 'writer' }],
    ['AWS::Glacier::Vault', '{ VaultName: archive }', 'glaciervault', {}],
  ];
  it.each(rows)('%s %s → %s', (type, props, cc, fields) => {
    const v = one(type, props);
    const r = v.resource('Subject');
    expect(r.ccType).toBe(cc);
    expect(r.sourceType).toBe(type);
    expect(r.props).toMatchObject(fields);
    // Only values Cloudcraft knows reach the graph.
    expect(sanitizeProps(cc, r.props).dropped).toEqual([]);
  });

  it('every drawn type in the table is a real Cloudcraft component', () => {
    for (const [type, rule] of Object.entries(TYPE_RULES)) {
      if (rule.cc) expect(componentSpec(rule.cc), type).toBeDefined();
    }
  });

  it('an Aurora cluster is drawn as its instances: first one writer, others readers, engine from the cluster', () => {
    const v = view(convertCfn(`Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: aurora-mysql }
  One:
    Type: AWS::RDS::DBInstance
    Properties: { DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r5.large }
  Two:
    Type: AWS::RDS::DBInstance
    Properties: { DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r5.large }
`));
    expect(v.resource('One').props).toMatchObject({ engine: 'aurora-mysql', role: 'primary' });
    expect(v.resource('Two').props).toMatchObject({ engine: 'aurora-mysql', role: 'readReplica' });
    expect(v.omitted('Cluster')).toMatchObject({ reason: 'folded' });
  });

  it('a task definition run by a Fargate service is a Fargate task', () => {
    const v = view(convertCfn('Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { Cpu: "256", Memory: "512" }\n  S:\n    Type: AWS::ECS::Service\n    Properties: { LaunchType: FARGATE, TaskDefinition: !Ref T }\n'));
    expect(v.resource('T').props).toEqual({ launchType: 'fargate', cpu: 256, memoryGB: 0.5 });
  });

  it('a transit gateway counts its attachments (those whose condition holds) as connections', () => {
    const v = view(convertCfn(`Conditions:
  Never: !Equals [a, b]
Resources:
  Tgw:
    Type: AWS::EC2::TransitGateway
  A:
    Type: AWS::EC2::TransitGatewayAttachment
    Properties: { TransitGatewayId: !Ref Tgw, VpcId: vpc-1, SubnetIds: [subnet-1] }
  B:
    Type: AWS::EC2::TransitGatewayVpcAttachment
    Properties: { TransitGatewayId: !Ref Tgw, VpcId: vpc-2, SubnetIds: [subnet-2] }
  C:
    Type: AWS::EC2::TransitGatewayAttachment
    Condition: Never
    Properties: { TransitGatewayId: !Ref Tgw, VpcId: vpc-3, SubnetIds: [subnet-3] }
`));
    expect(v.resource('Tgw').props).toEqual({ connections: 2 });
  });

  it('a Stage that enables caching sets the REST API cache size', () => {
    const v = view(convertCfn(`Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, CacheClusterEnabled: true, CacheClusterSize: "13.5" }
`));
    expect(v.resource('Api').props).toMatchObject({ apiType: 'rest', cache: 13.5 });
  });

  it('security group rules (inline and standalone) become inbound/outbound rules', () => {
    const v = view(convertCfn(`Resources:
  Lb:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: lb }
  App:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 8000, ToPort: 8080, SourceSecurityGroupId: !Ref Lb, Description: from lb }
      SecurityGroupEgress:
        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !Ref App, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }
`));
    expect(v.resource('App').props).toEqual({
      name: 'App',
      inboundRules: [
        { portRange: '8000-8080', protocol: 'tcp', target: v.resource('Lb').id, targetType: 'sg', description: 'from lb', hidden: false },
        { portRange: '22', protocol: 'tcp', target: '10.0.0.0/8', targetType: 'ip', hidden: false },
      ],
      outboundRules: [{ portRange: '0-65535', protocol: 'all', target: '0.0.0.0/0', targetType: 'ip', hidden: false }],
    });
    expect(v.omitted('Ssh')).toMatchObject({ reason: 'folded' });
  });
});

describe('resources without a component (the documented rule)', () => {
  const rows: [string, string, string][] = [
    ['AWS::IAM::Role', '', 'folded'],
    ['AWS::IAM::ManagedPolicy', '', 'folded'],
    ['AWS::Lambda::Permission', '', 'folded'],
    ['AWS::Lambda::EventSourceMapping', '', 'folded'],
    ['AWS::ElasticLoadBalancingV2::TargetGroup', '', 'folded'],
    ['AWS::ElasticLoadBalancingV2::Listener', '', 'folded'],
    ['AWS::Events::Rule', '', 'folded'],
    ['AWS::ApiGateway::Method', '', 'folded'],
    ['AWS::EC2::RouteTable', '', 'folded'],
    ['AWS::EC2::VPCGatewayAttachment', '', 'folded'],
    ['AWS::SNS::Subscription', '', 'folded'],
    ['AWS::ApiGatewayV2::ApiMapping', '', 'folded'],
    ['AWS::ApiGateway::BasePathMappingV2', '', 'folded'],
    ['AWS::AutoScaling::WarmPool', '', 'folded'],
    ['AWS::EC2::PrefixList', '', 'folded'],
    ['AWS::EC2::KeyPair', '', 'folded'],
    ['AWS::Logs::LogGroup', '', 'no-component'],
    ['AWS::CloudWatch::Alarm', '', 'no-component'],
    ['AWS::KMS::Key', '', 'no-component'],
    ['AWS::SSM::Parameter', '', 'no-component'],
    ['AWS::CDK::Metadata', '', 'unsupported'],
    ['AWS::CloudFormation::WaitConditionHandle', '', 'unsupported'],
    ['Custom::Thing', '', 'unsupported'],
    ['AWS::CloudFormation::CustomResource', '', 'unsupported'],
  ];
  it.each(rows)('%s → %s', (type, props, reason) => {
    const extra = type === 'AWS::SNS::Subscription'
      ? '    Properties: { TopicArn: !Ref T, Endpoint: !GetAtt Q.Arn, Protocol: sqs }\n  T:\n    Type: AWS::SNS::Topic\n  Q:\n    Type: AWS::SQS::Queue\n' : '';
    const v = one(type, props, extra);
    expect(v.has('Subject')).toBe(false);
    const o = v.omitted('Subject');
    expect(o).toMatchObject({ reason, sourceType: type, location: { file: 'template.yaml', line: 2, column: 3 } });
    expect(o!.detail).toBeTruthy();
  });
});
