/**
 * Where each drawn resource sits: VPC, subnets, security groups, availability zone, and generic
 * parents (ECS cluster, Service Bus namespace, Azure resource group / virtual network). The
 * rules are data: an attribute path, the slot it fills and the types it may point at; "via"
 * rules hop through an undrawn helper (a DB subnet group, a launch template, a network
 * interface); contributor rules let a helper place another resource (EFS mount targets).
 */
import type { Containment, Resource } from '../../src/graph/types.js';
import type { TfInstance } from './model.js';
import type { Resolver } from './resolver.js';
import { str, stringsAt } from './values.js';

type Slot = 'vpc' | 'subnets' | 'securityGroups' | 'parent';

const VPCS = ['aws_vpc', 'aws_default_vpc'];
const SUBNETS = ['aws_subnet', 'aws_default_subnet'];
const SGS = ['aws_security_group', 'aws_default_security_group'];
const AZ_SUBNETS = ['azurerm_subnet'];

interface Direct { path: readonly string[]; slot: Slot; types: readonly string[] }
interface Via { path: readonly string[]; via: readonly string[]; then: readonly Rule[] }
type Rule = Direct | Via;

const d = (path: string, slot: Slot, types: readonly string[]): Direct => ({ path: path.split('.'), slot, types });
const via = (path: string, types: readonly string[], then: readonly Rule[]): Via => ({ path: path.split('.'), via: types, then });

/** Attributes any AWS resource may use to say where it runs. */
const AWS_COMMON: readonly Rule[] = [
  d('vpc_id', 'vpc', VPCS),
  d('subnet_id', 'subnets', SUBNETS),
  d('subnet_ids', 'subnets', SUBNETS),
  d('subnets', 'subnets', SUBNETS),
  d('subnet_mapping.subnet_id', 'subnets', SUBNETS),
  d('vpc_zone_identifier', 'subnets', SUBNETS),
  d('vpc_security_group_ids', 'securityGroups', SGS),
  d('security_groups', 'securityGroups', SGS),
  d('security_group_ids', 'securityGroups', SGS),
  d('vpc_config.vpc_id', 'vpc', VPCS),
  d('vpc_config.subnet_ids', 'subnets', SUBNETS),
  d('vpc_config.security_group_ids', 'securityGroups', SGS),
  d('vpc_config.cluster_security_group_id', 'securityGroups', SGS),
  d('network_configuration.subnets', 'subnets', SUBNETS),
  d('network_configuration.security_groups', 'securityGroups', SGS),
  d('vpc_options.subnet_ids', 'subnets', SUBNETS),
  d('vpc_options.security_group_ids', 'securityGroups', SGS),
];

const SUBNET_GROUP = (path: string, type: string) => via(path, [type], [d('subnet_ids', 'subnets', SUBNETS)]);
const LAUNCH_TEMPLATE_SGS: readonly Rule[] = [
  d('vpc_security_group_ids', 'securityGroups', SGS),
  d('security_group_names', 'securityGroups', SGS),
  d('network_interfaces.security_groups', 'securityGroups', SGS),
  d('network_interfaces.subnet_id', 'subnets', SUBNETS),
];
const LAUNCH_TEMPLATE: readonly Rule[] = [
  via('launch_template.id', ['aws_launch_template'], LAUNCH_TEMPLATE_SGS),
  via('launch_template.name', ['aws_launch_template'], LAUNCH_TEMPLATE_SGS),
  via('mixed_instances_policy.launch_template.launch_template_specification.launch_template_id', ['aws_launch_template'], LAUNCH_TEMPLATE_SGS),
];

/** Type-specific hops through helpers. */
const AWS_VIA: Record<string, readonly Rule[]> = {
  aws_db_instance: [SUBNET_GROUP('db_subnet_group_name', 'aws_db_subnet_group')],
  aws_rds_cluster: [SUBNET_GROUP('db_subnet_group_name', 'aws_db_subnet_group')],
  aws_rds_cluster_instance: [
    SUBNET_GROUP('db_subnet_group_name', 'aws_db_subnet_group'),
    via('cluster_identifier', ['aws_rds_cluster'], [d('vpc_security_group_ids', 'securityGroups', SGS), SUBNET_GROUP('db_subnet_group_name', 'aws_db_subnet_group')]),
  ],
  aws_docdb_cluster_instance: [
    via('cluster_identifier', ['aws_docdb_cluster'], [d('vpc_security_group_ids', 'securityGroups', SGS), SUBNET_GROUP('db_subnet_group_name', 'aws_docdb_subnet_group')]),
  ],
  aws_neptune_cluster: [SUBNET_GROUP('neptune_subnet_group_name', 'aws_neptune_subnet_group')],
  aws_elasticache_cluster: [SUBNET_GROUP('subnet_group_name', 'aws_elasticache_subnet_group')],
  aws_elasticache_replication_group: [SUBNET_GROUP('subnet_group_name', 'aws_elasticache_subnet_group')],
  aws_redshift_cluster: [SUBNET_GROUP('cluster_subnet_group_name', 'aws_redshift_subnet_group')],
  aws_autoscaling_group: [...LAUNCH_TEMPLATE, via('launch_configuration', ['aws_launch_configuration'], [d('security_groups', 'securityGroups', SGS)])],
  aws_eks_node_group: LAUNCH_TEMPLATE,
  aws_instance: [
    ...LAUNCH_TEMPLATE,
    via('network_interface.network_interface_id', ['aws_network_interface'], [d('subnet_id', 'subnets', SUBNETS), d('security_groups', 'securityGroups', SGS)]),
  ],
  aws_ecs_service: [d('cluster', 'parent', ['aws_ecs_cluster'])],
};

/** Helpers that place another resource: `target` names it, `then` reads the helper's own attributes. */
const AWS_CONTRIBUTORS: Record<string, { target: Direct; then: readonly Rule[] }> = {
  aws_efs_mount_target: {
    target: d('file_system_id', 'parent', ['aws_efs_file_system']),
    then: [d('subnet_id', 'subnets', SUBNETS), d('security_groups', 'securityGroups', SGS)],
  },
  aws_internet_gateway_attachment: { target: d('internet_gateway_id', 'parent', ['aws_internet_gateway']), then: [d('vpc_id', 'vpc', VPCS)] },
  aws_vpn_gateway_attachment: { target: d('vpn_gateway_id', 'parent', ['aws_vpn_gateway']), then: [d('vpc_id', 'vpc', VPCS)] },
};

/** Resources that contain what their attribute points at: an ECS service holds its task definition. */
const AWS_HOLDERS: Record<string, Direct> = {
  aws_ecs_service: d('task_definition', 'parent', ['aws_ecs_task_definition']),
};

const NIC_SUBNET: readonly Rule[] = [via('network_interface_ids', ['azurerm_network_interface'], [d('ip_configuration.subnet_id', 'subnets', AZ_SUBNETS)])];

const AZURE_RULES: Record<string, readonly Rule[]> = {
  azurerm_linux_virtual_machine: NIC_SUBNET,
  azurerm_windows_virtual_machine: NIC_SUBNET,
  azurerm_virtual_machine: NIC_SUBNET,
  azurerm_linux_virtual_machine_scale_set: [d('network_interface.ip_configuration.subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_windows_virtual_machine_scale_set: [d('network_interface.ip_configuration.subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_orchestrated_virtual_machine_scale_set: [d('network_interface.ip_configuration.subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_virtual_machine_scale_set: [d('network_profile.ip_configuration.subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_kubernetes_cluster: [d('default_node_pool.vnet_subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_linux_web_app: [d('virtual_network_subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_windows_web_app: [d('virtual_network_subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_linux_function_app: [d('virtual_network_subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_windows_function_app: [d('virtual_network_subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_lb: [d('frontend_ip_configuration.subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_application_gateway: [d('gateway_ip_configuration.subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_bastion_host: [d('ip_configuration.subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_virtual_network_gateway: [d('ip_configuration.subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_mysql_flexible_server: [d('delegated_subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_postgresql_flexible_server: [d('delegated_subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_redis_cache: [d('subnet_id', 'subnets', AZ_SUBNETS)],
  azurerm_servicebus_queue: [d('namespace_id', 'parent', ['azurerm_servicebus_namespace']), d('namespace_name', 'parent', ['azurerm_servicebus_namespace'])],
  azurerm_servicebus_topic: [d('namespace_id', 'parent', ['azurerm_servicebus_namespace']), d('namespace_name', 'parent', ['azurerm_servicebus_namespace'])],
  azurerm_virtual_network: [d('resource_group_name', 'parent', ['azurerm_resource_group'])],
};

/** Azure resources without `resource_group_name` live in the group of their owner. */
const AZURE_OWNERS: Record<string, Direct[]> = Object.fromEntries(
  ['azurerm_storage_container', 'azurerm_storage_queue', 'azurerm_storage_table', 'azurerm_storage_share'].map((t) => [t, [
    d('storage_account_id', 'parent', ['azurerm_storage_account']), d('storage_account_name', 'parent', ['azurerm_storage_account']),
  ]]),
);

/** Adds `target` to a slot; single-valued slots keep the first value. */
function fill(c: Containment, slot: Slot, target: string): void {
  if (slot === 'subnets' || slot === 'securityGroups') {
    const list = (c[slot] ??= []);
    if (!list.includes(target)) list.push(target);
  } else c[slot] ??= target;
}

export class ContainmentBuilder {
  constructor(private readonly drawn: ReadonlyMap<TfInstance, Resource>, private readonly resolver: Resolver) {}

  /** Applies rules reading `source`'s attributes to `into`'s containment. */
  private apply(rules: readonly Rule[], source: TfInstance, into: Resource, depth = 0): void {
    if (depth > 3) return;
    for (const rule of rules) {
      if ('via' in rule) {
        for (const helper of this.resolver.targets(source, rule.path, rule.via)) this.apply(rule.then, helper, into, depth + 1);
        continue;
      }
      let found = this.resolver.targets(source, rule.path, rule.types);
      // `subnet_id = element(aws_subnet.public[*].id, 0)` resolves to every instance in a plan;
      // a singular attribute holds one.
      if (found.length > 1 && rule.path[rule.path.length - 1]!.endsWith('_id')) found = found.slice(0, 1);
      for (const t of found) {
        const res = this.drawn.get(t);
        if (res && res !== into) fill(into.in, rule.slot, res.id);
        else if (!res && rule.slot === 'subnets' && t.type === 'azurerm_subnet') this.azureSubnetFallback(t, into);
      }
      if (rule.slot === 'subnets' && rule.types === AZ_SUBNETS) this.inlineAzureSubnets(source, rule.path, into);
    }
  }

  /** A subnet declared inline in its virtual network has no resource: place the member in the network. */
  private inlineAzureSubnets(source: TfInstance, path: readonly string[], into: Resource): void {
    for (const id of stringsAt(source.values, path)) {
      if (this.resolver.lookup(id, AZ_SUBNETS).length) continue;
      const vnetId = id.replace(/\/subnets\/[^/]+$/i, '');
      const vnet = this.resolver.lookup(vnetId, ['azurerm_virtual_network'])[0];
      const res = vnet && this.drawn.get(vnet);
      if (res) fill(into.in, 'vpc', res.id);
    }
  }

  private azureSubnetFallback(subnet: TfInstance, into: Resource): void {
    const vnet = this.azureVnetOf(subnet);
    const res = vnet && this.drawn.get(vnet);
    if (res) fill(into.in, 'vpc', res.id);
  }

  /** The virtual network of an Azure subnet: by id prefix, else by name within its resource group. */
  azureVnetOf(subnet: TfInstance): TfInstance | undefined {
    const id = str(subnet.values['id']);
    if (id) {
      const hit = this.resolver.lookup(id.replace(/\/subnets\/[^/]+$/i, ''), ['azurerm_virtual_network'])[0];
      if (hit) return hit;
    }
    const candidates = this.resolver.targets(subnet, ['virtual_network_name'], ['azurerm_virtual_network']);
    const rg = str(subnet.values['resource_group_name'])?.toLowerCase();
    return candidates.find((c) => str(c.values['resource_group_name'])?.toLowerCase() === rg) ?? candidates[0];
  }

  run(): void {
    for (const [inst, res] of this.drawn) {
      if (inst.type.startsWith('aws_')) {
        this.apply(AWS_COMMON, inst, res);
        this.apply(AWS_VIA[inst.type] ?? [], inst, res);
        const az = str(inst.values['availability_zone']);
        if (az) res.in.zone ??= az;
      } else if (inst.type.startsWith('azurerm_')) {
        this.apply(AZURE_RULES[inst.type] ?? [], inst, res);
        if (inst.type === 'azurerm_subnet') {
          const vnet = this.azureVnetOf(inst);
          const vres = vnet && this.drawn.get(vnet);
          if (vres) fill(res.in, 'vpc', vres.id);
        }
      }
    }
    for (const inst of this.resolver.all()) {
      const rule = AWS_CONTRIBUTORS[inst.type];
      if (rule) {
        for (const target of this.resolver.targets(inst, rule.target.path, rule.target.types)) {
          const res = this.drawn.get(target);
          if (res) this.apply(rule.then, inst, res);
        }
      }
      const holder = AWS_HOLDERS[inst.type];
      const own = holder && this.drawn.get(inst);
      if (!holder || !own) continue;
      for (const target of this.resolver.targets(inst, holder.path, holder.types)) {
        const res = this.drawn.get(target);
        if (res && res !== own) fill(res.in, 'parent', own.id);
      }
    }
    this.finish();
  }

  private resourceGroupOf(inst: TfInstance): TfInstance | undefined {
    const direct = this.resolver.targets(inst, ['resource_group_name'], ['azurerm_resource_group'])[0];
    if (direct) return direct;
    for (const owner of AZURE_OWNERS[inst.type] ?? []) {
      const o = this.resolver.targets(inst, owner.path, owner.types)[0];
      if (o) return this.resolver.targets(o, ['resource_group_name'], ['azurerm_resource_group'])[0];
    }
    return undefined;
  }

  /** Derived facts: a member of a subnet or group is in its network; Azure resources outside any network sit in their resource group. */
  private finish(): void {
    const byId = new Map([...this.drawn.values()].map((r) => [r.id, r]));
    for (const [inst, res] of this.drawn) {
      const c = res.in;
      // Subnets and security groups belong to one VPC; their members do too.
      for (const container of [...(c.subnets ?? []), ...(c.securityGroups ?? [])]) {
        if (c.vpc) break;
        const v = byId.get(container)?.in.vpc;
        if (v) c.vpc = v;
      }
      if (inst.type.startsWith('azurerm_') && inst.type !== 'azurerm_resource_group' && !c.vpc && !c.subnets?.length && !c.parent) {
        const rg = this.resourceGroupOf(inst);
        const rgRes = rg && this.drawn.get(rg);
        if (rgRes && rgRes !== res) c.parent = rgRes.id;
      }
    }
  }
}
