/**
 * What the readers (state v3, state v4, `terraform show -json` of a state, plan JSON) agree on:
 * one record per resource instance, with attribute values already stripped of anything marked
 * sensitive, so nothing downstream can leak them.
 */
import type { PlanAction } from '../../src/graph/types.js';
import type { IndexKey, ModuleStep } from './address.js';
import type { PlanConfig } from './plan-config.js';

export type Mode = 'managed' | 'data';

export interface TfInstance {
  /** Canonical instance address: `module.a["k"].aws_subnet.private[0]`. */
  address: string;
  /** The resource with module keys but without its own key: `module.a["k"].aws_subnet.private`. */
  resourceAddress: string;
  /** The configuration resource, no keys at all: `module.a.aws_subnet.private`. */
  configAddress: string;
  /** Module path with keys (`module.a["k"]`), '' at the root. */
  module: string;
  modules: ModuleStep[];
  mode: Mode;
  type: string;
  name: string;
  key?: IndexKey;
  /** Attribute values (sensitive ones removed). Unknown plan values are simply absent. */
  values: Record<string, unknown>;
  /** Absolute addresses this instance depends on (resource or instance addresses). */
  dependencies: string[];
  action?: PlanAction;
  /** Plans: the address before a `moved` block renamed it. */
  previousAddress?: string;
  tainted?: boolean;
  /** Input name and JSON pointer of the instance, for locations. */
  file: string;
  pointer: string;
  /** Plans: this resource's configuration expressions and provider config key. */
  config?: ConfigResource;
  /** Plans: the whole configuration, to follow references through modules. */
  planConfig?: PlanConfig;
  /** Region from the provider configuration (plans). */
  providerRegion?: string;
  /** Order of appearance across all inputs, for stable output. */
  order: number;
}

/** A resource block of a plan's `configuration` section. */
export interface ConfigResource {
  /** Module path of names (`['vpc']`), the context its references are relative to. */
  modulePath: string[];
  expressions: Record<string, unknown>;
  dependsOn: string[];
  providerKey?: string;
}

/** A resource that appears with no instances (count = 0, or not yet created). */
export interface EmptyResource {
  address: string;
  mode: Mode;
  type: string;
  file: string;
  pointer: string;
}

/** A resource that a plan deletes (after view) or creates (before view): reported, not drawn. */
export interface AbsentInstance {
  address: string;
  mode: Mode;
  type: string;
  file: string;
  pointer: string;
  detail: string;
}

export interface ReadResult {
  kind: 'state-v3' | 'state-v4' | 'show-state' | 'plan';
  instances: TfInstance[];
  empty: EmptyResource[];
  absent: AbsentInstance[];
  /** Skipped objects worth one note (deposed objects, unreadable entries). */
  deposed: number;
}
