/**
 * Every diagnostic the CloudFormation converter raises, with its default severity. One table so
 * docs/cloudformation.md and the tests can list them, and so a severity change is one line.
 * Rule of thumb: problems that make the file unreadable or unsafe are errors (the run fails);
 * problems evaluating a readable template are warnings (the diagram is still drawn); notes about
 * choices we made for the user are info (shown with --verbose).
 */
import { DiagnosticBag, type Diagnostic, type Point, type Severity } from '../../src/diagnostics.js';

export const RULES = {
  'json-syntax': { severity: 'error', summary: 'the JSON template does not parse' },
  'yaml-syntax': { severity: 'error', summary: 'the YAML template does not parse, even leniently' },
  'yaml-lenient': { severity: 'info', summary: 'strict YAML parsing failed; the lenient parse (as CloudFormation does) was used' },
  'yaml-alias': { severity: 'warning', summary: 'YAML aliases are not supported by CloudFormation; expanded (an alias bomb is an error)' },
  'duplicate-key': { severity: 'error', summary: 'a mapping has the same key twice' },
  'unknown-tag': { severity: 'error', summary: 'a `!Tag` that is not a CloudFormation short form' },
  'not-a-template': { severity: 'error', summary: 'the document is not a mapping' },
  'resources-missing': { severity: 'error', summary: 'the template has no Resources section (or it is not a mapping)' },
  'resources-empty': { severity: 'warning', summary: 'the Resources section is empty' },
  'resource-invalid': { severity: 'warning', summary: 'a resource is not a mapping or has no Type; it is skipped' },
  'intrinsic-arity': { severity: 'warning', summary: 'an intrinsic function has the wrong number or kind of arguments' },
  'unknown-function': { severity: 'warning', summary: 'an `Fn::` key that is not a CloudFormation intrinsic function' },
  'dynamic-reference': { severity: 'info', summary: 'a `{{resolve:…}}` dynamic reference resolves only at deploy time; its value stays unknown' },
  'unresolved-reference': { severity: 'warning', summary: 'Ref/GetAtt/Sub names something that is not a parameter, pseudo parameter or resource' },
  'missing-parameter-value': { severity: 'info', summary: 'a parameter without Default was used and no value was given (--param / --parameters-file)' },
  'parameter-not-allowed': { severity: 'warning', summary: 'a given parameter value is not in AllowedValues' },
  'unknown-parameter': { severity: 'warning', summary: 'a --param / parameters-file key is not declared by any template' },
  'parameters-file': { severity: 'error', summary: 'the parameters file cannot be read or has an unknown shape' },
  'ssm-parameter': { severity: 'info', summary: 'an SSM parameter type resolves only at deploy time; its value stays unknown' },
  'default-region': { severity: 'info', summary: 'no --region given (nor a CDK environment): AWS::Region is us-east-1' },
  'condition-unknown': { severity: 'warning', summary: 'a resource\'s condition depends on unknown values (a parameter without value); the resource is drawn' },
  'condition-missing': { severity: 'warning', summary: 'Condition / Fn::If names a condition that is not declared' },
  'condition-cycle': { severity: 'warning', summary: 'conditions refer to each other in a loop' },
  'findinmap-missing': { severity: 'warning', summary: 'Fn::FindInMap keys not in the mapping and no DefaultValue' },
  'select-out-of-range': { severity: 'warning', summary: 'Fn::Select index outside the list' },
  'foreach-unresolved': { severity: 'warning', summary: 'an Fn::ForEach collection is not a literal list; one placeholder is drawn' },
  'foreach-invalid': { severity: 'warning', summary: 'an Fn::ForEach is not [identifier, collection, template]' },
  'transform-opaque': { severity: 'info', summary: 'Fn::Transform / AWS::Include is kept opaque (not expanded)' },
  'macro-transform': { severity: 'info', summary: 'a template-level Transform other than SAM/LanguageExtensions is not run' },
  'import-unresolved': { severity: 'info', summary: 'Fn::ImportValue names an export that no input defines' },
  'nested-stack-remote': { severity: 'info', summary: 'a nested stack/application template is not available locally; one stack node is drawn' },
  'nested-stack-missing': { severity: 'warning', summary: 'a nested stack\'s local template file does not exist; one stack node is drawn' },
  'nested-stack-cycle': { severity: 'error', summary: 'nested stacks include each other' },
  'nested-stack-failed': { severity: 'error', summary: 'a nested stack template could not be parsed (its own diagnostics follow)' },
  'path-escape': { severity: 'error', summary: 'a nested template path leaves the input folders; pass it on the command line or with --template-dir' },
  'output-cycle': { severity: 'warning', summary: 'stack outputs and parameters depend on each other in a loop' },
  'cdk-manifest': { severity: 'error', summary: 'a cdk.out folder has no readable manifest.json' },
  'cdk-no-stacks': { severity: 'warning', summary: 'a cdk.out manifest lists no CloudFormation stacks' },
  'duplicate-stack': { severity: 'info', summary: 'the same template was given twice (or is also a nested stack); it is converted once' },
  'account-id': { severity: 'error', summary: '--account-id is not a 12-digit AWS account id' },
  'stack-name-ignored': { severity: 'warning', summary: '--stack-name names one template; with several inputs (or a CDK app) each keeps its own stack name' },
  'sg-rule-edges': { severity: 'info', summary: 'a security group rule connects too many member pairs; its network edges are not drawn (the rule stays on the group)' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type RuleId = keyof typeof RULES;

/** Raises diagnostics with the rule's default severity, deduplicating repeats of the same message. */
export class Reporter {
  readonly bag = new DiagnosticBag('cloudformation');
  private readonly seen = new Set<string>();

  report(ruleId: RuleId, reason: string, file: string | undefined, place?: Point, severity: Severity = RULES[ruleId].severity): Diagnostic | undefined {
    const key = `${ruleId}\u0000${file ?? ''}\u0000${place?.line ?? ''}:${place?.column ?? ''}\u0000${reason}`;
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    return this.bag.add(reason, {
      ruleId, severity,
      ...(file !== undefined ? { file } : {}),
      ...(place ? { place: { line: place.line, column: place.column } } : {}),
    });
  }

  /** Reports only the first time `key` is seen (one note per parameter, per condition, …). */
  once(key: string, ruleId: RuleId, reason: string, file: string | undefined, place?: Point): void {
    const k = `once\u0000${key}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.report(ruleId, reason, file, place);
  }

  get items(): Diagnostic[] {
    return this.bag.items;
  }
}
