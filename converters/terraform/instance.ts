/** Builds TfInstance records with their address forms computed once per resource. */
import { formatAddress, formatKey, formatModules, type IndexKey, type ModuleStep } from './address.js';
import type { Mode, TfInstance } from './model.js';

export interface InstanceInit {
  modules: ModuleStep[];
  mode: Mode;
  type: string;
  name: string;
  key?: IndexKey | undefined;
  values: Record<string, unknown>;
  dependencies: string[];
  file: string;
  pointer: string;
  /** The resource's addresses, when the caller already computed them for a sibling instance. */
  names?: ResourceNames;
}

/** Address forms shared by every instance of one resource. */
export interface ResourceNames {
  resourceAddress: string;
  configAddress: string;
  module: string;
}

export function resourceNames(modules: ModuleStep[], mode: Mode, type: string, name: string): ResourceNames {
  const base = { modules, mode, type, name };
  return { resourceAddress: formatAddress(base), configAddress: formatAddress(base, false), module: formatModules(modules) };
}

export function makeInstance(init: InstanceInit, order: number): TfInstance {
  const names = init.names ?? resourceNames(init.modules, init.mode, init.type, init.name);
  const inst: TfInstance = {
    address: init.key === undefined ? names.resourceAddress : `${names.resourceAddress}${formatKey(init.key)}`,
    resourceAddress: names.resourceAddress,
    configAddress: names.configAddress,
    module: names.module,
    modules: init.modules,
    mode: init.mode,
    type: init.type,
    name: init.name,
    values: init.values,
    dependencies: init.dependencies,
    file: init.file,
    pointer: init.pointer,
    order,
  };
  if (init.key !== undefined) inst.key = init.key;
  return inst;
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function stringList(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
}

/** Prefixes a module-relative address (`aws_vpc.main`, v3 `depends_on`) with its module path. */
export function absolute(module: string, relative: string): string {
  return module ? `${module}.${relative}` : relative;
}
