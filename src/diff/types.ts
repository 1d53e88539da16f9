/**
 * What `cloudcraft-convert diff` computes: each resource of either side classified as added,
 * removed, modified or replaced (with the properties that changed and whether they force a
 * replacement), the connections that appeared or went away, and a diff blueprint that draws it.
 */
import type { Blueprint } from '../blueprint.js';
import type { Diagnostic } from '../diagnostics.js';
import type { EdgeKind, PlanAction, SourceLocation } from '../graph/types.js';
import type { PipelineOptions } from '../convert.js';

export type ChangeKind = 'added' | 'removed' | 'modified' | 'replaced' | 'unchanged';

/** Order in reports: the changes a reviewer must look at first come first. */
export const CHANGE_ORDER: readonly ChangeKind[] = ['replaced', 'removed', 'added', 'modified', 'unchanged'];

/** How a before resource was recognised on the after side (strongest first). */
export type MatchTier = 'id' | 'address' | 'moved' | 'arn' | 'physical-id' | 'name';

/** `will`: the change forces a replacement; `may`: it depends on the values (CloudFormation MAY_REPLACE). */
export type Replacement = 'will' | 'may';

export interface PropertyChange {
  /**
   * The property as its source names it: a CloudFormation property (`InstanceType`), a Terraform
   * attribute (`instance_type`), a Cloudcraft field (`instanceSize`), or where the resource sits
   * (`subnet`, `vpc`, `securityGroups`, `asg`, `parent`, `type`, `region`).
   */
  name: string;
  /** source: the template/state/plan; cloudcraft: a mapped blueprint field; placement: containment. */
  scope: 'source' | 'cloudcraft' | 'placement';
  /** Short printable values, only when they are safe and small enough to show (never Terraform values). */
  before?: string;
  after?: string;
  /** This property change forces a replacement. */
  replacement?: Replacement;
}

export interface ResourceChange {
  kind: ChangeKind;
  /** The object's id in the diff blueprint (the before side's id when the resource persists). */
  id: string;
  name: string;
  /** Cloudcraft type; undefined when nothing draws the resource (an IAM role). */
  type: string | undefined;
  sourceType: string;
  /** The address both sides share: a logical id (root stack name left out), a Terraform address, a blueprint object id. */
  key: string;
  /** Source address on each side (`stack/LogicalId`, a Terraform address, a blueprint object id). */
  before?: string;
  after?: string;
  /** Whether the diff blueprint draws it (undrawn resources are listed in the report only). */
  drawn: boolean;
  matchedBy?: MatchTier;
  /** For `replaced`: certain or possible. */
  replacement?: Replacement;
  /** Terraform plans: the planned action and Terraform's reason for it. */
  action?: PlanAction;
  reason?: string;
  properties: PropertyChange[];
  /** Where it is declared (after side, else before side). */
  location?: SourceLocation;
}

export interface EdgeChange {
  kind: 'added' | 'removed';
  /** Edge id in the diff blueprint. */
  id: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  edgeKind: EdgeKind;
}

/** What each side was read as. */
export type SideKind = 'blueprint' | 'snapshot' | 'plan' | string;

export interface SideInfo {
  /** The input as given (path, `<stdin>`, a label). */
  name: string;
  /** `blueprint`, `snapshot` (a live-account scan), `plan`, or the converter that read it. */
  kind: SideKind;
  /** Resources on this side that take part in the diff. */
  resources: number;
}

export interface DiffSummary {
  added: number;
  removed: number;
  modified: number;
  replaced: number;
  unchanged: number;
  /** Of the counts above, how many concern resources the blueprint does not draw. */
  notDrawn: number;
  edgesAdded: number;
  edgesRemoved: number;
  /** Anything at all changed (what `--exit-code` tests). */
  changed: boolean;
}

export interface DiffResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** `sides`: two inputs compared; `plan`: one Terraform plan's own actions. */
  mode: 'sides' | 'plan';
  before: SideInfo;
  after: SideInfo;
  /** One side is a live-account snapshot: the changes are drift between code and the account. */
  drift: boolean;
  /** Changed resources in report order (unchanged ones are only counted). */
  changes: ResourceChange[];
  edges: EdgeChange[];
  summary: DiffSummary;
  /** The union of both sides, styled by change, laid out keeping the before side's positions. */
  blueprint?: Blueprint;
  /** Milliseconds per stage (`before`, `after`, `match`, `cfn-diff`, `layout`, …). */
  timings: Record<string, number>;
}

export interface DiffOptions extends PipelineOptions {
  /** Extra pipeline options for one side only (e.g. different `params`). */
  beforeOptions?: PipelineOptions;
  afterOptions?: PipelineOptions;
  /** Draw the legend in the diff blueprint (default true). */
  legend?: boolean;
  /** Classify two CloudFormation sides with @aws-cdk/cloudformation-diff (default true). */
  cloudformationDiff?: boolean;
}
