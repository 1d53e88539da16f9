/** Each containment rule: which attribute places a resource in which VPC, subnet, group or parent. */
import { describe, expect, it } from 'vitest';
import { graphOf, one, placement, res, state, type ResourceSpec } from './helpers.js';

const vpc = one('aws_vpc', 'main', { id: 'vpc-1', arn: 'arn:aws:ec2:eu-west-1:1:vpc/vpc-1' });
const subnet = (name: string, id: string, az: string, extra: Record<string, unknown> = {}) =>
  one('aws_subnet', name, { id, vpc_id: 'vpc-1', availability_zone: az, ...extra });
const sg = (name: string, id: string) => one('aws_security_group', name, { id, name: `sg-${name}`, vpc_id: 'vpc-1' });
const network: ResourceSpec[] = [vpc, subnet('a', 'subnet-a', 'eu-west-1a'), subnet('b', 'subnet-b', 'eu-west-1b'), sg('web', 'sg-web'), sg('db', 'sg-db')];

function place(resources: ResourceSpec[], address: string) {
  return placement(graphOf(state([...network, ...resources])), address);
}

describe('AWS containment', () => {
  it.each<[string, ResourceSpec, Record<string, unknown>]>([
    ['subnet_id, vpc_security_group_ids, availability_zone', one('aws_instance', 'web', { id: 'i-1', subnet_id: 'subnet-a', vpc_security_group_ids: ['sg-web'], availability_zone: 'eu-west-1a' }),
      { vpc: 'aws_vpc.main', zone: 'eu-west-1a', subnets: ['aws_subnet.a'], securityGroups: ['aws_security_group.web'] }],
    ['security_groups by name (default VPC style)', one('aws_instance', 'web', { id: 'i-1', subnet_id: 'subnet-a', security_groups: ['sg-web'] }),
      { vpc: 'aws_vpc.main', subnets: ['aws_subnet.a'], securityGroups: ['aws_security_group.web'] }],
    ['subnets and security_groups of a load balancer', one('aws_lb', 'alb', { id: 'arn:lb', subnets: ['subnet-a', 'subnet-b'], security_groups: ['sg-web'], vpc_id: 'vpc-1' }),
      { vpc: 'aws_vpc.main', subnets: ['aws_subnet.a', 'aws_subnet.b'], securityGroups: ['aws_security_group.web'] }],
    ['subnet_mapping of a network load balancer', one('aws_lb', 'nlb', { id: 'arn:nlb', subnet_mapping: [{ subnet_id: 'subnet-b' }] }),
      { vpc: 'aws_vpc.main', subnets: ['aws_subnet.b'] }],
    ['vpc_config of a function', one('aws_lambda_function', 'fn', { id: 'fn', vpc_config: [{ subnet_ids: ['subnet-b'], security_group_ids: ['sg-db'], vpc_id: 'vpc-1' }] }),
      { vpc: 'aws_vpc.main', subnets: ['aws_subnet.b'], securityGroups: ['aws_security_group.db'] }],
    ['network_configuration of an ECS service', one('aws_ecs_service', 'svc', { id: 'svc', network_configuration: [{ subnets: ['subnet-a'], security_groups: ['sg-web'] }] }),
      { vpc: 'aws_vpc.main', subnets: ['aws_subnet.a'], securityGroups: ['aws_security_group.web'] }],
    ['vpc_options of an OpenSearch domain', one('aws_opensearch_domain', 'search', { id: 'd', vpc_options: [{ subnet_ids: ['subnet-a'], security_group_ids: ['sg-db'] }] }),
      { vpc: 'aws_vpc.main', subnets: ['aws_subnet.a'], securityGroups: ['aws_security_group.db'] }],
    ['vpc_id of a gateway', one('aws_internet_gateway', 'igw', { id: 'igw-1', vpc_id: 'vpc-1' }), { vpc: 'aws_vpc.main' }],
    ['vpc_zone_identifier of an Auto Scaling group', one('aws_autoscaling_group', 'asg', { id: 'asg', vpc_zone_identifier: ['subnet-a', 'subnet-b'] }),
      { vpc: 'aws_vpc.main', subnets: ['aws_subnet.a', 'aws_subnet.b'] }],
    ['subnet_ids of an EKS node group', one('aws_eks_node_group', 'ng', { id: 'ng', subnet_ids: ['subnet-a', 'subnet-b'] }),
      { vpc: 'aws_vpc.main', subnets: ['aws_subnet.a', 'aws_subnet.b'] }],
  ])('%s', (_, resource, expected) => {
    expect(place([resource], `${resource.type}.${resource.name}`)).toEqual(expected);
  });

  it('places subnets and security groups in their VPC and zone', () => {
    expect(place([], 'aws_subnet.a')).toEqual({ vpc: 'aws_vpc.main', zone: 'eu-west-1a' });
    expect(place([], 'aws_security_group.web')).toEqual({ vpc: 'aws_vpc.main' });
  });

  it('follows a DB subnet group and an Aurora cluster to their subnets and groups', () => {
    const extra = [
      one('aws_db_subnet_group', 'g', { id: 'grp', name: 'grp', subnet_ids: ['subnet-a', 'subnet-b'] }),
      one('aws_rds_cluster', 'c', { id: 'c', cluster_identifier: 'c', engine: 'aurora-mysql', db_subnet_group_name: 'grp', vpc_security_group_ids: ['sg-db'] }),
      one('aws_rds_cluster_instance', 'i', { id: 'ci', cluster_identifier: 'c', engine: 'aurora-mysql', availability_zone: 'eu-west-1b' }),
      one('aws_db_instance', 'pg', { id: 'pg', db_subnet_group_name: 'grp', vpc_security_group_ids: ['sg-db'] }),
    ];
    const g = graphOf(state([...network, ...extra]));
    expect(placement(g, 'aws_rds_cluster_instance.i')).toEqual({ vpc: 'aws_vpc.main', zone: 'eu-west-1b', subnets: ['aws_subnet.a', 'aws_subnet.b'], securityGroups: ['aws_security_group.db'] });
    expect(placement(g, 'aws_db_instance.pg')).toEqual({ vpc: 'aws_vpc.main', subnets: ['aws_subnet.a', 'aws_subnet.b'], securityGroups: ['aws_security_group.db'] });
  });

  it('follows cache and Redshift subnet groups', () => {
    const g = graphOf(state([...network,
      one('aws_elasticache_subnet_group', 'g', { id: 'cache', name: 'cache', subnet_ids: ['subnet-b'] }),
      one('aws_elasticache_replication_group', 'r', { id: 'r', subnet_group_name: 'cache', security_group_ids: ['sg-db'] }),
      one('aws_redshift_subnet_group', 'g', { id: 'rs', name: 'rs', subnet_ids: ['subnet-a'] }),
      one('aws_redshift_cluster', 'w', { id: 'w', cluster_subnet_group_name: 'rs', vpc_security_group_ids: ['sg-db'] }),
    ]));
    expect(placement(g, 'aws_elasticache_replication_group.r')).toEqual({ vpc: 'aws_vpc.main', subnets: ['aws_subnet.b'], securityGroups: ['aws_security_group.db'] });
    expect(placement(g, 'aws_redshift_cluster.w')).toEqual({ vpc: 'aws_vpc.main', subnets: ['aws_subnet.a'], securityGroups: ['aws_security_group.db'] });
  });

  it('puts an EFS file system where its mount targets are', () => {
    const g = graphOf(state([...network,
      one('aws_efs_file_system', 'fs', { id: 'fs-1' }),
      { type: 'aws_efs_mount_target', name: 'mt', instances: [
        { key: 0, attributes: { id: 'fsmt-a', file_system_id: 'fs-1', subnet_id: 'subnet-a', security_groups: ['sg-db'] } },
        { key: 1, attributes: { id: 'fsmt-b', file_system_id: 'fs-1', subnet_id: 'subnet-b', security_groups: ['sg-db'] } },
      ] },
    ]));
    expect(placement(g, 'aws_efs_file_system.fs')).toEqual({ vpc: 'aws_vpc.main', subnets: ['aws_subnet.a', 'aws_subnet.b'], securityGroups: ['aws_security_group.db'] });
  });

  it('puts an Auto Scaling group in the security groups of its launch template or configuration', () => {
    const g = graphOf(state([...network,
      one('aws_launch_template', 'lt', { id: 'lt-1', name: 'web', vpc_security_group_ids: ['sg-web'] }),
      one('aws_autoscaling_group', 'by_id', { id: 'a1', vpc_zone_identifier: ['subnet-a'], launch_template: [{ id: 'lt-1', version: '$Latest' }] }),
      one('aws_autoscaling_group', 'by_name', { id: 'a2', launch_template: [{ name: 'web' }] }),
      one('aws_autoscaling_group', 'mixed', { id: 'a3', mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_id: 'lt-1' }] }] }] }),
      one('aws_launch_configuration', 'lc', { id: 'lc', name: 'lc', security_groups: ['sg-db'] }),
      one('aws_autoscaling_group', 'legacy', { id: 'a4', launch_configuration: 'lc' }),
      one('aws_eks_node_group', 'ng', { id: 'ng', subnet_ids: ['subnet-b'], launch_template: [{ id: 'lt-1' }] }),
    ]));
    expect(placement(g, 'aws_autoscaling_group.by_id')).toEqual({ vpc: 'aws_vpc.main', subnets: ['aws_subnet.a'], securityGroups: ['aws_security_group.web'] });
    // A security group belongs to one VPC, so its members do too.
    expect(placement(g, 'aws_autoscaling_group.by_name')).toEqual({ vpc: 'aws_vpc.main', securityGroups: ['aws_security_group.web'] });
    expect(placement(g, 'aws_autoscaling_group.mixed')).toEqual({ vpc: 'aws_vpc.main', securityGroups: ['aws_security_group.web'] });
    expect(placement(g, 'aws_autoscaling_group.legacy')).toEqual({ vpc: 'aws_vpc.main', securityGroups: ['aws_security_group.db'] });
    expect(placement(g, 'aws_eks_node_group.ng')).toEqual({ vpc: 'aws_vpc.main', subnets: ['aws_subnet.b'], securityGroups: ['aws_security_group.web'] });
  });

  it('places an instance through its network interface, and gateways through attachments', () => {
    const g = graphOf(state([...network,
      one('aws_network_interface', 'eni', { id: 'eni-1', subnet_id: 'subnet-b', security_groups: ['sg-web'] }),
      one('aws_instance', 'app', { id: 'i-2', network_interface: [{ network_interface_id: 'eni-1', device_index: 0 }] }),
      one('aws_internet_gateway', 'igw', { id: 'igw-9' }),
      one('aws_internet_gateway_attachment', 'att', { id: 'att', internet_gateway_id: 'igw-9', vpc_id: 'vpc-1' }),
    ]));
    expect(placement(g, 'aws_instance.app')).toEqual({ vpc: 'aws_vpc.main', subnets: ['aws_subnet.b'], securityGroups: ['aws_security_group.web'] });
    expect(placement(g, 'aws_internet_gateway.igw')).toEqual({ vpc: 'aws_vpc.main' });
  });

  it('nests ECS services in their cluster and task definitions in their service', () => {
    const g = graphOf(state([
      one('aws_ecs_cluster', 'c', { id: 'arn:aws:ecs:eu-west-1:1:cluster/c', arn: 'arn:aws:ecs:eu-west-1:1:cluster/c', name: 'c' }),
      one('aws_ecs_task_definition', 't', { id: 'web', arn: 'arn:aws:ecs:eu-west-1:1:task-definition/web:3', family: 'web' }),
      one('aws_ecs_service', 's', { id: 'svc', cluster: 'arn:aws:ecs:eu-west-1:1:cluster/c', task_definition: 'arn:aws:ecs:eu-west-1:1:task-definition/web:3' }),
    ]));
    expect(placement(g, 'aws_ecs_service.s')).toEqual({ parent: 'aws_ecs_cluster.c' });
    expect(placement(g, 'aws_ecs_task_definition.t')).toEqual({ parent: 'aws_ecs_service.s' });
  });

  it('ignores references to things that are not drawn', () => {
    expect(place([one('aws_instance', 'x', { id: 'i', subnet_id: 'subnet-elsewhere', vpc_security_group_ids: ['sg-elsewhere'] })], 'aws_instance.x')).toEqual({});
  });
});

describe('subnet tiers', () => {
  const routes: ResourceSpec[] = [
    one('aws_internet_gateway', 'igw', { id: 'igw-1', vpc_id: 'vpc-1' }),
    one('aws_nat_gateway', 'nat', { id: 'nat-1', subnet_id: 'subnet-a' }),
    one('aws_route_table', 'public', { id: 'rtb-pub', vpc_id: 'vpc-1', route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' }] }),
    one('aws_route_table', 'private', { id: 'rtb-priv', vpc_id: 'vpc-1', route: [] }),
    one('aws_route', 'nat', { id: 'r1', route_table_id: 'rtb-priv', destination_cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-1' }),
    one('aws_route_table', 'isolated', { id: 'rtb-iso', vpc_id: 'vpc-1', route: [{ cidr_block: '10.9.0.0/16', vpc_peering_connection_id: 'pcx-1' }] }),
    one('aws_route_table_association', 'a', { id: 'as-a', subnet_id: 'subnet-a', route_table_id: 'rtb-pub' }),
    one('aws_route_table_association', 'b', { id: 'as-b', subnet_id: 'subnet-b', route_table_id: 'rtb-priv' }),
    one('aws_route_table_association', 'c', { id: 'as-c', subnet_id: 'subnet-c', route_table_id: 'rtb-iso' }),
  ];

  it('reads public / private / isolated from the route tables', () => {
    const g = graphOf(state([...network, subnet('c', 'subnet-c', 'eu-west-1c'), ...routes]));
    expect(['a', 'b', 'c'].map((n) => res(g, `aws_subnet.${n}`).tier)).toEqual(['public', 'private', 'isolated']);
  });

  it('falls back to map_public_ip_on_launch, then to the name', () => {
    const g = graphOf(state([vpc,
      subnet('x', 'subnet-x', 'eu-west-1a', { map_public_ip_on_launch: true }),
      subnet('private_app', 'subnet-y', 'eu-west-1a'),
      subnet('z', 'subnet-z', 'eu-west-1a', { tags: { Name: 'db-tier' } }),
      subnet('q', 'subnet-q', 'eu-west-1a'),
    ]));
    expect(['x', 'private_app', 'z', 'q'].map((n) => res(g, `aws_subnet.${n}`).tier)).toEqual(['public', 'private', 'isolated', undefined]);
  });
});

describe('Azure containment', () => {
  const rgId = '/subscriptions/0/resourceGroups/rg';
  const vnetId = `${rgId}/providers/Microsoft.Network/virtualNetworks/net`;
  const base: ResourceSpec[] = [
    one('azurerm_resource_group', 'rg', { id: rgId, name: 'rg', location: 'West Europe' }),
    one('azurerm_virtual_network', 'net', { id: vnetId, name: 'net', resource_group_name: 'rg', location: 'westeurope', subnet: [{ id: `${vnetId}/subnets/inline`, name: 'inline' }] }),
    one('azurerm_subnet', 'app', { id: `${vnetId}/subnets/app`, name: 'app', resource_group_name: 'rg', virtual_network_name: 'net' }),
  ];

  it('draws resource groups, virtual networks and subnets as nested areas', () => {
    const g = graphOf(state(base));
    expect(['azurerm_resource_group.rg', 'azurerm_virtual_network.net', 'azurerm_subnet.app'].map((a) => res(g, a).ccType)).toEqual(['area', 'area', 'area']);
    expect(placement(g, 'azurerm_virtual_network.net')).toEqual({ parent: 'azurerm_resource_group.rg' });
    expect(placement(g, 'azurerm_subnet.app')).toEqual({ vpc: 'azurerm_virtual_network.net' });
    expect(res(g, 'azurerm_resource_group.rg').region).toBe('westeurope');
  });

  it('places a VM through its network interface; ids compare case-insensitively', () => {
    const g = graphOf(state([...base,
      one('azurerm_network_interface', 'nic', { id: `${rgId}/nic`, ip_configuration: [{ subnet_id: `${vnetId.toUpperCase()}/subnets/app` }] }),
      one('azurerm_linux_virtual_machine', 'vm', { id: `${rgId}/vm`, resource_group_name: 'rg', network_interface_ids: [`${rgId}/nic`] }),
    ]));
    expect(placement(g, 'azurerm_linux_virtual_machine.vm')).toEqual({ vpc: 'azurerm_virtual_network.net', subnets: ['azurerm_subnet.app'] });
  });

  it.each<[string, Record<string, unknown>]>([
    ['azurerm_kubernetes_cluster', { default_node_pool: [{ vnet_subnet_id: `${vnetId}/subnets/app` }] }],
    ['azurerm_linux_web_app', { virtual_network_subnet_id: `${vnetId}/subnets/app` }],
    ['azurerm_lb', { frontend_ip_configuration: [{ subnet_id: `${vnetId}/subnets/app` }] }],
    ['azurerm_application_gateway', { gateway_ip_configuration: [{ subnet_id: `${vnetId}/subnets/app` }] }],
    ['azurerm_bastion_host', { ip_configuration: [{ subnet_id: `${vnetId}/subnets/app` }] }],
    ['azurerm_virtual_network_gateway', { ip_configuration: [{ subnet_id: `${vnetId}/subnets/app` }] }],
    ['azurerm_postgresql_flexible_server', { delegated_subnet_id: `${vnetId}/subnets/app` }],
    ['azurerm_redis_cache', { subnet_id: `${vnetId}/subnets/app` }],
    ['azurerm_linux_virtual_machine_scale_set', { network_interface: [{ ip_configuration: [{ subnet_id: `${vnetId}/subnets/app` }] }] }],
  ])('places %s in its subnet', (type, attributes) => {
    const g = graphOf(state([...base, one(type, 'x', { id: `${rgId}/x`, resource_group_name: 'rg', ...attributes })]));
    expect(placement(g, `${type}.x`)).toEqual({ vpc: 'azurerm_virtual_network.net', subnets: ['azurerm_subnet.app'] });
  });

  it('uses the virtual network for subnets declared inline', () => {
    const g = graphOf(state([...base, one('azurerm_redis_cache', 'r', { id: `${rgId}/r`, resource_group_name: 'rg', subnet_id: `${vnetId}/subnets/inline` })]));
    expect(placement(g, 'azurerm_redis_cache.r')).toEqual({ vpc: 'azurerm_virtual_network.net' });
  });

  it('puts resources outside networks in their resource group; storage children in their account\'s group', () => {
    const g = graphOf(state([...base,
      one('azurerm_cosmosdb_account', 'db', { id: `${rgId}/db`, resource_group_name: 'RG' }),
      one('azurerm_storage_account', 'sa', { id: `${rgId}/sa`, name: 'sa', resource_group_name: 'rg' }),
      one('azurerm_storage_container', 'c', { id: 'https://sa/c', storage_account_name: 'sa' }),
      one('azurerm_servicebus_namespace', 'ns', { id: `${rgId}/ns`, resource_group_name: 'rg' }),
      one('azurerm_servicebus_queue', 'q', { id: `${rgId}/ns/queues/q`, namespace_id: `${rgId}/ns` }),
    ]));
    expect(placement(g, 'azurerm_cosmosdb_account.db')).toEqual({ parent: 'azurerm_resource_group.rg' });
    expect(placement(g, 'azurerm_storage_container.c')).toEqual({ parent: 'azurerm_resource_group.rg' });
    expect(placement(g, 'azurerm_servicebus_queue.q')).toEqual({ parent: 'azurerm_servicebus_namespace.ns' });
  });
});
