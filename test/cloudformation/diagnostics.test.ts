/** Table-driven: each bad input gives its rule id at the right line and column (RuleTester style). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../converters/cloudformation/rules.js';
import { convert } from '../../src/convert.js';
import { convertCfn } from './helpers.js';

interface Case {
  name: string;
  text: string;
  ruleId: keyof typeof RULES;
  line: number;
  column: number;
  options?: Record<string, unknown>;
}

const cases: Case[] = [
  { name: 'YAML syntax error', text: 'Resources:\n  A:\n    Type: [unclosed\n', ruleId: 'yaml-syntax', line: 4, column: 1 },
  { name: 'JSON syntax error', text: '{\n  "Resources": {\n    "A": { "Type" "AWS::S3::Bucket" }\n  }\n}', ruleId: 'json-syntax', line: 3, column: 19 },
  { name: 'duplicate key (YAML)', text: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::SQS::Queue\n', ruleId: 'duplicate-key', line: 4, column: 3 },
  { name: 'duplicate key (JSON)', text: '{"Resources": {\n "A": {"Type": "AWS::S3::Bucket"},\n "A": {"Type": "AWS::SQS::Queue"}}}', ruleId: 'duplicate-key', line: 3, column: 2 },
  { name: 'unknown tag', text: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Reff Name\n', ruleId: 'unknown-tag', line: 5, column: 19 },
  { name: 'Resources missing', text: 'AWSTemplateFormatVersion: "2010-09-09"\nParameters: {}\n', ruleId: 'resources-missing', line: 1, column: 1 },
  { name: 'Resources not a mapping', text: 'Resources:\n  - A\n', ruleId: 'resources-missing', line: 1, column: 1 },
  { name: 'document not a mapping', text: '- just\n- a list\n', ruleId: 'not-a-template', line: 1, column: 1 },
  { name: 'resource without Type', text: 'Resources:\n  A:\n    Properties: {}\n', ruleId: 'resource-invalid', line: 2, column: 3 },
  { name: 'bad intrinsic arity', text: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Select [0]\n', ruleId: 'intrinsic-arity', line: 5, column: 19 },
  { name: 'bad Fn::Join shape', text: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Join [",", "x"]\n', ruleId: 'intrinsic-arity', line: 5, column: 19 },
  { name: 'unresolved Ref', text: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Missing\n', ruleId: 'unresolved-reference', line: 5, column: 19 },
  { name: 'unresolved GetAtt', text: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X:\n        - !GetAtt Nope.Arn\n', ruleId: 'unresolved-reference', line: 6, column: 11 },
  { name: 'unresolved name in Sub', text: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${Ghost}-x"\n', ruleId: 'unresolved-reference', line: 5, column: 19 },
  { name: 'unknown Fn::', text: '{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {\n  "X": {"Fn::Foo": 1}}}}}', ruleId: 'unknown-function', line: 2, column: 8 },
  { name: 'missing parameter value', text: 'Parameters:\n  Env:\n    Type: String\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Env\n', ruleId: 'missing-parameter-value', line: 2, column: 3 },
  { name: 'value not in AllowedValues', text: 'Parameters:\n  Env:\n    Type: String\n    AllowedValues: [a, b]\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Env\n', ruleId: 'parameter-not-allowed', line: 2, column: 3, options: { params: { Env: 'c' } } },
  { name: 'undeclared condition', text: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Condition: Nope\n', ruleId: 'condition-missing', line: 4, column: 5 },
  { name: 'condition cycle', text: 'Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Condition: A\n', ruleId: 'condition-cycle', line: 3, column: 6 },
  { name: 'condition undecided', text: 'Parameters:\n  Env: { Type: String }\nConditions:\n  Prod: !Equals [!Ref Env, prod]\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Condition: Prod\n', ruleId: 'condition-unknown', line: 8, column: 5 },
  { name: 'FindInMap miss', text: 'Mappings:\n  M: { a: { b: 1 } }\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !FindInMap [M, a, c]\n', ruleId: 'findinmap-missing', line: 7, column: 10 },
  { name: 'Select out of range', text: 'Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Select [5, [a, b]]\n', ruleId: 'select-out-of-range', line: 5, column: 10 },
  { name: 'ForEach with unknown collection', text: 'Transform: AWS::LanguageExtensions\nParameters:\n  Names: { Type: CommaDelimitedList }\nResources:\n  Fn::ForEach::Queues:\n    - N\n    - !Ref Names\n    - Queue${N}:\n        Type: AWS::SQS::Queue\n', ruleId: 'foreach-unresolved', line: 7, column: 7 },
  { name: 'ForEach malformed', text: 'Resources:\n  Fn::ForEach::Bad: [x]\n  B:\n    Type: AWS::S3::Bucket\n', ruleId: 'foreach-invalid', line: 2, column: 3 },
  { name: 'Fn::Transform in a property', text: 'Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      X:\n        Fn::Transform: { Name: AWS::Include }\n', ruleId: 'transform-opaque', line: 6, column: 9 },
  { name: 'macro transform', text: 'Transform: MyMacro\nResources:\n  R:\n    Type: AWS::S3::Bucket\n', ruleId: 'macro-transform', line: 1, column: 1 },
  { name: 'import not found', text: 'Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !ImportValue nowhere\n', ruleId: 'import-unresolved', line: 5, column: 10 },
  { name: 'remote nested stack', text: 'Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://s3.amazonaws.com/b/child.yaml\n', ruleId: 'nested-stack-remote', line: 2, column: 3 },
  { name: 'YAML alias', text: 'Resources:\n  A: &r\n    Type: AWS::S3::Bucket\n  B: *r\n', ruleId: 'yaml-alias', line: 4, column: 6 },
  { name: 'dynamic reference', text: 'Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: "{{resolve:ssm:/p}}"\n', ruleId: 'dynamic-reference', line: 5, column: 7 },
];

describe('diagnostics', () => {
  it.each(cases)('$name → $ruleId at $line:$column', (c) => {
    const r = convertCfn(c.text, c.options ?? {});
    const d = r.diagnostics.find((x) => x.ruleId === c.ruleId);
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    expect(d!.severity).toBe(RULES[c.ruleId].severity);
    expect(d!.source).toBe('cloudformation');
    expect(d!.file).toBe('template.yaml');
    if (c.line) expect({ line: d!.line, column: d!.column }).toEqual({ line: c.line, column: c.column });
  });

  it('every rule in the table is exercised by some test in this folder', () => {
    const covered = new Set(cases.map((c) => c.ruleId));
    // Rules that need files on disk are covered in nested.test.ts / parameters.test.ts / cdk tests.
    for (const r of ['nested-stack-missing', 'nested-stack-cycle', 'nested-stack-failed', 'path-escape', 'output-cycle', 'cdk-manifest',
      'cdk-no-stacks', 'duplicate-stack', 'parameters-file', 'unknown-parameter', 'ssm-parameter', 'default-region', 'yaml-lenient', 'resources-empty',
      // Options and rule edges: identity.test.ts and edges.test.ts.
      'account-id', 'stack-name-ignored', 'sg-rule-edges']) covered.add(r as keyof typeof RULES);
    expect(Object.keys(RULES).filter((r) => !covered.has(r as keyof typeof RULES))).toEqual([]);
  });

  it('docs/cloudformation.md lists every rule with its severity', () => {
    const docs = readFileSync(new URL('../../docs/cloudformation.md', import.meta.url), 'utf8');
    for (const [id, rule] of Object.entries(RULES)) expect(docs, id).toMatch(new RegExp(`\\| ${id} \\| [^|]*${rule.severity}`));
  });

  it('errors fail the pipeline with file:line:col, warnings do not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-diag-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Reff X\n');
    const r = await convert(bad);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'unknown-tag', file: bad, line: 5, column: 19, severity: 'error' });
    const warn = join(dir, 'warn.yaml');
    writeFileSync(warn, 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Missing\n');
    const w = await convert(warn);
    expect(w.ok).toBe(true);
    expect(w.diagnostics.find((d) => d.ruleId === 'unresolved-reference')).toMatchObject({ severity: 'warning', line: 5 });
  });
});
