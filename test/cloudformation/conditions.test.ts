/** Condition rules: evaluation, resources whose Condition is false, undecided conditions, Fn::If. */
import { describe, expect, it } from 'vitest';
import { convertCfn, find, stackOf, view } from './helpers.js';

const CONDITIONS = `Parameters:
  Env: { Type: String, Default: prod, AllowedValues: [prod, dev] }
  Flag: { Type: String, Default: "true" }
  Open: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  ProdAndFlag: !And [!Condition IsProd, !Equals [!Ref Flag, "true"]]
  DevOrFlag: !Or [!Condition IsDev, !Equals [!Ref Flag, "true"]]
  InUsEast1: !Equals [!Ref "AWS::Region", us-east-1]
  Undecided: !Equals [!Ref Open, x]
  FalseAndUndecided: !And [!Condition IsDev, !Condition Undecided]
  TrueOrUndecided: !Or [!Condition IsProd, !Condition Undecided]
  LongForm: { "Fn::Equals": [{ "Ref": "Env" }, "prod"] }
`;

describe('conditions', () => {
  it.each([
    ['IsProd', {}, true],
    ['IsProd', { params: { Env: 'dev' } }, false],
    ['IsDev', {}, false],
    ['ProdAndFlag', {}, true],
    ['ProdAndFlag', { params: { Flag: 'false' } }, false],
    ['DevOrFlag', { params: { Flag: 'false' } }, false],
    ['DevOrFlag', { params: { Env: 'dev', Flag: 'false' } }, true],
    ['InUsEast1', {}, true],
    ['InUsEast1', { region: 'eu-west-1' }, false],
    ['Undecided', {}, undefined],
    ['Undecided', { params: { Open: 'x' } }, true],
    ['FalseAndUndecided', {}, false], // Kleene logic: a false operand decides And
    ['TrueOrUndecided', {}, true], // a true operand decides Or
    ['LongForm', {}, true],
  ])('%s with %j → %s', (name, options, expected) => {
    const { stack } = stackOf(`${CONDITIONS}Resources:\n  R:\n    Type: AWS::S3::Bucket\n`, options);
    expect(stack.condition(name, undefined)).toBe(expected);
  });

  it('a resource whose Condition is false is left out and reported with the condition name', () => {
    const v = view(convertCfn(`${CONDITIONS}Resources:\n  DevBucket:\n    Type: AWS::S3::Bucket\n    Condition: IsDev\n  ProdBucket:\n    Type: AWS::S3::Bucket\n    Condition: IsProd\n`));
    expect(v.has('ProdBucket')).toBe(true);
    expect(v.has('DevBucket')).toBe(false);
    expect(v.omitted('DevBucket')).toMatchObject({ reason: 'condition-false', detail: 'condition IsDev is false', location: { line: 16, column: 3 } });
  });

  it('an undecided condition draws the resource, with a warning naming the missing parameter', () => {
    const r = convertCfn(`${CONDITIONS}Resources:\n  Maybe:\n    Type: AWS::S3::Bucket\n    Condition: Undecided\n`);
    expect(view(r).has('Maybe')).toBe(true);
    expect(find(r.diagnostics, 'condition-unknown')?.reason).toContain('parameter Open has no value');
  });

  it('Fn::If picks the branch, AWS::NoValue removes the property, and references follow the branch', () => {
    const text = `${CONDITIONS}Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      MemorySize: !If [IsProd, 1024, 128]
      Environment: { Variables: { T: !If [IsProd, !Ref ProdTable, !Ref DevTable], X: !If [IsDev, !Ref DevTable, !Ref "AWS::NoValue"] } }
  ProdTable:
    Type: AWS::DynamoDB::Table
  DevTable:
    Type: AWS::DynamoDB::Table
`;
    const prod = view(convertCfn(text));
    expect(prod.resource('Fn').props).toMatchObject({ memory: 1024 });
    expect(prod.edges()).toEqual(['Fn -reference-> ProdTable']);
    const dev = view(convertCfn(text, { params: { Env: 'dev' } }));
    expect(dev.resource('Fn').props).toMatchObject({ memory: 128 });
    expect(dev.edges()).toEqual(['Fn -reference-> DevTable']);
  });

  it('Fn::If on an undecided condition keeps both branches\' references', () => {
    const v = view(convertCfn(`${CONDITIONS}Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Environment: { Variables: { T: !If [Undecided, !Ref A, !Ref B] } } }
  A:
    Type: AWS::SQS::Queue
  B:
    Type: AWS::SQS::Queue
`));
    expect(v.edges()).toEqual(['Fn -reference-> A', 'Fn -reference-> B']);
  });

  it('outputs under a false condition are not available to parents', () => {
    const { stack } = stackOf(`${CONDITIONS}Resources:\n  R:\n    Type: AWS::S3::Bucket\nOutputs:\n  Off:\n    Condition: IsDev\n    Value: !Ref R\n  On:\n    Value: !Ref R\n`);
    expect(stack.output('Off', undefined)).toMatchObject({ reason: 'output Off is off (condition IsDev)' });
    expect(stack.output('On', undefined)).toMatchObject({ logicalId: 'R' });
  });
});
