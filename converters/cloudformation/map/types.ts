/**
 * The type table: what every CloudFormation/SAM resource type becomes. Data, not code; a
 * correction is one row. The documented rule for types without a Cloudcraft component:
 * - fold: resources that exist to connect others (IAM, permissions, policies, subscriptions,
 *   listeners, target groups, rules, integrations, routes, attachments, custom resources). They
 *   are not drawn; edges through them become direct edges (src/graph/normalize.ts foldEdges).
 * - icon: a few services readers expect to see (state machines, user pools, nested stacks we
 *   could not open) are drawn as Font Awesome `icon`s with their name as label.
 * - omit: everything else (log groups, alarms, keys, parameters, …), reported as `no-component`;
 *   CDK/CloudFormation bookkeeping and custom resources (deploy-time code whose result we cannot
 *   know) are reported as `unsupported`.
 */
import type { Entries, Entry } from './entries.js';
import * as f from './fields.js';
import type { FieldRule } from './fields.js';
import { get } from './read.js';

export interface TypeRule {
  /** Drawn as this Cloudcraft component. */
  cc?: string;
  fields?: FieldRule;
  /** Drawn as an `icon` (Font Awesome name). */
  icon?: string;
  /** Folded into edges; the text says what it connects. */
  fold?: string;
  /** Network plumbing: folded, and its own references draw no edges. */
  plumbing?: true;
  /** Not infrastructure: omitted as `unsupported`. */
  bookkeeping?: true;
  /** Why, when the type alone does not say it. */
  detail?: string;
  /** A custom resource: what it creates is up to its provider's code, so it is omitted as `unsupported`. */
  custom?: true;
  /** Decided per resource. */
  choose?: (e: Entry, entries: Entries) => TypeRule;
}

const FOLD_IAM = { fold: 'IAM: access becomes edges between the resources it links' };
const FOLD_NET: TypeRule = { fold: 'network plumbing: shown by containment and subnet tiers', plumbing: true };
const FOLD_LINK = { fold: 'connects resources: drawn as edges' };
const FOLD_CONFIG = { fold: 'configuration of the resource it refers to' };
const BOOKKEEPING = { bookkeeping: true } as const;

/** A cluster with instances in the inputs is drawn through its instances; alone, it is drawn itself. */
function clusterRule(cc: string, fields: FieldRule): TypeRule {
  return {
    choose: (e, entries) => f.clusterMembers(e, entries).length > 0
      ? { fold: 'cluster: drawn as its instances' }
      : { cc, fields },
  };
}

/**
 * A function a CDK app creates only to back custom resources (the framework's handlers for
 * bucket notifications, log retention, AwsCustomResource, provider frameworks): CDK machinery,
 * not part of the application. Known by being some custom resource's ServiceToken while nothing
 * that is drawn refers to it.
 */
function cdkProvider(e: Entry, entries: Entries): boolean {
  if (e.stack.cdkPath === undefined) return false;
  const custom = (x: Entry) => x.type.startsWith('Custom::') || x.type === 'AWS::CloudFormation::CustomResource';
  const served = entries.referrers(e, { path: 'ServiceToken' }).filter(custom);
  return served.length > 0 && entries.referrers(e).every((x) => served.includes(x) || !drawnType(x.type));
}
const CDK_PROVIDER: TypeRule = { bookkeeping: true, detail: 'a CDK framework function behind custom resources, not part of the application' };

export const TYPE_RULES: Record<string, TypeRule> = {
  // Compute
  'AWS::EC2::Instance': { cc: 'ec2', fields: f.ec2 },
  'AWS::AutoScaling::AutoScalingGroup': { cc: 'asg' },
  'AWS::EKS::Nodegroup': { cc: 'asg' },
  'AWS::Lambda::Function': { choose: (e, entries) => (cdkProvider(e, entries) ? CDK_PROVIDER : { cc: 'lambda', fields: f.lambda }) },
  'AWS::Serverless::Function': { cc: 'lambda', fields: f.lambda },
  'AWS::ECS::Cluster': { cc: 'ecscluster', fields: f.named },
  'AWS::ECS::Service': { cc: 'ecsservice', fields: f.named },
  'AWS::ECS::TaskDefinition': { cc: 'ecstask', fields: f.ecsTask },
  'AWS::EKS::Cluster': { cc: 'ekscluster', fields: f.named },
  // Network
  'AWS::EC2::VPC': { cc: 'vpc', fields: f.named },
  'AWS::EC2::Subnet': { cc: 'subnet', fields: f.named },
  'AWS::EC2::SecurityGroup': { cc: 'sg', fields: f.securityGroup },
  'AWS::EC2::NatGateway': { cc: 'natgateway' },
  'AWS::EC2::InternetGateway': { cc: 'internetgateway' },
  'AWS::EC2::VPNGateway': { cc: 'vpngateway' },
  'AWS::EC2::CustomerGateway': { cc: 'customergateway' },
  'AWS::EC2::TransitGateway': { cc: 'transitgateway', fields: f.transitGateway },
  'AWS::EC2::VPCEndpoint': { cc: 'vpcendpoint', fields: f.vpcEndpoint },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { cc: 'elb', fields: f.elbv2 },
  'AWS::ElasticLoadBalancing::LoadBalancer': { cc: 'elb', fields: f.elbClassic },
  'AWS::CloudFront::Distribution': { cc: 'cloudfront' },
  'AWS::Route53::HostedZone': { cc: 'r53' },
  'AWS::ApiGateway::RestApi': { cc: 'apigateway', fields: f.apiGateway },
  'AWS::ApiGatewayV2::Api': { cc: 'apigateway', fields: f.apiGateway },
  'AWS::Serverless::Api': { cc: 'apigateway', fields: f.apiGateway },
  'AWS::Serverless::HttpApi': { cc: 'apigateway', fields: f.apiGateway },
  'AWS::WAFv2::WebACL': { cc: 'waf', fields: f.waf },
  'AWS::WAF::WebACL': { cc: 'waf', fields: f.waf },
  'AWS::WAFRegional::WebACL': { cc: 'waf', fields: f.waf },
  // Storage and data
  'AWS::S3::Bucket': { cc: 's3' },
  'AWS::EC2::Volume': { cc: 'ebs', fields: f.ebs },
  'AWS::EFS::FileSystem': { cc: 'efs', fields: f.efs },
  'AWS::FSx::FileSystem': { cc: 'fsx', fields: f.fsx },
  'AWS::DynamoDB::Table': { cc: 'dynamodb', fields: f.dynamodb },
  'AWS::DynamoDB::GlobalTable': { cc: 'dynamodb', fields: f.dynamodb },
  'AWS::Serverless::SimpleTable': { cc: 'dynamodb', fields: f.dynamodb },
  'AWS::RDS::DBInstance': { cc: 'rds', fields: f.rdsInstance },
  'AWS::RDS::DBCluster': clusterRule('rds', f.rdsCluster),
  'AWS::DocDB::DBInstance': { cc: 'docdb', fields: f.docdb },
  'AWS::DocDB::DBCluster': clusterRule('docdb', () => ({ role: 'writer' })),
  'AWS::Neptune::DBInstance': { cc: 'neptune', fields: f.neptune },
  'AWS::Neptune::DBCluster': clusterRule('neptune', f.neptune),
  'AWS::ElastiCache::CacheCluster': { cc: 'elasticache', fields: f.elasticache },
  'AWS::ElastiCache::ReplicationGroup': { cc: 'elasticache', fields: f.elasticache },
  'AWS::ElastiCache::ServerlessCache': { cc: 'elasticache', fields: f.elasticache },
  'AWS::Elasticsearch::Domain': { cc: 'es', fields: f.es },
  'AWS::OpenSearchService::Domain': { cc: 'es', fields: f.es },
  'AWS::Redshift::Cluster': { cc: 'redshift', fields: f.redshift },
  'AWS::ECR::Repository': { cc: 'ecr', fields: f.ecr },
  'AWS::ECR::PublicRepository': { cc: 'ecr', fields: f.ecr },
  'AWS::Cassandra::Keyspace': { cc: 'keyspaces' },
  'AWS::Timestream::Database': { cc: 'timestream' },
  'AWS::SES::EmailIdentity': { cc: 'ses' },
  'AWS::Glacier::Vault': { cc: 'glaciervault' },
  // Messaging
  'AWS::SQS::Queue': { cc: 'sqs', fields: f.sqs },
  'AWS::SNS::Topic': { cc: 'snstopic' },
  'AWS::SNS::Subscription': {
    // To a resource in the inputs: an edge topic → endpoint. To an address (email, https, sms): drawn.
    choose: (e, entries) => entries.of(get(e.props, 'Endpoint'))
      ? { fold: 'subscription: drawn as an edge from the topic to its endpoint' }
      : { cc: 'snssubscriptions', fields: f.snsSubscription },
  },
  'AWS::Events::EventBus': { cc: 'eventbus', fields: f.eventBus },
  'AWS::Kinesis::Stream': { cc: 'kinesisstream', fields: f.kinesis },
  // Drawn as icons
  'AWS::StepFunctions::StateMachine': { icon: 'sitemap' },
  'AWS::Serverless::StateMachine': { icon: 'sitemap' },
  'AWS::Cognito::UserPool': { icon: 'users' },
  // Folded: IAM and permissions
  'AWS::Lambda::Permission': FOLD_IAM,
  'AWS::Lambda::LayerVersionPermission': FOLD_IAM,
  'AWS::SNS::TopicPolicy': FOLD_IAM,
  'AWS::SNS::TopicInlinePolicy': FOLD_IAM,
  'AWS::SQS::QueuePolicy': FOLD_IAM,
  'AWS::SQS::QueueInlinePolicy': FOLD_IAM,
  'AWS::S3::BucketPolicy': FOLD_IAM,
  'AWS::Events::EventBusPolicy': FOLD_IAM,
  'AWS::SecretsManager::ResourcePolicy': FOLD_IAM,
  // Folded: links between resources
  'AWS::Lambda::EventSourceMapping': FOLD_LINK,
  'AWS::Lambda::EventInvokeConfig': FOLD_LINK,
  'AWS::Lambda::Alias': FOLD_LINK,
  'AWS::Lambda::Version': FOLD_LINK,
  'AWS::Lambda::Url': FOLD_LINK,
  'AWS::ElasticLoadBalancingV2::Listener': FOLD_LINK,
  'AWS::ElasticLoadBalancingV2::ListenerRule': FOLD_LINK,
  'AWS::ElasticLoadBalancingV2::TargetGroup': FOLD_LINK,
  'AWS::ElasticLoadBalancingV2::ListenerCertificate': FOLD_CONFIG,
  'AWS::Events::Rule': FOLD_LINK,
  'AWS::Scheduler::Schedule': FOLD_LINK,
  'AWS::Pipes::Pipe': FOLD_LINK,
  'AWS::KinesisFirehose::DeliveryStream': FOLD_LINK,
  'AWS::Logs::SubscriptionFilter': FOLD_LINK,
  'AWS::Route53::RecordSet': FOLD_LINK,
  'AWS::Route53::RecordSetGroup': FOLD_LINK,
  'AWS::WAFv2::WebACLAssociation': FOLD_LINK,
  'AWS::WAFRegional::WebACLAssociation': FOLD_LINK,
  'AWS::Serverless::Connector': FOLD_LINK,
  'AWS::AutoScaling::LifecycleHook': FOLD_LINK,
  'AWS::ECS::ClusterCapacityProviderAssociations': FOLD_LINK,
  'AWS::ECS::CapacityProvider': FOLD_LINK,
  'AWS::EC2::VPNConnection': FOLD_LINK,
  'AWS::EFS::AccessPoint': FOLD_LINK,
  'AWS::RDS::DBProxy': FOLD_LINK,
  'AWS::RDS::DBProxyTargetGroup': FOLD_LINK,
  'AWS::SecretsManager::SecretTargetAttachment': FOLD_LINK,
  'AWS::CloudFormation::CustomResource': { custom: true },
  // CDK writes bucket notifications as a custom resource; what it configures is well known.
  'Custom::S3BucketNotifications': { fold: 'CDK bucket notifications: drawn as edges from the bucket to its targets' },
  // Folded: configuration and network plumbing
  'AWS::AutoScaling::LaunchConfiguration': FOLD_CONFIG,
  'AWS::EC2::LaunchTemplate': FOLD_CONFIG,
  'AWS::AutoScaling::ScalingPolicy': FOLD_CONFIG,
  'AWS::AutoScaling::ScheduledAction': FOLD_CONFIG,
  'AWS::AutoScaling::WarmPool': FOLD_CONFIG,
  'AWS::EC2::PlacementGroup': FOLD_CONFIG,
  'AWS::EC2::KeyPair': FOLD_CONFIG,
  'AWS::EC2::PrefixList': FOLD_NET,
  'AWS::EC2::TransitGatewayPeeringAttachment': FOLD_NET,
  'AWS::EC2::GatewayRouteTableAssociation': FOLD_NET,
  'AWS::ApplicationAutoScaling::ScalableTarget': FOLD_CONFIG,
  'AWS::ApplicationAutoScaling::ScalingPolicy': FOLD_CONFIG,
  'AWS::EFS::MountTarget': FOLD_NET,
  'AWS::EC2::RouteTable': FOLD_NET,
  'AWS::EC2::Route': FOLD_NET,
  'AWS::EC2::SubnetRouteTableAssociation': FOLD_NET,
  'AWS::EC2::VPCGatewayAttachment': FOLD_NET,
  'AWS::EC2::EIP': FOLD_NET,
  'AWS::EC2::EIPAssociation': FOLD_NET,
  'AWS::EC2::SecurityGroupIngress': { fold: 'security group rule: written into the group\'s inbound rules' },
  'AWS::EC2::SecurityGroupEgress': { fold: 'security group rule: written into the group\'s outbound rules' },
  'AWS::EC2::NetworkAcl': FOLD_NET,
  'AWS::EC2::NetworkAclEntry': FOLD_NET,
  'AWS::EC2::SubnetNetworkAclAssociation': FOLD_NET,
  'AWS::EC2::VPCCidrBlock': FOLD_NET,
  'AWS::EC2::SubnetCidrBlock': FOLD_NET,
  'AWS::EC2::DHCPOptions': FOLD_NET,
  'AWS::EC2::VPCDHCPOptionsAssociation': FOLD_NET,
  'AWS::EC2::VPNGatewayRoutePropagation': FOLD_NET,
  'AWS::EC2::VPNConnectionRoute': FOLD_NET,
  'AWS::EC2::VPCPeeringConnection': FOLD_NET,
  'AWS::EC2::TransitGatewayAttachment': FOLD_NET,
  'AWS::EC2::TransitGatewayVpcAttachment': FOLD_NET,
  'AWS::EC2::TransitGatewayRouteTable': FOLD_NET,
  'AWS::EC2::TransitGatewayRoute': FOLD_NET,
  'AWS::EC2::TransitGatewayRouteTableAssociation': FOLD_NET,
  'AWS::EC2::TransitGatewayRouteTablePropagation': FOLD_NET,
  'AWS::EC2::EgressOnlyInternetGateway': FOLD_NET,
  'AWS::EC2::NetworkInterface': FOLD_NET,
  'AWS::EC2::NetworkInterfaceAttachment': FOLD_NET,
  'AWS::EC2::VolumeAttachment': FOLD_CONFIG,
  'AWS::RDS::DBSubnetGroup': FOLD_NET,
  'AWS::RDS::DBParameterGroup': FOLD_CONFIG,
  'AWS::RDS::DBClusterParameterGroup': FOLD_CONFIG,
  'AWS::RDS::OptionGroup': FOLD_CONFIG,
  'AWS::RDS::DBSecurityGroup': FOLD_NET,
  'AWS::RDS::DBSecurityGroupIngress': FOLD_NET,
  'AWS::ElastiCache::SubnetGroup': FOLD_NET,
  'AWS::ElastiCache::ParameterGroup': FOLD_CONFIG,
  'AWS::ElastiCache::SecurityGroup': FOLD_NET,
  'AWS::ElastiCache::SecurityGroupIngress': FOLD_NET,
  'AWS::Redshift::ClusterSubnetGroup': FOLD_NET,
  'AWS::Redshift::ClusterParameterGroup': FOLD_CONFIG,
  'AWS::DocDB::DBSubnetGroup': FOLD_NET,
  'AWS::DocDB::DBClusterParameterGroup': FOLD_CONFIG,
  'AWS::Neptune::DBSubnetGroup': FOLD_NET,
  'AWS::Neptune::DBParameterGroup': FOLD_CONFIG,
  'AWS::Neptune::DBClusterParameterGroup': FOLD_CONFIG,
  'AWS::ApiGateway::Resource': FOLD_CONFIG,
  'AWS::ApiGateway::Method': FOLD_LINK,
  'AWS::ApiGateway::Deployment': FOLD_CONFIG,
  'AWS::ApiGateway::Stage': FOLD_CONFIG,
  'AWS::ApiGateway::Authorizer': FOLD_LINK,
  'AWS::ApiGateway::Model': FOLD_CONFIG,
  'AWS::ApiGateway::RequestValidator': FOLD_CONFIG,
  'AWS::ApiGateway::GatewayResponse': FOLD_CONFIG,
  'AWS::ApiGateway::UsagePlan': FOLD_CONFIG,
  'AWS::ApiGateway::UsagePlanKey': FOLD_CONFIG,
  'AWS::ApiGateway::ApiKey': FOLD_CONFIG,
  'AWS::ApiGateway::BasePathMapping': FOLD_LINK,
  'AWS::ApiGateway::BasePathMappingV2': FOLD_LINK,
  'AWS::ApiGateway::DomainName': FOLD_LINK,
  'AWS::ApiGateway::Account': FOLD_CONFIG,
  'AWS::ApiGateway::VpcLink': FOLD_LINK,
  'AWS::ApiGateway::DocumentationPart': FOLD_CONFIG,
  'AWS::ApiGatewayV2::Integration': FOLD_LINK,
  'AWS::ApiGatewayV2::Route': FOLD_CONFIG,
  'AWS::ApiGatewayV2::Stage': FOLD_CONFIG,
  'AWS::ApiGatewayV2::Deployment': FOLD_CONFIG,
  'AWS::ApiGatewayV2::Authorizer': FOLD_LINK,
  'AWS::ApiGatewayV2::ApiMapping': FOLD_LINK,
  'AWS::ApiGatewayV2::DomainName': FOLD_LINK,
  'AWS::ApiGatewayV2::VpcLink': FOLD_LINK,
  'AWS::ApiGatewayV2::IntegrationResponse': FOLD_CONFIG,
  'AWS::ApiGatewayV2::RouteResponse': FOLD_CONFIG,
  'AWS::ApiGatewayV2::Model': FOLD_CONFIG,
  'AWS::CloudFront::CloudFrontOriginAccessIdentity': FOLD_CONFIG,
  'AWS::CloudFront::OriginAccessControl': FOLD_CONFIG,
  'AWS::CloudFront::CachePolicy': FOLD_CONFIG,
  'AWS::CloudFront::OriginRequestPolicy': FOLD_CONFIG,
  'AWS::CloudFront::ResponseHeadersPolicy': FOLD_CONFIG,
  'AWS::CloudFront::Function': FOLD_LINK,
  'AWS::WAFv2::IPSet': FOLD_CONFIG,
  'AWS::WAFv2::RuleGroup': FOLD_CONFIG,
  'AWS::WAFv2::RegexPatternSet': FOLD_CONFIG,
  'AWS::SecretsManager::RotationSchedule': FOLD_CONFIG,
  // Bookkeeping
  'AWS::CDK::Metadata': BOOKKEEPING,
  'AWS::CloudFormation::WaitCondition': BOOKKEEPING,
  'AWS::CloudFormation::WaitConditionHandle': BOOKKEEPING,
};

/** Families handled by prefix: `AWS::IAM::*`, `Custom::*`. */
const PREFIX_RULES: [string, TypeRule][] = [
  ['AWS::IAM::', FOLD_IAM],
  ['Custom::', { custom: true }],
];

/** Whether resources of this type are drawn whenever they exist (a component or an icon). */
function drawnType(type: string): boolean {
  const rule = typeRule(type);
  return !!(rule?.cc || rule?.icon || rule?.choose);
}

export function typeRule(type: string): TypeRule | undefined {
  if (Object.prototype.hasOwnProperty.call(TYPE_RULES, type)) return TYPE_RULES[type];
  return PREFIX_RULES.find(([p]) => type.startsWith(p))?.[1];
}
