/** SAM without the transform service: Globals, implicit resources, Serverless types mapped directly. */
import { describe, expect, it } from 'vitest';
import { mergeGlobals } from '../../converters/cloudformation/stack/sam.js';
import { Positions } from '../../converters/cloudformation/load/positions.js';
import { convertCfn, rules, view } from './helpers.js';

describe('SAM Globals', () => {
  it.each([
    ['scalars: the resource wins', { a: 1 }, { a: 2 }, { a: 2 }],
    ['mappings merge', { e: { A: 1, B: 1 } }, { e: { B: 2 } }, { e: { A: 1, B: 2 } }],
    ['lists: globals first, then the resource\'s', { l: ['g'] }, { l: ['r'] }, { l: ['g', 'r'] }],
    ['intrinsics are scalars', { v: { Ref: 'G' } }, { v: { Ref: 'R' } }, { v: { Ref: 'R' } }],
    ['missing on the resource: globals', { t: 10 }, {}, { t: 10 }],
  ])('%s', (_n, globals, own, expected) => {
    expect(mergeGlobals(globals, own, new Positions(''))).toEqual(expected);
  });

  it('applies Globals.Function to every function (memory, architecture, environment references)', () => {
    const v = view(convertCfn(`Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    MemorySize: 512
    Architectures: [arm64]
    Environment: { Variables: { TABLE: !Ref T } }
Resources:
  A:
    Type: AWS::Serverless::Function
  B:
    Type: AWS::Serverless::Function
    Properties: { MemorySize: 2048 }
  T:
    Type: AWS::Serverless::SimpleTable
`));
    expect(v.resource('A').props).toEqual({ memory: 512, architecture: 'arm64' });
    expect(v.resource('B').props).toEqual({ memory: 2048, architecture: 'arm64' });
    expect(v.edges()).toEqual(['A -reference-> T', 'B -reference-> T']);
  });

  it('names SAM generates resolve to their owner, without warnings', () => {
    const r = convertCfn(`Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: { Events: { E: { Type: Api, Properties: { Path: /, Method: get } } } }
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod }
  Policy:
    Type: AWS::IAM::Policy
    Properties: { Roles: [!Ref FnRole], PolicyDocument: { Statement: [{ Effect: Allow, Action: "s3:*", Resource: !GetAtt B.Arn }] } }
  B:
    Type: AWS::S3::Bucket
  Other:
    Type: AWS::Lambda::Function
    Properties: { Environment: { Variables: { URL: !Sub "https://\${ServerlessRestApi}.execute-api", STAGE: !Ref ApiprodStage, ALIAS: !Ref FnAliaslive } } }
`);
    expect(rules(r.diagnostics).filter((x) => x !== 'default-region')).toEqual([]);
    const v = view(r);
    expect(v.edges()).toEqual(['Fn -reference-> B', 'Other -reference-> Api', 'Other -reference-> Fn', 'Other -reference-> ServerlessRestApi', 'ServerlessRestApi -event-> Fn']);
    expect(v.resource('ServerlessRestApi')).toMatchObject({ ccType: 'apigateway', props: { apiType: 'rest' }, meta: { synthetic: expect.any(String) } });
  });

  it('maps every Serverless type directly', () => {
    const v = view(convertCfn(`Transform: AWS::Serverless-2016-10-31
Resources:
  F:
    Type: AWS::Serverless::Function
  A:
    Type: AWS::Serverless::Api
  H:
    Type: AWS::Serverless::HttpApi
  T:
    Type: AWS::Serverless::SimpleTable
  S:
    Type: AWS::Serverless::StateMachine
    Properties: { Definition: { StartAt: X, States: { X: { Type: Task, Resource: !GetAtt F.Arn, End: true } } } }
  L:
    Type: AWS::Serverless::LayerVersion
  App:
    Type: AWS::Serverless::Application
    Properties: { Location: { ApplicationId: arn:x, SemanticVersion: 1.0.0 } }
`));
    expect(v.graph.resources.map((r) => `${r.name}:${r.ccType}`)).toEqual(['F:lambda', 'A:apigateway', 'H:apigateway', 'T:dynamodb', 'S:icon', 'App:icon']);
    expect(v.omitted('L')).toMatchObject({ reason: 'no-component' });
    expect(v.edges()).toEqual(['S -event-> F']);
  });

  it('SAM connectors become edges', () => {
    const v = view(convertCfn(`Transform: AWS::Serverless-2016-10-31
Resources:
  F:
    Type: AWS::Serverless::Function
  Q:
    Type: AWS::SQS::Queue
  C:
    Type: AWS::Serverless::Connector
    Properties: { Source: { Id: F }, Destination: { Id: Q }, Permissions: [Write] }
`));
    expect(v.edges()).toEqual(['F -dataflow-> Q']);
  });
});
