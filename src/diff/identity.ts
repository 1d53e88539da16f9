/**
 * What a resource is called outside its source file, for matching code against a live account:
 * its physical name (a `BucketName`, a Terraform `bucket`, a `Name` tag), ARN and physical id.
 * Only literal values count; an expression such as `!Sub '${Env}-vpc'` names nothing yet.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * CloudFormation properties that carry the resource's own name: `Name`, and the type's noun
 * followed by Name or Identifier (`AWS::S3::Bucket` → BucketName, `AWS::RDS::DBInstance` →
 * DBInstanceIdentifier). Other `…Name` properties name something else (an EC2 `KeyName`).
 */
const CFN_NAME_SUFFIXES = ['Name', 'Identifier'] as const;

/** Types whose name property breaks that rule. */
const CFN_NAME_EXCEPTIONS: Record<string, readonly string[]> = {
  'AWS::EC2::SecurityGroup': ['GroupName'],
  'AWS::ElastiCache::CacheCluster': ['ClusterName'],
  'AWS::ElastiCache::ReplicationGroup': ['ReplicationGroupId'],
  'AWS::ElasticLoadBalancing::LoadBalancer': ['LoadBalancerName'],
};

/** Terraform attributes that carry the resource's own name. */
const TERRAFORM_NAME_ATTRIBUTES = ['name', 'bucket', 'identifier', 'function_name', 'cluster_identifier', 'cluster_name'] as const;

/** The `Name` tag in either shape: a CloudFormation list of {Key, Value} or a Terraform map. */
function nameTag(tags: unknown): string | undefined {
  if (Array.isArray(tags)) {
    const t = tags.find((x) => isObj(x) && x['Key'] === 'Name');
    return isObj(t) && typeof t['Value'] === 'string' ? t['Value'] : undefined;
  }
  return isObj(tags) && typeof tags['Name'] === 'string' ? tags['Name'] : undefined;
}

function literal(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' && !v.includes('${') ? v.trim() : undefined;
}

/** Physical names a CloudFormation resource declares literally. */
export function cloudFormationNames(type: string, properties: unknown): string[] {
  if (!isObj(properties)) return [];
  const noun = type.split('::').at(-1) ?? '';
  const keys = ['Name', ...CFN_NAME_SUFFIXES.map((s) => `${noun}${s}`), ...(CFN_NAME_EXCEPTIONS[type] ?? [])];
  const out = keys.map((k) => literal(properties[k]));
  out.push(literal(nameTag(properties['Tags'])));
  return out.filter((n): n is string => n !== undefined);
}

/** Physical names, ARN and id of a Terraform instance from its attribute values. */
export function terraformIdentity(values: Obj): { names: string[]; arn?: string; physicalId?: string } {
  const names = TERRAFORM_NAME_ATTRIBUTES.map((k) => literal(values[k]));
  names.push(literal(nameTag(values['tags'])));
  const out: { names: string[]; arn?: string; physicalId?: string } = { names: names.filter((n): n is string => n !== undefined) };
  const arn = literal(values['arn']);
  if (arn?.startsWith('arn:')) out.arn = arn;
  const id = literal(values['id']);
  if (id) out.physicalId = id;
  return out;
}

/** Names compare without case and surrounding space (labels are often retyped by hand). */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Whether an ARN and a physical id denote the same thing: equal, or the ARN ends in the id
 * (`arn:aws:ec2:…:instance/i-0abc` and `i-0abc`). Azure ids compare without case, as Azure does.
 */
export function sameIdentity(a: { arn?: string | undefined; physicalId?: string | undefined }, b: { arn?: string | undefined; physicalId?: string | undefined }): 'arn' | 'physical-id' | undefined {
  if (a.arn && b.arn && a.arn === b.arn) return 'arn';
  const pa = a.physicalId;
  const pb = b.physicalId;
  if (pa && pb && (pa === pb || (pa.startsWith('/subscriptions/') && pa.toLowerCase() === pb.toLowerCase()))) return 'physical-id';
  const endsWith = (arn: string | undefined, id: string | undefined) => !!arn && !!id && id.length > 3 && (arn.endsWith(`/${id}`) || arn.endsWith(`:${id}`));
  if (endsWith(a.arn, pb) || endsWith(b.arn, pa)) return 'physical-id';
  return undefined;
}
