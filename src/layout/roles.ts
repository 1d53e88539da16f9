/**
 * The role of a component along the main flow of a cloud architecture: requests enter through
 * DNS/CDN/API/load balancers, reach compute, pass through messaging and end in data stores.
 * Ordering by role makes most edges point one way. Data, not code: add a type by adding a row.
 */
export type Role = 'entry' | 'compute' | 'messaging' | 'data' | 'network' | 'other';

export const ROLE_ORDER: readonly Role[] = ['entry', 'network', 'compute', 'messaging', 'data', 'other'];

const ROLE_OF_TYPE: Record<string, Role> = {
  r53: 'entry', cloudfront: 'entry', waf: 'entry', apigateway: 'entry', elb: 'entry',
  azureappgw: 'entry', azureapimanagement: 'entry', azurelb: 'entry',
  internetgateway: 'network', natgateway: 'network', vpngateway: 'network', customergateway: 'network',
  transitgateway: 'network', vpcendpoint: 'network', dxconnection: 'network', azurevngw: 'network', azurebastion: 'network',
  ec2: 'compute', lambda: 'compute', ecscluster: 'compute', ecsservice: 'compute', ecstask: 'compute',
  ekscluster: 'compute', eksworkload: 'compute', ekspod: 'compute', asg: 'compute',
  azurevm: 'compute', azurewebapp: 'compute', azurefunctionapp: 'compute', azureakscluster: 'compute',
  azureaksworkload: 'compute', azureakspod: 'compute',
  sqs: 'messaging', sns: 'messaging', snstopic: 'messaging', snssubscriptions: 'messaging', eventbus: 'messaging',
  kinesisstream: 'messaging', ses: 'messaging', azuresbnamespace: 'messaging', azuresbqueue: 'messaging',
  azuresbtopic: 'messaging', azurequeue: 'messaging',
  s3: 'data', dynamodb: 'data', rds: 'data', docdb: 'data', elasticache: 'data', es: 'data', efs: 'data',
  fsx: 'data', ebs: 'data', redshift: 'data', neptune: 'data', keyspaces: 'data', timestream: 'data',
  glaciervault: 'data', ecr: 'data', azureblob: 'data', azuretable: 'data', azurefiles: 'data',
  azurecosmosdb: 'data', azuremysql: 'data', azurepostgresql: 'data', azureredis: 'data', azuredisk: 'data',
};

export function roleOf(ccType: string | undefined): Role {
  return (ccType && ROLE_OF_TYPE[ccType]) || 'other';
}

export function roleRank(ccType: string | undefined): number {
  return ROLE_ORDER.indexOf(roleOf(ccType));
}
