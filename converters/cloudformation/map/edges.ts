/**
 * Semantic edges: the links a reader expects (event source → function, topic → subscriber,
 * load balancer → listener → target group → targets, API → integration → function, CloudFront
 * → origins, rule → targets, state machine → tasks). Each rule names the properties it consumes,
 * so they are not also drawn as plain references. Folded resources (listeners, target groups,
 * permissions, rules) sit in the middle of these paths and normalize.ts joins the ends.
 */
import type { EdgeKind } from '../../../src/graph/types.js';
import { entriesAt } from './containment.js';
import type { Entries, Entry } from './entries.js';
import { bool } from './read.js';
import { DNS_EDGE_RULES } from './route53.js';

/** An edge end: a resource of the inputs or a synthetic one (default event bus, implicit API). */
export interface Endpoint {
  id: string;
}

export interface EdgeContext {
  e: Entry;
  entries: Entries;
  /** Entries referenced at these paths (`[]` steps into lists). */
  at(...paths: string[]): Entry[];
  edge(from: Endpoint | Endpoint[] | undefined, to: Endpoint | Endpoint[] | undefined, kind: EdgeKind): void;
  /** The EventBridge default bus of the region (drawn once, when something uses it). */
  defaultBus(): Endpoint;
  /** A resource of the same stack named by logical id (SAM connectors name ids, not refs). */
  byLogicalId(id: unknown): Entry | undefined;
  /** A hosted zone by name or id: one of the inputs, else the zone outside them (drawn once). */
  hostedZone(zone: { name: string } | { id: string }): Endpoint;
}

export interface EdgeRule {
  /** Top-level properties whose references this rule handles; `*` = all of them. */
  consumes: readonly string[];
  edges?(c: EdgeContext): void;
}

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const TARGET_GROUPS = ['DefaultActions[].TargetGroupArn', 'DefaultActions[].ForwardConfig.TargetGroups[].TargetGroupArn'];
const RULE_TARGET_GROUPS = ['Actions[].TargetGroupArn', 'Actions[].ForwardConfig.TargetGroups[].TargetGroupArn'];
const CACHE_BEHAVIOURS = ['DistributionConfig.DefaultCacheBehavior', 'DistributionConfig.CacheBehaviors[]'];

/** A private integration names a load balancer's listener: the arrow goes to the load balancer. */
function throughListeners(c: EdgeContext, targets: Entry[]): Entry[] {
  return targets.flatMap((t) => (t.type === LISTENER ? entriesAt(c.entries, t, ['LoadBalancerArn']) : [t]));
}

/**
 * A permission's source usually reaches the function another way too (a subscription, a target
 * group); its edge takes that link's kind, so both fold into one arrow instead of two.
 */
const PERMISSION_KIND: Record<string, EdgeKind> = {
  'AWS::SNS::Topic': 'dataflow',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'network',
};

const apiIntegration = (apiPath: string, targetPaths: string[]): EdgeRule => ({
  consumes: [apiPath.split('.')[0]!, ...targetPaths.map((p) => p.split(/[.[]/)[0]!)],
  edges: (c) => {
    c.edge(c.at(apiPath), c.e, 'event');
    c.edge(c.e, throughListeners(c, c.at(...targetPaths)), 'event');
  },
});

/** SAM connector ends: `{Id: LogicalId}` (same stack) or `{Arn: …}`, one or a list. */
function connectorEnds(c: EdgeContext, key: string): Entry[] {
  const raw = c.e.props[key];
  const ends = Array.isArray(raw) ? raw : [raw];
  const byId = ends.map((d) => (d && typeof d === 'object' ? c.byLogicalId((d as Record<string, unknown>)['Id']) : undefined));
  return [...c.at(`${key}.Arn`, `${key}[].Arn`), ...byId.filter((x): x is Entry => !!x)];
}

const clusterMembersRule: EdgeRule = {
  consumes: ['*'],
  edges: (c) => c.edge(c.e, c.entries.referrers(c.e, { path: 'DBClusterIdentifier' }), 'reference'),
};

export const EDGE_RULES: Record<string, EdgeRule> = {
  'AWS::Lambda::EventSourceMapping': {
    consumes: ['EventSourceArn', 'FunctionName', 'SelfManagedEventSource'],
    edges: (c) => { c.edge(c.at('EventSourceArn'), c.e, 'dataflow'); c.edge(c.e, c.at('FunctionName'), 'dataflow'); },
  },
  'AWS::Lambda::Permission': {
    consumes: ['FunctionName', 'SourceArn', 'SourceAccount', 'Principal'],
    edges: (c) => {
      for (const source of c.at('SourceArn')) {
        const kind = PERMISSION_KIND[source.type] ?? 'event';
        c.edge(source, c.e, kind);
        c.edge(c.e, c.at('FunctionName'), kind);
      }
    },
  },
  'AWS::Lambda::EventInvokeConfig': {
    consumes: ['FunctionName', 'DestinationConfig'],
    edges: (c) => { c.edge(c.at('FunctionName'), c.e, 'event'); c.edge(c.e, c.at('DestinationConfig.OnSuccess.Destination', 'DestinationConfig.OnFailure.Destination'), 'event'); },
  },
  'AWS::Lambda::Function': {
    consumes: ['DeadLetterConfig'],
    edges: (c) => c.edge(c.e, c.at('DeadLetterConfig.TargetArn'), 'dataflow'),
  },
  'AWS::SNS::Subscription': {
    consumes: ['TopicArn', 'Endpoint'],
    edges: (c) => { c.edge(c.at('TopicArn'), c.e, 'dataflow'); c.edge(c.e, c.at('Endpoint'), 'dataflow'); },
  },
  'AWS::SNS::Topic': { consumes: ['Subscription'], edges: (c) => c.edge(c.e, c.at('Subscription[].Endpoint'), 'dataflow') },
  'AWS::S3::Bucket': {
    consumes: ['NotificationConfiguration', 'ReplicationConfiguration', 'LoggingConfiguration'],
    edges: (c) => {
      c.edge(c.e, c.at('NotificationConfiguration.LambdaConfigurations[].Function', 'NotificationConfiguration.QueueConfigurations[].Queue',
        'NotificationConfiguration.TopicConfigurations[].Topic'), 'event');
      // Amazon EventBridge notifications go to the region's default bus.
      if (bool(c.e.props, 'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled')) c.edge(c.e, c.defaultBus(), 'event');
      c.edge(c.e, c.at('ReplicationConfiguration.Rules[].Destination.Bucket', 'LoggingConfiguration.DestinationBucketName'), 'dataflow');
    },
  },
  'AWS::DynamoDB::Table': { consumes: ['KinesisStreamSpecification'], edges: (c) => c.edge(c.e, c.at('KinesisStreamSpecification.StreamArn'), 'dataflow') },
  'AWS::Cognito::UserPool': { consumes: ['LambdaConfig'], edges: (c) => c.edge(c.e, c.at('LambdaConfig'), 'event') },
  'Custom::S3BucketNotifications': {
    consumes: ['*'],
    edges: (c) => {
      c.edge(c.at('BucketName'), c.e, 'event');
      c.edge(c.e, c.at('NotificationConfiguration.LambdaFunctionConfigurations[].LambdaFunctionArn',
        'NotificationConfiguration.QueueConfigurations[].QueueArn', 'NotificationConfiguration.TopicConfigurations[].TopicArn'), 'event');
    },
  },
  'AWS::SQS::Queue': { consumes: ['RedrivePolicy'], edges: (c) => c.edge(c.e, c.at('RedrivePolicy.deadLetterTargetArn'), 'dataflow') },
  'AWS::ElasticLoadBalancingV2::Listener': {
    consumes: ['LoadBalancerArn', 'DefaultActions', 'Certificates'],
    edges: (c) => { c.edge(c.at('LoadBalancerArn'), c.e, 'network'); c.edge(c.e, c.at(...TARGET_GROUPS), 'network'); },
  },
  'AWS::ElasticLoadBalancingV2::ListenerRule': {
    consumes: ['ListenerArn', 'Actions', 'Conditions'],
    edges: (c) => { c.edge(c.at('ListenerArn'), c.e, 'network'); c.edge(c.e, c.at(...RULE_TARGET_GROUPS), 'network'); },
  },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { consumes: ['Targets', 'VpcId'], edges: (c) => c.edge(c.e, c.at('Targets[].Id'), 'network') },
  'AWS::ElasticLoadBalancing::LoadBalancer': { consumes: ['Instances'], edges: (c) => c.edge(c.e, c.at('Instances'), 'network') },
  'AWS::AutoScaling::AutoScalingGroup': {
    consumes: ['TargetGroupARNs', 'LoadBalancerNames', 'NotificationConfigurations', 'NotificationConfiguration'],
    edges: (c) => {
      c.edge(c.at('TargetGroupARNs', 'LoadBalancerNames'), c.e, 'network');
      c.edge(c.e, c.at('NotificationConfigurations[].TopicARN', 'NotificationConfiguration.TopicARN'), 'event');
    },
  },
  'AWS::AutoScaling::LifecycleHook': {
    consumes: ['AutoScalingGroupName', 'NotificationTargetARN', 'RoleARN'],
    edges: (c) => { c.edge(c.at('AutoScalingGroupName'), c.e, 'event'); c.edge(c.e, c.at('NotificationTargetARN'), 'event'); },
  },
  'AWS::ECS::Service': {
    consumes: ['LoadBalancers', 'Cluster', 'TaskDefinition', 'CapacityProviderStrategy'],
    edges: (c) => c.edge(c.at('LoadBalancers[].TargetGroupArn', 'LoadBalancers[].LoadBalancerName'), c.e, 'network'),
  },
  'AWS::ECS::ClusterCapacityProviderAssociations': { consumes: ['Cluster'], edges: (c) => c.edge(c.at('Cluster'), c.e, 'reference') },
  'AWS::ApiGateway::Method': apiIntegration('RestApiId', ['Integration.Uri', 'Integration.ConnectionId']),
  'AWS::ApiGateway::VpcLink': { consumes: ['TargetArns'], edges: (c) => c.edge(c.e, c.at('TargetArns'), 'network') },
  'AWS::ApiGateway::Authorizer': apiIntegration('RestApiId', ['AuthorizerUri', 'ProviderARNs']),
  'AWS::ApiGatewayV2::Integration': apiIntegration('ApiId', ['IntegrationUri']),
  'AWS::ApiGatewayV2::Authorizer': apiIntegration('ApiId', ['AuthorizerUri', 'JwtConfiguration.Issuer']),
  'AWS::ApiGatewayV2::Route': { consumes: ['*'] },
  'AWS::ApiGateway::RestApi': { consumes: ['Body'], edges: (c) => c.edge(c.e, c.at('Body'), 'event') },
  'AWS::ApiGatewayV2::Api': { consumes: ['Target', 'Body'], edges: (c) => c.edge(c.e, c.at('Target', 'Body'), 'event') },
  'AWS::Serverless::Api': {
    consumes: ['DefinitionBody', 'Auth'],
    edges: (c) => c.edge(c.e, c.at('DefinitionBody', 'Auth.Authorizers'), 'event'),
  },
  'AWS::Serverless::HttpApi': {
    consumes: ['DefinitionBody', 'Auth'],
    edges: (c) => c.edge(c.e, c.at('DefinitionBody', 'Auth.Authorizers'), 'event'),
  },
  'AWS::CloudFront::Distribution': {
    consumes: ['DistributionConfig'],
    edges: (c) => {
      c.edge(c.e, c.at('DistributionConfig.Origins[].DomainName', 'DistributionConfig.OriginGroups'), 'network');
      c.edge(c.e, c.at(...CACHE_BEHAVIOURS.flatMap((b) => [`${b}.LambdaFunctionAssociations[].LambdaFunctionARN`, `${b}.FunctionAssociations[].FunctionARN`])), 'event');
      c.edge(c.e, c.at('DistributionConfig.Logging.Bucket'), 'dataflow');
      c.edge(c.at('DistributionConfig.WebACLId'), c.e, 'network');
    },
  },
  'AWS::WAFv2::WebACLAssociation': {
    consumes: ['ResourceArn', 'WebACLArn'],
    edges: (c) => { c.edge(c.at('WebACLArn'), c.e, 'network'); c.edge(c.e, c.at('ResourceArn'), 'network'); },
  },
  'AWS::WAFRegional::WebACLAssociation': {
    consumes: ['ResourceArn', 'WebACLId'],
    edges: (c) => { c.edge(c.at('WebACLId'), c.e, 'network'); c.edge(c.e, c.at('ResourceArn'), 'network'); },
  },
  'AWS::Events::Rule': {
    consumes: ['EventBusName', 'Targets', 'EventPattern', 'RoleArn'],
    edges: (c) => {
      const bus = c.at('EventBusName');
      const sources = c.at('EventPattern');
      c.edge(bus.length ? bus : sources.length ? sources : c.defaultBus(), c.e, 'event');
      c.edge(c.e, c.at('Targets[].Arn', 'Targets[].EcsParameters.TaskDefinitionArn'), 'event');
      c.edge(c.e, c.at('Targets[].DeadLetterConfig.Arn'), 'dataflow');
    },
  },
  'AWS::Scheduler::Schedule': {
    consumes: ['Target', 'GroupName', 'KmsKeyArn'],
    edges: (c) => { c.edge(c.defaultBus(), c.e, 'event'); c.edge(c.e, c.at('Target.Arn', 'Target.EcsParameters.TaskDefinitionArn'), 'event'); },
  },
  'AWS::Pipes::Pipe': {
    consumes: ['Source', 'Target', 'Enrichment', 'RoleArn'],
    edges: (c) => { c.edge(c.at('Source'), c.e, 'dataflow'); c.edge(c.e, c.at('Target'), 'dataflow'); c.edge(c.e, c.at('Enrichment'), 'event'); },
  },
  'AWS::KinesisFirehose::DeliveryStream': {
    consumes: ['KinesisStreamSourceConfiguration', 'MSKSourceConfiguration'],
    edges: (c) => c.edge(c.at('KinesisStreamSourceConfiguration.KinesisStreamARN', 'MSKSourceConfiguration.MSKClusterARN'), c.e, 'dataflow'),
  },
  'AWS::Logs::SubscriptionFilter': { consumes: ['*'] },
  'AWS::Serverless::Connector': {
    consumes: ['Source', 'Destination'],
    edges: (c) => { c.edge(connectorEnds(c, 'Source'), c.e, 'dataflow'); c.edge(c.e, connectorEnds(c, 'Destination'), 'dataflow'); },
  },
  'AWS::StepFunctions::StateMachine': {
    consumes: ['Definition', 'DefinitionString', 'DefinitionSubstitutions'],
    edges: (c) => c.edge(c.e, c.at('Definition', 'DefinitionString', 'DefinitionSubstitutions'), 'event'),
  },
  'AWS::Serverless::StateMachine': {
    consumes: ['Definition', 'DefinitionSubstitutions', 'Events'],
    edges: (c) => c.edge(c.e, c.at('Definition', 'DefinitionSubstitutions'), 'event'),
  },
  'AWS::Serverless::Function': { consumes: ['Events', 'DeadLetterQueue', 'EventInvokeConfig'], edges: (c) => {
    c.edge(c.e, c.at('DeadLetterQueue.TargetArn'), 'dataflow');
    c.edge(c.e, c.at('EventInvokeConfig.DestinationConfig.OnSuccess.Destination', 'EventInvokeConfig.DestinationConfig.OnFailure.Destination'), 'event');
  } },
  'AWS::EC2::VPNConnection': {
    consumes: ['CustomerGatewayId', 'VpnGatewayId', 'TransitGatewayId'],
    edges: (c) => { c.edge(c.at('CustomerGatewayId'), c.e, 'network'); c.edge(c.e, c.at('VpnGatewayId', 'TransitGatewayId'), 'network'); },
  },
  'AWS::RDS::DBInstance': {
    consumes: ['SourceDBInstanceIdentifier', 'DBClusterIdentifier', 'DBSubnetGroupName', 'VPCSecurityGroups', 'DBParameterGroupName', 'OptionGroupName'],
    edges: (c) => c.edge(c.at('SourceDBInstanceIdentifier'), c.e, 'dataflow'),
  },
  'AWS::RDS::DBCluster': clusterMembersRule,
  'AWS::DocDB::DBCluster': clusterMembersRule,
  'AWS::Neptune::DBCluster': clusterMembersRule,
  'AWS::RDS::DBProxyTargetGroup': {
    consumes: ['*'],
    edges: (c) => { c.edge(c.at('DBProxyName'), c.e, 'network'); c.edge(c.e, c.at('DBInstanceIdentifiers', 'DBClusterIdentifiers'), 'network'); },
  },
  'AWS::IAM::Policy': { consumes: ['Roles', 'Users', 'Groups'], edges: (c) => c.edge(c.at('Roles', 'Users', 'Groups'), c.e, 'reference') },
  'AWS::IAM::ManagedPolicy': { consumes: ['Roles', 'Users', 'Groups'], edges: (c) => c.edge(c.at('Roles', 'Users', 'Groups'), c.e, 'reference') },
  'AWS::IAM::RolePolicy': { consumes: ['RoleName'], edges: (c) => c.edge(c.at('RoleName'), c.e, 'reference') },
  'AWS::IAM::Role': { consumes: ['AssumeRolePolicyDocument', 'PermissionsBoundary'] },
};

const ALL_RULES: Record<string, EdgeRule> = { ...EDGE_RULES, ...DNS_EDGE_RULES };

export function edgeRule(type: string): EdgeRule | undefined {
  return Object.prototype.hasOwnProperty.call(ALL_RULES, type) ? ALL_RULES[type] : undefined;
}
