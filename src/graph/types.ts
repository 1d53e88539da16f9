/**
 * The intermediate graph every converter produces and every later stage reads. It knows nothing
 * of layout or blueprint JSON: resources with their Cloudcraft mapping, where they sit
 * (containment), how they connect (typed edges), and what was left out and why.
 */

export type Provider = 'aws' | 'azure' | 'generic';

/** reference: Ref/GetAtt/attribute use; network: traffic paths (SG rules, LB → target);
 *  event: triggers (S3 → Lambda, rule → target); dataflow: data moves (SNS → SQS, stream → function);
 *  dependency: ordering only (DependsOn, Terraform `dependencies`). */
export type EdgeKind = 'reference' | 'network' | 'event' | 'dataflow' | 'dependency';

export const EDGE_KINDS: readonly EdgeKind[] = ['reference', 'network', 'event', 'dataflow', 'dependency'];

/** Terraform plan action of a resource (the diff command reads it). */
export type PlanAction = 'create' | 'update' | 'delete' | 'replace' | 'no-op' | 'read';

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/**
 * Where a resource sits. Container values are ids of other resources in the same graph
 * (a VPC, subnet, security group or ASG resource), except `zone`, which is an availability-zone
 * name (`us-east-1a`) or a stable label (`zone-0`) when only the index is known.
 */
export interface Containment {
  vpc?: string;
  zone?: string;
  /** All subnets the resource is attached to (an ALB or a VPC Lambda has several). */
  subnets?: string[];
  /** A resource may be in several security groups. */
  securityGroups?: string[];
  asg?: string;
  /** Any other container: ECS cluster/service, EKS/AKS cluster, Service Bus namespace,
   *  an Azure resource group or virtual network, a draw.io group. */
  parent?: string;
}

export interface Resource {
  /** Stable UUIDv5 derived from the address (see src/ids.ts). */
  id: string;
  /** Source address: `file#LogicalId`, `stack/LogicalId`, a Terraform address, `page/cellId`. */
  address: string;
  provider: Provider;
  /** Type in the source: `AWS::EC2::Instance`, `aws_instance`, a draw.io style key. */
  sourceType: string;
  /** Cloudcraft component type key, or undefined when nothing draws it. */
  ccType: string | undefined;
  /** Display name (label text). */
  name: string;
  /** Mapped Cloudcraft fields (only enum-valid values; checked again by the emitter). */
  props: Record<string, unknown>;
  /** AWS region code or Azure location. */
  region?: string;
  location?: SourceLocation;
  in: Containment;
  /** For subnets: the tier, which orders subnets inside a zone. */
  tier?: 'public' | 'private' | 'isolated';
  /** Logical grouping path used by `--group-by module|stack` (module path, stack name). */
  group?: string;
  /** Terraform plans: the planned action. */
  action?: PlanAction;
  /** The author's geometry (draw.io), in source units, for layouts that keep the arrangement. */
  hint?: { x: number; y: number; w: number; h: number };
  /** Drawing style carried from the source (draw.io colours). */
  style?: { color?: string; dashed?: boolean };
  /** Extra facts for reports and diffs (ARN, physical id, instance count); never emitted. */
  meta?: Record<string, unknown>;
  /**
   * How `ccType` was chosen when it was not an exact type mapping: `label` = inferred from the
   * label text (a generic draw.io shape labelled "RDS"); `fallback` = unknown source type drawn
   * as a generic block or icon. Absent for exact mappings. Copied to the report entry.
   */
  mappedBy?: 'label' | 'fallback';
}

export interface Edge {
  /** Stable id derived from the endpoints and kind. */
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string;
  /** Addresses of undrawn resources this edge was folded through (an IAM role, a permission). */
  via?: string[];
  style?: { dashed?: boolean; color?: string; bidirectional?: boolean };
  location?: SourceLocation;
}

export type OmitReason =
  | 'condition-false' // CloudFormation Condition evaluated to false
  | 'no-component'    // no Cloudcraft component and not folded
  | 'folded'          // not drawn; its links became direct edges between drawn resources
  | 'filtered'        // removed by --include-types / --exclude-types
  | 'data-source'     // Terraform data source (drawn only with --include-data)
  | 'unsupported'     // input construct we cannot evaluate (kept opaque)
  | 'no-instances'    // declared, but count/for_each is empty or it was never created
  | 'deleted';        // plan view: the resource does not exist on this side

export interface OmittedResource {
  id: string;
  address: string;
  sourceType: string;
  provider: Provider;
  reason: OmitReason;
  /** One more sentence: which condition, which provider, why nothing maps. */
  detail?: string;
  location?: SourceLocation;
}

export interface Graph {
  resources: Resource[];
  edges: Edge[];
  omitted: OmittedResource[];
  /** Suggested blueprint name (stack, page or state name). */
  name?: string;
}

export function emptyGraph(name?: string): Graph {
  return name === undefined ? { resources: [], edges: [], omitted: [] } : { resources: [], edges: [], omitted: [], name };
}
