/**
 * Cheap classification of an input by content: which Terraform JSON it is, or which near miss
 * (the `terraform plan -json` log, HCL source, `.tf.json` configuration, a binary plan file) and
 * what to run instead. Kept free of the heavy modules so detection stays fast.
 */
import type { InputSource } from '../../src/input.js';

/** `invalid-json`: looks like Terraform JSON (markers in its first lines) but does not parse. */
export type TerraformKind = 'state-v4' | 'state-v3' | 'show-state' | 'plan' | 'empty' | 'invalid-json';
export type RejectedKind = 'ui-stream' | 'hcl' | 'tf-json-config' | 'binary-plan' | 'future-state' | 'not-terraform';

export type Classification =
  | { kind: TerraformKind; confidence: number }
  | { kind: RejectedKind; confidence: number; message: string; ruleId: string };

const SHOW_PLAN = '`terraform plan -out plan.out && terraform show -json plan.out > plan.json`';
const SHOW_STATE = '`terraform show -json > state.json` (or pass terraform.tfstate itself)';

export const MESSAGES = {
  'ui-stream': 'this is the log that `terraform plan -json` prints (JSON Lines with @level/@message), not a plan: ' +
    `save the plan and convert its JSON instead: ${SHOW_PLAN}`,
  hcl: 'this is Terraform configuration (HCL source), not a state or plan: convert the state ' +
    `(${SHOW_STATE}) or a plan (${SHOW_PLAN})`,
  'tf-json-config': 'this is Terraform configuration in JSON syntax (.tf.json), not a state or plan: convert the state ' +
    `(${SHOW_STATE}) or a plan (${SHOW_PLAN})`,
  'binary-plan': 'this is a binary Terraform plan file (zip); convert its JSON instead: `terraform show -json plan.out > plan.json`',
  'not-terraform': 'not a Terraform state or plan: expected a state (version 3 or 4), `terraform show -json` output or plan JSON',
} as const;

const RULES: Record<RejectedKind, string> = {
  'ui-stream': 'terraform-plan-log',
  hcl: 'terraform-hcl-source',
  'tf-json-config': 'terraform-json-config',
  'binary-plan': 'terraform-binary-plan',
  'future-state': 'terraform-state-version',
  'not-terraform': 'terraform-not-state',
};

function reject(kind: Exclude<RejectedKind, 'future-state'>, confidence: number): Classification {
  return { kind, confidence, message: MESSAGES[kind], ruleId: RULES[kind] };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Top-level blocks of Terraform's JSON configuration syntax. */
const CONFIG_KEYS = new Set(['resource', 'data', 'module', 'provider', 'variable', 'output', 'locals', 'terraform', 'moved', 'import', 'check', 'removed']);

/** Classifies an already-parsed document. */
export function classifyValue(v: unknown): Classification {
  if (!isRecord(v)) return reject('not-terraform', 0);
  if ('@level' in v && '@message' in v) return reject('ui-stream', 0.4);
  const version = v['version'];
  const stateLike = 'lineage' in v || 'terraform_version' in v || Array.isArray(v['resources']) || Array.isArray(v['modules']);
  if (typeof version === 'number' && stateLike && !('format_version' in v)) {
    if (version === 4) return { kind: 'state-v4', confidence: 0.95 };
    if (version >= 1 && version <= 3) return { kind: 'state-v3', confidence: Array.isArray(v['modules']) ? 0.95 : 0.6 };
    if (version > 4) {
      return { kind: 'future-state', confidence: 0.6, ruleId: RULES['future-state'],
        message: `state format version ${version} is newer than this converter reads (3 and 4); convert \`terraform show -json\` output instead` };
    }
  }
  if (typeof v['format_version'] === 'string') {
    if ('planned_values' in v || 'resource_changes' in v || 'prior_state' in v || 'configuration' in v) return { kind: 'plan', confidence: 0.95 };
    if ('values' in v) return { kind: 'show-state', confidence: 0.9 };
    // `terraform show -json` of an empty state prints only the versions.
    if (Object.keys(v).every((k) => k === 'format_version' || k === 'terraform_version')) return { kind: 'empty', confidence: 0.6 };
  }
  const keys = Object.keys(v);
  if (keys.length > 0 && keys.every((k) => CONFIG_KEYS.has(k)) && keys.some((k) => k === 'resource' || k === 'module' || k === 'provider' || k === 'data')) {
    return reject('tf-json-config', 0.4);
  }
  return reject('not-terraform', 0);
}

const TERRAFORM_MARKERS = /"(terraform_version|lineage|format_version)"\s*:/;

const HCL_BLOCK = /^[ \t]*(resource|data|module|provider|variable|output|locals|terraform)(?:[ \t]+"[^"\n]*")*[ \t]*\{/m;

function isZipWithPlan(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  return /tfplan|tfstate|tfconfig/.test(head);
}

/** Classifies an input; reads the text (decoded once and cached by the input) and JSON only when needed. */
export function classify(input: InputSource): Classification {
  if (input.kind === 'directory') return reject('not-terraform', 0);
  if (input.kind === 'object') return classifyValue(input.json());
  if (input.bytes && isZipWithPlan(input.bytes)) return reject('binary-plan', 0.9);
  const text = input.text();
  let start = 0;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  const first = text[start];
  if (first === '{') {
    const lineEnd = text.indexOf('\n', start);
    const firstLine = text.slice(start, lineEnd < 0 ? Math.min(text.length, start + 4096) : lineEnd);
    // JSON Lines: the first line is a complete object with the UI log's markers.
    if (firstLine.includes('"@level"') && firstLine.includes('"@message"')) return reject('ui-stream', 0.4);
    const value = input.json();
    if (value === undefined) {
      const head = text.slice(start, start + 4096);
      return TERRAFORM_MARKERS.test(head) ? { kind: 'invalid-json', confidence: 0.5 } : reject('not-terraform', 0);
    }
    return classifyValue(value);
  }
  if (first !== '<' && first !== '[' && HCL_BLOCK.test(text.slice(0, 65536))) return reject('hcl', 0.35);
  return reject('not-terraform', 0);
}
