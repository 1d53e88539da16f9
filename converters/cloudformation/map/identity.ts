/**
 * Identity facts of drawn resources, for matching code against a live account (`diff` reads
 * `meta.names` and `meta.arn`): the physical names a resource will have (its name property and
 * its `Name` tag, evaluated — `!Sub '${AWS::StackName}-assets'` included) and its ARN where the
 * evaluated values fix it completely. Values built from stand-ins (the placeholder account id, a
 * defaulted region, a generated nested-stack name) are not facts and are left out (physical.ts).
 */
import { partitionOf } from '../eval/pseudo.js';
import { scalarText, type Value } from '../eval/values.js';
import { isPlainObject } from '../load/template.js';
import { physicalEvaluator } from '../stack/physical.js';
import type { Entry } from './entries.js';

export interface IdentityRule {
  /** Properties holding the resource's own physical name. */
  names?: readonly string[];
  /** Property holding its tags, when not `Tags` (a list of {Key, Value} or a mapping). */
  tags?: string;
  /** ARN pattern over `{partition}`, `{region}`, `{account}`, `{name}` (the first name property). */
  arn?: string;
  /** AWS stores the name lower-cased (RDS, ElastiCache and Redshift identifiers). */
  lower?: true;
  /** A DNS name: the trailing dot is not part of the name. */
  dns?: true;
}

const RDS_INSTANCE: IdentityRule = { names: ['DBInstanceIdentifier'], arn: 'arn:{partition}:rds:{region}:{account}:db:{name}', lower: true };
const RDS_CLUSTER: IdentityRule = { names: ['DBClusterIdentifier'], arn: 'arn:{partition}:rds:{region}:{account}:cluster:{name}', lower: true };
const FUNCTION: IdentityRule = { names: ['FunctionName'], arn: 'arn:{partition}:lambda:{region}:{account}:function:{name}' };
const TABLE: IdentityRule = { names: ['TableName'], arn: 'arn:{partition}:dynamodb:{region}:{account}:table/{name}' };
const DOMAIN: IdentityRule = { names: ['DomainName'], arn: 'arn:{partition}:es:{region}:{account}:domain/{name}' };
const REPOSITORY: IdentityRule = { names: ['RepositoryName'], arn: 'arn:{partition}:ecr:{region}:{account}:repository/{name}' };
const NAMED: IdentityRule = { names: ['Name'] };

/** Type → where its physical name is and how its ARN is built. Types not listed still get their `Name` tag. */
export const IDENTITY_RULES: Record<string, IdentityRule> = {
  'AWS::S3::Bucket': { names: ['BucketName'], arn: 'arn:{partition}:s3:::{name}' },
  'AWS::Lambda::Function': FUNCTION,
  'AWS::Serverless::Function': FUNCTION,
  'AWS::DynamoDB::Table': TABLE,
  'AWS::DynamoDB::GlobalTable': TABLE,
  'AWS::Serverless::SimpleTable': TABLE,
  'AWS::SQS::Queue': { names: ['QueueName'], arn: 'arn:{partition}:sqs:{region}:{account}:{name}' },
  'AWS::SNS::Topic': { names: ['TopicName'], arn: 'arn:{partition}:sns:{region}:{account}:{name}' },
  'AWS::RDS::DBInstance': RDS_INSTANCE,
  'AWS::RDS::DBCluster': RDS_CLUSTER,
  'AWS::DocDB::DBInstance': RDS_INSTANCE,
  'AWS::DocDB::DBCluster': RDS_CLUSTER,
  'AWS::Neptune::DBInstance': RDS_INSTANCE,
  'AWS::Neptune::DBCluster': RDS_CLUSTER,
  'AWS::ECS::Cluster': { names: ['ClusterName'], arn: 'arn:{partition}:ecs:{region}:{account}:cluster/{name}' },
  'AWS::ECS::Service': { names: ['ServiceName'] },
  'AWS::ECS::TaskDefinition': { names: ['Family'] },
  'AWS::EKS::Cluster': { names: ['Name'], arn: 'arn:{partition}:eks:{region}:{account}:cluster/{name}' },
  'AWS::EKS::Nodegroup': { names: ['NodegroupName'] },
  'AWS::AutoScaling::AutoScalingGroup': { names: ['AutoScalingGroupName'] },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': NAMED,
  'AWS::ElasticLoadBalancing::LoadBalancer': { names: ['LoadBalancerName'] },
  'AWS::EC2::SecurityGroup': { names: ['GroupName'] },
  'AWS::ElastiCache::CacheCluster': { names: ['ClusterName'], arn: 'arn:{partition}:elasticache:{region}:{account}:cluster:{name}', lower: true },
  'AWS::ElastiCache::ReplicationGroup': { names: ['ReplicationGroupId'], arn: 'arn:{partition}:elasticache:{region}:{account}:replicationgroup:{name}', lower: true },
  'AWS::ElastiCache::ServerlessCache': { names: ['ServerlessCacheName'], arn: 'arn:{partition}:elasticache:{region}:{account}:serverlesscache:{name}', lower: true },
  'AWS::OpenSearchService::Domain': DOMAIN,
  'AWS::Elasticsearch::Domain': DOMAIN,
  'AWS::Redshift::Cluster': { names: ['ClusterIdentifier'], arn: 'arn:{partition}:redshift:{region}:{account}:cluster:{name}', lower: true },
  'AWS::Kinesis::Stream': { names: ['Name'], arn: 'arn:{partition}:kinesis:{region}:{account}:stream/{name}' },
  'AWS::ECR::Repository': REPOSITORY,
  'AWS::ECR::PublicRepository': { names: ['RepositoryName'] },
  'AWS::Events::EventBus': { names: ['Name'], arn: 'arn:{partition}:events:{region}:{account}:event-bus/{name}' },
  'AWS::StepFunctions::StateMachine': { names: ['StateMachineName'], arn: 'arn:{partition}:states:{region}:{account}:stateMachine:{name}' },
  'AWS::Serverless::StateMachine': { names: ['Name'], arn: 'arn:{partition}:states:{region}:{account}:stateMachine:{name}' },
  'AWS::ApiGateway::RestApi': NAMED,
  'AWS::ApiGatewayV2::Api': NAMED,
  'AWS::Serverless::Api': NAMED,
  'AWS::Route53::HostedZone': { names: ['Name'], tags: 'HostedZoneTags', dns: true },
  'AWS::WAFv2::WebACL': NAMED,
  'AWS::WAF::WebACL': NAMED,
  'AWS::WAFRegional::WebACL': NAMED,
  'AWS::EFS::FileSystem': { tags: 'FileSystemTags' },
  'AWS::Glacier::Vault': { names: ['VaultName'], arn: 'arn:{partition}:glacier:{region}:{account}:vaults/{name}' },
  'AWS::Timestream::Database': { names: ['DatabaseName'], arn: 'arn:{partition}:timestream:{region}:{account}:database/{name}' },
  'AWS::Cassandra::Keyspace': { names: ['KeyspaceName'], arn: 'arn:{partition}:cassandra:{region}:{account}:/keyspace/{name}/' },
  'AWS::SES::EmailIdentity': { names: ['EmailIdentity'], arn: 'arn:{partition}:ses:{region}:{account}:identity/{name}' },
  'AWS::Cognito::UserPool': { names: ['UserPoolName'], tags: 'UserPoolTags' },
};

/** A top-level property evaluated without stand-ins (a literal string needs no second evaluation). */
export function physicalProperty(e: Entry, key: string): Value {
  const raw = e.decl.raw['Properties'];
  if (!isPlainObject(raw) || raw[key] === undefined) return undefined;
  const node = raw[key];
  return typeof node === 'string' && !node.includes('{{resolve:') ? node : physicalEvaluator(e.stack).evaluate(node, e.decl.scope, raw, key);
}

function text(v: Value): string | undefined {
  return scalarText(v)?.trim() || undefined;
}

/**
 * The `Name` tag in either shape (a list of {Key, Value} or a mapping). `propagated`: only a tag
 * an Auto Scaling group passes on to its instances (PropagateAtLaunch).
 */
export function nameTagOf(tags: Value, propagated = false): string | undefined {
  if (Array.isArray(tags)) {
    const tag = tags.find((t) => isPlainObject(t) && t['Key'] === 'Name' && (!propagated || String(t['PropagateAtLaunch']) === 'true'));
    return isPlainObject(tag) ? text(tag['Value']) : undefined;
  }
  return isPlainObject(tags) && !propagated ? text(tags['Name']) : undefined;
}

function fill(pattern: string, values: Record<string, string | undefined>): string | undefined {
  let missing = false;
  const out = pattern.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const v = values[key];
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? undefined : out;
}

export interface Identity {
  names?: string[];
  arn?: string;
}

/** Physical names and ARN of a drawn resource, as far as the evaluated template fixes them. */
export function identityOf(e: Entry): Identity {
  if (e.decl.placeholderLoops) return {};
  const rule = IDENTITY_RULES[e.type] ?? {};
  const clean = (n: string | undefined) => (n && rule.dns ? n.trim().replace(/\.$/, '') : n);
  const own = (rule.names ?? []).map((k) => clean(text(physicalProperty(e, k))));
  const names = [...new Set([...own, nameTagOf(physicalProperty(e, rule.tags ?? 'Tags'))].filter((n): n is string => !!n))];
  const out: Identity = {};
  if (names.length) out.names = names;
  const name = own[0];
  if (rule.arn && name) {
    const arn = fill(rule.arn, {
      partition: partitionOf(e.stack.region),
      region: e.stack.regionGiven ? e.stack.region : undefined,
      account: e.stack.accountId,
      name: rule.lower ? name.toLowerCase() : name,
    });
    if (arn) out.arn = arn;
  }
  return out;
}
