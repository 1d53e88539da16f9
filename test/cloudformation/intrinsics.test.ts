/** One table row per intrinsic function form: expression → evaluated value. */
import { describe, expect, it } from 'vitest';
import { ResRef, Unknown } from '../../converters/cloudformation/eval/values.js';
import { evaluateIn, rules } from './helpers.js';

const SECTIONS = `
Parameters:
  Env: { Type: String, Default: prod }
  Zones: { Type: CommaDelimitedList, Default: 'a, b ,c' }
  Count: { Type: Number, Default: 3 }
  Nothing: { Type: String }
  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1,subnet-2' }
Mappings:
  Sizes:
    prod: { Instance: m5.large, Replicas: '3' }
    dev: { Instance: t3.small }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
`;
const RESOURCES = `  Bucket:\n    Type: AWS::S3::Bucket\n  Fn:\n    Type: AWS::Lambda::Function\n`;

const eval1 = (expr: string, options = {}) => evaluateIn(expr, SECTIONS, options, RESOURCES);

describe('intrinsic functions', () => {
  const cases: [string, unknown][] = [
    // Ref: parameters (string, list, number), pseudo parameters
    ['!Ref Env', 'prod'],
    ['{ Ref: Env }', 'prod'],
    ['!Ref Zones', ['a', 'b', 'c']],
    ['!Ref Count', '3'],
    ['!Ref Subnets', ['subnet-1', 'subnet-2']],
    ['!Ref AWS::Region', 'us-east-1'],
    ['!Ref AWS::AccountId', '123456789012'],
    ['!Ref AWS::StackName', 'stack'],
    ['!Ref AWS::Partition', 'aws'],
    ['!Ref AWS::URLSuffix', 'amazonaws.com'],
    ['!Ref AWS::NotificationARNs', []],
    // Sub: string form, list form with variables, escapes, pseudo parameters
    ['!Sub "${Env}-${AWS::Region}"', 'prod-us-east-1'],
    ['!Sub ["${A}/${Env}", { A: !Ref Count }]', '3/prod'],
    ['!Sub "${!Literal}-x"', '${Literal}-x'],
    ['{ "Fn::Sub": "arn:${AWS::Partition}:s3:::b" }', 'arn:aws:s3:::b'],
    // Join, Select, Split, Length, ToJsonString, Base64
    ['!Join ["-", [a, !Ref Env, 1]]', 'a-prod-1'],
    ['!Join ["", !Ref Zones]', 'abc'],
    ['!Select [1, [x, y, z]]', 'y'],
    ['!Select ["2", !Ref Zones]', 'c'],
    ['!Split [",", "a,b,,c"]', ['a', 'b', '', 'c']],
    ['!Select [0, !Split ["/", !Sub "${Env}/rest"]]', 'prod'],
    ['{ "Fn::Length": [1, 2, 3] }', 3],
    ['{ "Fn::Length": !Ref Zones }', 3],
    ['{ "Fn::ToJsonString": { a: !Ref Env, b: [1] } }', '{"a":"prod","b":[1]}'],
    ['!Base64 "hello"', 'aGVsbG8='],
    ['{ "Fn::Base64": !Sub "${Env}" }', 'cHJvZA=='],
    // GetAZs and Select on it
    ["!GetAZs ''", ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']],
    ["!Select [1, !GetAZs '']", 'us-east-1b'],
    ['!Select [0, !GetAZs eu-west-3]', 'eu-west-3a'],
    ['!Select [2, !GetAZs { Ref: "AWS::Region" }]', 'us-east-1c'],
    // Cidr (IPv4 and IPv6)
    ['!Cidr [10.0.0.0/16, 3, 8]', ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']],
    ['!Select [1, !Cidr ["192.168.0.0/24", 4, 6]]', '192.168.0.64/26'],
    ['!Cidr ["2001:db8::/56", 2, 64]', ['2001:db8::/64', '2001:db8:0:1::/64']],
    // FindInMap, with intrinsic keys and DefaultValue
    ['!FindInMap [Sizes, !Ref Env, Instance]', 'm5.large'],
    ['!FindInMap [Sizes, dev, Replicas, { DefaultValue: "1" }]', '1'],
    ['!FindInMap [Sizes, !If [IsDev, dev, prod], Instance]', 'm5.large'],
    // If / Equals / And / Or / Not / Condition
    ['!If [IsProd, big, small]', 'big'],
    ['!If [IsDev, big, small]', 'small'],
    ['!Equals [!Ref Env, prod]', true],
    ['!Equals [3, !Ref Count]', true],
    ['!And [!Condition IsProd, !Equals [a, a]]', true],
    ['!Or [!Condition IsDev, !Equals [a, b]]', false],
    ['!Not [!Equals [a, b]]', true],
    ['[one, !If [IsDev, two, !Ref AWS::NoValue], three]', ['one', 'three']],
    ['{ keep: 1, drop: !Ref AWS::NoValue }', { keep: 1 }],
    // Nested tags in every node kind
    ['!Join [",", !Split ["|", !Join ["|", [!Select [0, [p, q]], !Sub "${Env}"]]]]', 'p,prod'],
  ];
  it.each(cases)('%s', (expr, expected) => {
    const { value, diagnostics } = eval1(expr);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(value).toEqual(expected);
  });

  it('Ref and GetAtt (dotted, list and Sub forms) of resources become resource references', () => {
    const refs: [string, string, string | undefined][] = [
      ['!Ref Bucket', 'Bucket', undefined],
      ['!GetAtt Bucket.Arn', 'Bucket', 'Arn'],
      ['!GetAtt [Fn, Arn]', 'Fn', 'Arn'],
      ['{ "Fn::GetAtt": "Bucket.DomainName" }', 'Bucket', 'DomainName'],
      ['!GetAtt [!Sub "B${x}", Arn]'.replace('${x}', 'ucket'), 'Bucket', 'Arn'],
    ];
    for (const [expr, id, attr] of refs) {
      const { value } = eval1(expr);
      expect(value, expr).toBeInstanceOf(ResRef);
      expect((value as ResRef).logicalId).toBe(id);
      expect((value as ResRef).attr).toBe(attr);
    }
  });

  it('strings built from resource attributes are unknown but keep the resources they use', () => {
    const { value } = eval1('!Sub "arn:aws:s3:::${Bucket}/*-${Fn.Arn}"');
    expect(value).toBeInstanceOf(Unknown);
    expect((value as Unknown).refs.map((r) => `${r.logicalId}.${r.attr ?? ''}`)).toEqual(['Bucket.', 'Fn.Arn']);
    const joined = eval1('!Join ["", [!GetAtt Bucket.Arn, "/x"]]').value as Unknown;
    expect(joined.refs.map((r) => r.logicalId)).toEqual(['Bucket']);
  });

  it('--param overrides a Default and list parameters split on commas', () => {
    expect(eval1('!Ref Env', { params: { Env: 'dev' } }).value).toBe('dev');
    expect(eval1('!If [IsProd, big, small]', { params: { Env: 'dev' } }).value).toBe('small');
    expect(eval1('!Select [1, !Ref Zones]', { params: { Zones: 'x,y' } }).value).toBe('y');
  });

  it('AWS::Region follows --region, and so do GetAZs, Partition and URLSuffix', () => {
    expect(eval1("!Select [0, !GetAZs '']", { region: 'ap-southeast-2' }).value).toBe('ap-southeast-2a');
    expect(eval1('!Ref AWS::Partition', { region: 'cn-north-1' }).value).toBe('aws-cn');
    expect(eval1('!Ref AWS::URLSuffix', { region: 'cn-north-1' }).value).toBe('amazonaws.com.cn');
    expect(eval1('!Ref AWS::Partition', { region: 'us-gov-west-1' }).value).toBe('aws-us-gov');
  });

  it('a parameter without value is unknown; AZ list parameters select to stable zone-i labels', () => {
    const r = evaluateIn('!Select [1, !Ref AZs]', 'Parameters:\n  AZs: { Type: "List<AWS::EC2::AvailabilityZone::Name>" }');
    expect(r.value).toBe('zone-1');
    expect(rules(r.diagnostics)).toContain('missing-parameter-value');
    const n = eval1('!Sub "x-${Nothing}"');
    expect(n.value).toBeInstanceOf(Unknown);
    expect((n.value as Unknown).reason).toBe('parameter Nothing has no value');
  });

  it('GetAZs of a region that is unknown offline gives zone-i labels', () => {
    expect(evaluateIn('!Select [2, !GetAZs { Ref: R }]', 'Parameters:\n  R: { Type: String }').value).toBe('zone-2');
  });

  it('Fn::Transform and dynamic references stay opaque, with a notice', () => {
    const t = eval1('{ "Fn::Transform": { Name: "AWS::Include", Parameters: { Location: "s3://b/snippet.yaml" } } }');
    expect(t.value).toBeInstanceOf(Unknown);
    expect(rules(t.diagnostics)).toContain('transform-opaque');
    const d = eval1('"{{resolve:ssm:/app/size}}"');
    expect(d.value).toBeInstanceOf(Unknown);
    expect(rules(d.diagnostics)).toContain('dynamic-reference');
  });

  it('SSM parameter types are unknown (deploy-time values)', () => {
    const r = evaluateIn('!Ref Image', 'Parameters:\n  Image: { Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/service/ami }');
    expect(r.value).toBeInstanceOf(Unknown);
    expect(rules(r.diagnostics)).toEqual(['ssm-parameter']);
  });
});
