/** Fn::ForEach (AWS::LanguageExtensions): expansion, nesting, resolvable collections, placeholders. */
import { describe, expect, it } from 'vitest';
import { convertCfn, find, view } from './helpers.js';

const HEAD = 'Transform: AWS::LanguageExtensions\nParameters:\n  Names: { Type: CommaDelimitedList, Default: "a,b" }\n  Env: { Type: String }\nMappings:\n  Sets:\n    prod: { Ids: [x, y, z] }\n';

describe('Fn::ForEach', () => {
  it('expands a literal collection; ${Id} in keys and Sub, Ref to the identifier in values', () => {
    const v = view(convertCfn(`${HEAD}Resources:
  Fn::ForEach::Queues:
    - Name
    - [Orders, Payments]
    - Queue\${Name}:
        Type: AWS::SQS::Queue
        Properties: { FifoQueue: true, QueueName: !Sub "q-\${Name}", Tags: [{ Key: k, Value: !Ref Name }] }
`));
    expect(v.graph.resources.map((r) => r.name)).toEqual(['QueueOrders', 'QueuePayments']);
    expect(v.resource('QueuePayments').location).toEqual({ file: 'template.yaml', line: 12, column: 7 });
    expect(v.resource('QueueOrders').props).toEqual({ queueType: 'fifo' });
  });

  it('expands a collection that resolves (parameter list, mapping) and &{Id} strips non-alphanumerics', () => {
    const v = view(convertCfn(`${HEAD}Resources:
  Fn::ForEach::Tables:
    - N
    - !Ref Names
    - Table&{N}x:
        Type: AWS::DynamoDB::Table
  Fn::ForEach::Buckets:
    - Id
    - !FindInMap [Sets, prod, Ids]
    - Bucket\${Id}:
        Type: AWS::S3::Bucket
`, { params: { Names: 'one-1,two.2' } }));
    expect(v.graph.resources.map((r) => r.name)).toEqual(['Tableone1x', 'Tabletwo2x', 'Bucketx', 'Buckety', 'Bucketz']);
  });

  it('nested loops see the outer identifier', () => {
    const v = view(convertCfn(`${HEAD}Resources:
  Fn::ForEach::Outer:
    - Env
    - [Dev, Prod]
    - Fn::ForEach::Inner:
        - Kind
        - [In, Out]
        - \${Env}\${Kind}Queue:
            Type: AWS::SQS::Queue
            Properties: { RedrivePolicy: { deadLetterTargetArn: !GetAtt [!Sub "\${Env}Dlq", Arn] } }
      \${Env}Dlq:
        Type: AWS::SQS::Queue
`));
    expect(v.graph.resources.map((r) => r.name).sort()).toEqual(['DevDlq', 'DevInQueue', 'DevOutQueue', 'ProdDlq', 'ProdInQueue', 'ProdOutQueue']);
    expect(v.edges()).toEqual(['DevInQueue -dataflow-> DevDlq', 'DevOutQueue -dataflow-> DevDlq', 'ProdInQueue -dataflow-> ProdDlq', 'ProdOutQueue -dataflow-> ProdDlq']);
  });

  it('a collection that cannot be listed gives one placeholder per template entry and a warning', () => {
    const r = convertCfn(`${HEAD}Resources:
  Fn::ForEach::Buckets:
    - Id
    - !FindInMap [Sets, !Ref Env, Ids]
    - Bucket\${Id}:
        Type: AWS::S3::Bucket
`);
    const v = view(r);
    expect(v.graph.resources.map((x) => [x.name, x.ccType, x.meta])).toEqual([['Bucket${Id}', 's3', { placeholder: 'Fn::ForEach::Buckets' }]]);
    expect(find(r.diagnostics, 'foreach-unresolved')).toMatchObject({ severity: 'warning', line: 11, column: 7 });
    expect(find(r.diagnostics, 'foreach-unresolved')?.reason).toContain('parameter Env has no value');
  });

  it('expands in Conditions, Outputs and property mappings too', () => {
    const r = convertCfn(`${HEAD}Conditions:
  Fn::ForEach::Checks:
    - C
    - [a, b]
    - Is\${C}: !Equals [!Ref C, a]
Resources:
  Fn::ForEach::Buckets:
    - C
    - [a, b]
    - B\${C}:
        Type: AWS::S3::Bucket
        Condition: !Sub "Is\${C}"
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          Fn::ForEach::Vars:
            - C
            - [a]
            - VAR_\${C}: !Ref Ba
`);
    const v = view(r);
    expect(v.graph.resources.map((x) => x.name)).toEqual(['Ba', 'Fn']);
    expect(v.omitted('Bb')).toMatchObject({ reason: 'condition-false', detail: 'condition Isb is false' });
    expect(v.edges()).toEqual(['Fn -reference-> Ba']);
  });
});
