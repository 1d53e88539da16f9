/**
 * Azure (`azurerm_*`) types → Cloudcraft Azure components. Resource groups, virtual networks and
 * subnets have no Azure component: they are drawn as `area` containers (see containment).
 * Storage containers, queues, tables and shares take their tier and redundancy from the
 * storage account they live in; web and function apps take theirs from the service plan.
 */
import type { TfInstance } from '../model.js';
import { bool, compact, first, num, str, valuesAt, type Values } from '../values.js';
import type { FoldedTable, MapContext, PropMapper, TypeSpec } from './spec.js';

/** The storage account of a container/queue/table/share (by id in azurerm 4, by name before). */
function storageAccount(inst: TfInstance, ctx: MapContext): Values | undefined {
  for (const path of [['storage_account_id'], ['storage_account_name']]) {
    const hit = ctx.resolver.targets(inst, path, ['azurerm_storage_account'])[0];
    if (hit) return hit.values;
  }
  return undefined;
}

const REDUNDANCY: Record<string, string> = { LRS: 'LRS', ZRS: 'ZRS', GRS: 'GRS', RAGRS: 'RA-GRS', GZRS: 'GZRS', RAGZRS: 'RA-GZRS' };

function redundancy(account: Values | undefined): string | undefined {
  return account ? REDUNDANCY[str(account['account_replication_type'])?.toUpperCase() ?? ''] : undefined;
}

function blobTier(account: Values | undefined): string | undefined {
  if (!account) return undefined;
  if (str(account['account_tier']) === 'Premium') return 'Premium';
  const access = str(account['access_tier']);
  return access === 'Hot' || access === 'Cool' ? access : 'Standard';
}

const blob: PropMapper = (v, inst, ctx) => {
  const account = inst.type === 'azurerm_storage_account' ? v : storageAccount(inst, ctx);
  return compact({ tier: blobTier(account), redundancy: redundancy(account) });
};

const SHARE_TIERS: Record<string, string> = { Hot: 'Hot', Cool: 'Cool', TransactionOptimized: 'Standard', Premium: 'Premium' };

const share: PropMapper = (v, inst, ctx) => {
  const account = storageAccount(inst, ctx);
  return compact({
    dataGb: num(v['quota']),
    tier: SHARE_TIERS[str(v['access_tier']) ?? ''] ?? (account && str(account['account_tier']) === 'Premium' ? 'Premium' : undefined),
    redundancy: redundancy(account),
  });
};

const queue: PropMapper = (_v, inst, ctx) => {
  const account = storageAccount(inst, ctx);
  const kind = account ? str(account['account_kind']) : undefined;
  return compact({ kind: kind === 'Storage' || kind === 'StorageV2' ? kind : undefined, redundancy: redundancy(account) });
};

const table: PropMapper = (_v, inst, ctx) => compact({ redundancy: redundancy(storageAccount(inst, ctx)) });

/** `Standard_B1ms` → `B1ms`; `Standard_D2s_v3` → `D2s v3` (the catalogue's `A1 v2` spelling). */
function vmInstance(size: unknown): string | undefined {
  const s = str(size);
  if (!s) return undefined;
  return s.replace(/^(Standard|Basic)_/, '').replace(/_v(\d+)$/, ' v$1');
}

const vm: PropMapper = (v, inst) => {
  const windows = inst.type.includes('windows') || valuesAt(v, ['os_profile_windows_config']).length > 0 ||
    str(first(v, 'storage_os_disk', 'os_type'))?.toLowerCase() === 'windows';
  const priority = str(v['priority']);
  return compact({
    platform: windows ? 'windows' : 'linux',
    instance: vmInstance(str(v['size']) ?? str(v['vm_size']) ?? str(v['sku']) ?? str(first(v, 'sku', 'name'))),
    tier: priority === 'Spot' || priority === 'Low' ? 'Low Priority' : 'Standard',
  });
};

/** App Service plan SKU → web app tier/instance (catalogue spellings: `P1 v2`, `P0v3`, `P1mv3`). */
const WEB_TIERS: Record<string, string> = { F: 'Free', D: 'Shared', B: 'Basic', S: 'Standard', I: 'Isolated' };

function webSku(sku: string): { tier?: string; instance?: string } {
  const m = /^([A-Z])(\d+)(m?)(v\d)?$/.exec(sku);
  if (!m) return {};
  const [, letter, n, mem, version] = m as unknown as [string, string, string, string, string | undefined];
  if (letter === 'P') {
    const tier = version === 'v3' ? 'Premium v3' : 'Premium v2';
    const instance = version === 'v3' && (n === '0' || mem) ? `P${n}${mem}v3` : `P${n}${mem} ${version ?? 'v2'}`;
    return { tier, instance };
  }
  if (letter === 'I' && version) return { tier: 'Isolated v2', instance: `I${n} ${version}` };
  return { tier: WEB_TIERS[letter], instance: `${letter}${n}` };
}

function servicePlan(inst: TfInstance, ctx: MapContext): Values | undefined {
  for (const path of [['service_plan_id'], ['app_service_plan_id']]) {
    const hit = ctx.resolver.targets(inst, path, ['azurerm_service_plan', 'azurerm_app_service_plan'])[0];
    if (hit) return hit.values;
  }
  return undefined;
}

function planSku(plan: Values | undefined): string | undefined {
  if (!plan) return undefined;
  return str(plan['sku_name']) ?? str(first(plan, 'sku', 'size'));
}

const webApp: PropMapper = (_v, inst, ctx) => {
  const plan = servicePlan(inst, ctx);
  const os = plan ? str(plan['os_type']) ?? str(plan['kind']) : undefined;
  const linux = inst.type.includes('linux') || os?.toLowerCase() === 'linux' || bool(plan?.['reserved']) === true;
  const sku = planSku(plan);
  return compact({ platform: linux ? 'Linux' : inst.type.includes('windows') || plan ? 'Windows' : undefined, ...(sku ? webSku(sku) : {}) });
};

const functionApp: PropMapper = (_v, inst, ctx) => {
  const sku = planSku(servicePlan(inst, ctx));
  return compact({ tier: sku === 'Y1' || sku === 'Dynamic' ? 'consumption' : sku?.startsWith('EP') ? 'premium' : undefined });
};

const AKS_TIERS: Record<string, string> = { Free: 'free', Standard: 'standard', Paid: 'standard', Premium: 'premium' };

/** Flexible server SKUs start with B_/GP_/MO_; single servers with B_/GP_/MO_ too (`GP_Gen5_2`). */
const DB_TIERS: Record<string, string> = { B: 'Basic', GP: 'GeneralPurpose', MO: 'MemoryOptimized' };

const database: PropMapper = (v, inst) => {
  const sku = str(v['sku_name']);
  const flexible = inst.type.includes('flexible');
  const ha = str(first(v, 'high_availability', 'mode'));
  const sizeGb = num(first(v, 'storage', 'size_gb'));
  return compact({
    deploymentOption: flexible ? 'Flexible' : 'Single',
    tier: sku ? (flexible && sku.startsWith('B_') ? 'Burstable' : DB_TIERS[sku.split('_')[0]!]) : undefined,
    instance: sku,
    storageMB: num(v['storage_mb']) ?? (sizeGb !== undefined ? sizeGb * 1024 : undefined),
    haEnabled: ha !== undefined ? ha !== 'Disabled' : undefined,
    backupRetention: num(v['backup_retention_days']),
  });
};

const COSMOS_APIS: Record<string, string> = {
  EnableCassandra: 'cassandra', EnableTable: 'table', EnableGremlin: 'gremlin', EnableMongo: 'mongodb',
};

const cosmos: PropMapper = (v) => {
  const caps = valuesAt(v, ['capabilities', 'name']).map(str).filter((s): s is string => !!s);
  const api = caps.map((c) => COSMOS_APIS[c]).find((a) => a) ?? (str(v['kind']) === 'MongoDB' ? 'mongodb' : 'sql');
  const locations = Array.isArray(v['geo_location']) ? v['geo_location'].length : 0;
  const multiWrite = bool(v['multiple_write_locations_enabled']) ?? bool(v['enable_multiple_write_locations']);
  const zones = valuesAt(v, ['geo_location', 'zone_redundant']).some((z) => bool(z) === true);
  return compact({
    api,
    capacityMode: caps.includes('EnableServerless') ? 'serverless' : 'provisioned',
    replicationMode: multiWrite ? 'multi-master' : zones && locations > 1 ? 'with-zones' : 'standard',
  });
};

const redis: PropMapper = (v) => {
  const family = str(v['family']);
  const capacity = num(v['capacity']);
  return compact({ tier: str(v['sku_name']), instance: family && capacity !== undefined ? `${family}${capacity}` : undefined });
};

const APPGW_TIERS: Record<string, string> = { Standard: 'Standard', Standard_v2: 'Standard V2', WAF: 'WAF', WAF_v2: 'WAF V2' };
const APPGW_SIZES: Record<string, string> = { Standard_Small: 'Small', Standard_Medium: 'Medium', Standard_Large: 'Large', WAF_Medium: 'Medium', WAF_Large: 'Large' };

const appGateway: PropMapper = (v) => compact({
  tier: APPGW_TIERS[str(first(v, 'sku', 'tier')) ?? ''],
  size: APPGW_SIZES[str(first(v, 'sku', 'name')) ?? ''],
  instances: num(first(v, 'sku', 'capacity')) ?? num(first(v, 'autoscale_configuration', 'min_capacity')),
});

/** Service Bus queues and topics take the tier of their namespace. */
const serviceBusEntity: PropMapper = (_v, inst, ctx) => {
  const ns = ctx.resolver.targets(inst, ['namespace_id'], ['azurerm_servicebus_namespace'])[0]
    ?? ctx.resolver.targets(inst, ['namespace_name'], ['azurerm_servicebus_namespace'])[0];
  return compact({ tier: ns ? str(ns.values['sku']) : undefined });
};

const apiManagement: PropMapper = (v) => {
  const [tier, units] = (str(v['sku_name']) ?? '').split('_');
  return compact({ tier: tier || undefined, units: num(units) });
};

export const AZURE_TYPES: Record<string, TypeSpec> = {
  azurerm_resource_group: { cc: 'area' },
  azurerm_virtual_network: { cc: 'area' },
  azurerm_subnet: { cc: 'area' },
  azurerm_linux_virtual_machine: { cc: 'azurevm', props: vm },
  azurerm_windows_virtual_machine: { cc: 'azurevm', props: vm },
  azurerm_virtual_machine: { cc: 'azurevm', props: vm },
  azurerm_linux_virtual_machine_scale_set: { cc: 'azurevm', props: vm },
  azurerm_windows_virtual_machine_scale_set: { cc: 'azurevm', props: vm },
  azurerm_orchestrated_virtual_machine_scale_set: { cc: 'azurevm', props: vm },
  azurerm_virtual_machine_scale_set: { cc: 'azurevm', props: vm },
  azurerm_linux_web_app: { cc: 'azurewebapp', props: webApp },
  azurerm_windows_web_app: { cc: 'azurewebapp', props: webApp },
  azurerm_app_service: { cc: 'azurewebapp', props: webApp },
  azurerm_linux_function_app: { cc: 'azurefunctionapp', props: functionApp },
  azurerm_windows_function_app: { cc: 'azurefunctionapp', props: functionApp },
  azurerm_function_app: { cc: 'azurefunctionapp', props: functionApp },
  azurerm_kubernetes_cluster: { cc: 'azureakscluster', props: (v) => compact({ tier: AKS_TIERS[str(v['sku_tier']) ?? ''] }) },
  azurerm_storage_container: { cc: 'azureblob', props: blob },
  azurerm_storage_queue: { cc: 'azurequeue', props: queue },
  azurerm_storage_table: { cc: 'azuretable', props: table },
  azurerm_storage_share: { cc: 'azurefiles', props: share },
  azurerm_mysql_flexible_server: { cc: 'azuremysql', props: database },
  azurerm_mysql_server: { cc: 'azuremysql', props: database },
  azurerm_postgresql_flexible_server: { cc: 'azurepostgresql', props: database },
  azurerm_postgresql_server: { cc: 'azurepostgresql', props: database },
  azurerm_cosmosdb_account: { cc: 'azurecosmosdb', props: cosmos },
  azurerm_redis_cache: { cc: 'azureredis', props: redis },
  azurerm_servicebus_namespace: {
    cc: 'azuresbnamespace',
    props: (v) => compact({ tier: str(v['sku']), messagingUnits: (num(v['capacity']) ?? 0) >= 1 ? num(v['capacity']) : undefined }),
  },
  azurerm_servicebus_queue: { cc: 'azuresbqueue', props: serviceBusEntity },
  azurerm_servicebus_topic: { cc: 'azuresbtopic', props: serviceBusEntity },
  azurerm_lb: { cc: 'azurelb', props: (v) => compact({ skuName: str(v['sku']), tier: str(v['sku_tier']) }) },
  azurerm_application_gateway: { cc: 'azureappgw', props: appGateway },
  azurerm_bastion_host: { cc: 'azurebastion', props: (v) => compact({ tier: str(v['sku']), scaleUnits: num(v['scale_units']) }) },
  azurerm_virtual_network_gateway: { cc: 'azurevngw', props: (v) => compact({ gatewayType: str(v['type']), tier: str(v['sku']) }) },
  azurerm_managed_disk: { cc: 'azuredisk', props: (v) => compact({ diskSizeGb: num(v['disk_size_gb']), tier: str(v['tier']) }) },
  azurerm_api_management: { cc: 'azureapimanagement', props: apiManagement },
};

/** Storage types drawn through an account: an account with none of them is drawn as blob storage. */
export const STORAGE_CHILD_TYPES = ['azurerm_storage_container', 'azurerm_storage_queue', 'azurerm_storage_table', 'azurerm_storage_share'];

export function azureSpecFor(inst: TfInstance, hasStorageChildren: (account: TfInstance) => boolean): TypeSpec | undefined {
  if (inst.type === 'azurerm_storage_account') return hasStorageChildren(inst) ? undefined : { cc: 'azureblob', props: blob };
  return AZURE_TYPES[inst.type];
}

export const AZURE_FOLDED: FoldedTable = {
  azurerm_virtual_machine_data_disk_attachment: 'drawn as an edge from the virtual machine to the disk',
  azurerm_network_interface_backend_address_pool_association: 'drawn as an edge from the load balancer to the virtual machine',
};

export const AZURE_NOT_DRAWN: Record<string, string> = {
  azurerm_storage_account: 'drawn as its containers, queues, tables and file shares',
  azurerm_network_interface: 'places its virtual machine in the subnet',
  azurerm_service_plan: 'gives its apps their tier and instance size',
  azurerm_app_service_plan: 'gives its apps their tier and instance size',
  azurerm_mssql_server: 'Cloudcraft has no Azure SQL Database component',
  azurerm_mssql_database: 'Cloudcraft has no Azure SQL Database component',
  azurerm_sql_server: 'Cloudcraft has no Azure SQL Database component',
  azurerm_sql_database: 'Cloudcraft has no Azure SQL Database component',
  azurerm_kubernetes_cluster_node_pool: 'node pools are part of the AKS cluster component',
  azurerm_network_security_group: 'network security groups are not drawn',
  azurerm_public_ip: 'public IP addresses are not drawn',
  azurerm_lb_backend_address_pool: 'links its load balancer to the virtual machines in the pool',
};
