/**
 * Public, private or isolated: what a subnet is follows from its route table. A default route to
 * an internet gateway makes it public; one to a NAT gateway (or transit gateway, instance…)
 * private; a table without a default route isolated. Without route facts, the subnet's
 * `map_public_ip_on_launch` or, last, its name decides.
 */
import type { Resource } from '../../src/graph/types.js';
import type { TfInstance } from './model.js';
import type { Resolver } from './resolver.js';
import { bool, str, tag, valuesAt } from './values.js';

type Tier = NonNullable<Resource['tier']>;

const RANK: Record<Tier, number> = { isolated: 0, private: 1, public: 2 };

const NON_IGW_TARGETS = ['nat_gateway_id', 'transit_gateway_id', 'instance_id', 'network_interface_id', 'egress_only_gateway_id', 'vpc_peering_connection_id'];

/** What a route's values lead to; `undefined` when it is not a default route or its target is unknown. */
function routeTier(values: Record<string, unknown>): Tier | undefined {
  const destination = str(values['destination_cidr_block']) ?? str(values['cidr_block']) ?? str(values['destination_ipv6_cidr_block']) ?? str(values['ipv6_cidr_block']);
  if (destination !== undefined && destination !== '0.0.0.0/0' && destination !== '::/0') return undefined;
  const gateway = str(values['gateway_id']);
  if (gateway && gateway !== 'local') return gateway.startsWith('vgw-') ? 'private' : 'public';
  if (NON_IGW_TARGETS.some((k) => str(values[k]))) return 'private';
  return undefined;
}

/** Plans: an `aws_route` to a gateway being created has no id yet; its configuration reference says which. */
function plannedRouteTier(route: TfInstance, resolver: Resolver): Tier | undefined {
  if (resolver.targets(route, ['gateway_id'], ['aws_internet_gateway']).length) return 'public';
  if (resolver.targets(route, ['nat_gateway_id'], ['aws_nat_gateway']).length) return 'private';
  return undefined;
}

export function assignSubnetTiers(drawn: ReadonlyMap<TfInstance, Resource>, resolver: Resolver): void {
  // Route table → best tier of its default routes ('isolated' when it has none).
  const tableTier = new Map<TfInstance, Tier>();
  const better = (table: TfInstance, t: Tier | undefined) => {
    const current = tableTier.get(table) ?? 'isolated';
    tableTier.set(table, t && RANK[t] > RANK[current] ? t : current);
  };
  const subnetTables = new Map<TfInstance, TfInstance[]>();
  const mainTables = new Map<TfInstance, TfInstance>();
  for (const inst of resolver.all()) {
    if (inst.type === 'aws_route_table' || inst.type === 'aws_default_route_table') {
      const routes = valuesAt(inst.values, ['route']).flatMap((r) => (Array.isArray(r) ? r : [r]));
      if (!routes.length) better(inst, undefined);
      for (const r of routes) if (r && typeof r === 'object') better(inst, routeTier(r as Record<string, unknown>));
      if (resolver.targets(inst, ['route', 'gateway_id'], ['aws_internet_gateway']).length) better(inst, 'public');
    } else if (inst.type === 'aws_route') {
      for (const table of resolver.targets(inst, ['route_table_id'], ['aws_route_table', 'aws_default_route_table'])) better(table, routeTier(inst.values) ?? plannedRouteTier(inst, resolver));
    } else if (inst.type === 'aws_route_table_association') {
      for (const subnet of resolver.targets(inst, ['subnet_id'], ['aws_subnet'])) {
        const tables = resolver.targets(inst, ['route_table_id'], ['aws_route_table', 'aws_default_route_table']);
        subnetTables.set(subnet, [...(subnetTables.get(subnet) ?? []), ...tables]);
      }
    } else if (inst.type === 'aws_main_route_table_association') {
      const vpc = resolver.targets(inst, ['vpc_id'], ['aws_vpc'])[0];
      const table = resolver.targets(inst, ['route_table_id'], ['aws_route_table'])[0];
      if (vpc && table) mainTables.set(vpc, table);
    }
  }
  for (const [inst, res] of drawn) {
    if (inst.type !== 'aws_subnet' && inst.type !== 'aws_default_subnet') continue;
    let tables = subnetTables.get(inst) ?? [];
    if (!tables.length) {
      const vpc = resolver.targets(inst, ['vpc_id'], ['aws_vpc'])[0];
      const main = vpc && mainTables.get(vpc);
      if (main) tables = [main];
    }
    const fromRoutes = tables.map((t) => tableTier.get(t)).filter((t): t is Tier => t !== undefined);
    if (fromRoutes.length) {
      res.tier = fromRoutes.reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
      continue;
    }
    if (bool(inst.values['map_public_ip_on_launch']) === true) {
      res.tier = 'public';
      continue;
    }
    const label = `${inst.name} ${tag(inst.values, 'Name') ?? ''}`.toLowerCase();
    if (/public/.test(label)) res.tier = 'public';
    else if (/private/.test(label)) res.tier = 'private';
    else if (/isolated|database|db/.test(label)) res.tier = 'isolated';
  }
}
