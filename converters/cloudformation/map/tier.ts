/**
 * A subnet's tier, which orders subnets inside a zone: the CDK subnet-type tag, then
 * MapPublicIpOnLaunch, then its route table's default route (internet gateway → public; NAT,
 * instance or transit gateway → private; no default route → isolated), then its name.
 */
import type { Resource } from '../../../src/graph/types.js';
import type { Entries, Entry } from './entries.js';
import { bool, get, list, str } from './read.js';

type Tier = NonNullable<Resource['tier']>;

const CDK_SUBNET_TYPE: Record<string, Tier> = { Public: 'public', Private: 'private', Isolated: 'isolated' };

function tagValue(e: Entry, key: string): string | undefined {
  for (const t of list(e.props, 'Tags')) {
    if (str(t, 'Key') === key) return str(t, 'Value');
  }
  return undefined;
}

function isDefaultRoute(route: Entry): boolean {
  const cidr = str(route.props, 'DestinationCidrBlock') ?? str(route.props, 'DestinationIpv6CidrBlock');
  return cidr === '0.0.0.0/0' || cidr === '::/0';
}

function routeTier(subnet: Entry, entries: Entries): Tier | undefined {
  const associations = entries.referrers(subnet, { path: 'SubnetId', types: ['AWS::EC2::SubnetRouteTableAssociation'] });
  let tier: Tier | undefined;
  for (const a of associations) {
    const table = entries.of(get(a.props, 'RouteTableId'));
    if (!table) continue;
    tier ??= 'isolated';
    for (const route of entries.referrers(table, { path: 'RouteTableId', types: ['AWS::EC2::Route'] })) {
      if (!isDefaultRoute(route)) continue;
      const gateway = entries.of(get(route.props, 'GatewayId'));
      if (gateway?.type === 'AWS::EC2::InternetGateway') return 'public';
      tier = 'private';
    }
  }
  return tier;
}

export function subnetTier(subnet: Entry, entries: Entries): Tier | undefined {
  const cdk = tagValue(subnet, 'aws-cdk:subnet-type');
  if (cdk && CDK_SUBNET_TYPE[cdk]) return CDK_SUBNET_TYPE[cdk];
  if (bool(subnet.props, 'MapPublicIpOnLaunch') === true) return 'public';
  const byRoute = routeTier(subnet, entries);
  if (byRoute) return byRoute;
  const name = `${subnet.decl.logicalId} ${tagValue(subnet, 'Name') ?? ''}`;
  if (/public/i.test(name)) return 'public';
  if (/private/i.test(name)) return 'private';
  if (/isolated/i.test(name)) return 'isolated';
  return undefined;
}
