/** The shape of the mapping tables: Terraform type → Cloudcraft type and field mapper. */
import type { TfInstance } from '../model.js';
import type { Resolver } from '../resolver.js';
import type { Values } from '../values.js';

export interface MapContext {
  resolver: Resolver;
}

/** Maps attribute values to Cloudcraft fields; only enum-valid values survive the catalogue check. */
export type PropMapper = (v: Values, inst: TfInstance, ctx: MapContext) => Record<string, unknown>;

export interface TypeSpec {
  /** Cloudcraft component type. */
  cc: string;
  props?: PropMapper;
  /**
   * Drawn only when none of these attributes points at a resource of the inputs; otherwise the
   * resource becomes an edge (an SNS subscription to a queue of ours is an arrow, to an e-mail
   * address a subscriptions component).
   */
  foldIfResolves?: readonly string[];
}

/** Types that are never drawn themselves but whose links become edges (reason `folded`). */
export type FoldedTable = Record<string, string>;
