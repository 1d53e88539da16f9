/** Nested stacks, SAM applications, several inputs linked by exports, and CDK cloud assemblies. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertCfn, find, rules, SAMPLES, view } from './helpers.js';

function files(tree: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cfn-nested-'));
  for (const [name, text] of Object.entries(tree)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const CHILD = 'Parameters:\n  Name: { Type: String }\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: { QueueName: !Ref Name }\nOutputs:\n  QueueArn: { Value: !GetAtt Queue.Arn }\n';

describe('nested stacks', () => {
  it('loads a local child with the parent\'s parameters; outputs link and place parent resources', () => {
    const v = view(convertCfn(join(SAMPLES, 'nested/app.yaml')));
    expect(v.graph.resources.map((r) => `${r.group}:${r.name}`)).toEqual([
      'app:ApiSecurityGroup', 'app:ApiFunction', 'app-Network:Vpc', 'app-Network:PrivateSubnetA', 'app-Network:PrivateSubnetB',
      'app-Database:DatabaseSecurityGroup', 'app-Database:Writer', 'app-Database:Reader',
    ]);
    // Parameters passed from the network stack's outputs place the database and the function.
    expect(v.where('ApiFunction')).toEqual({ subnets: ['PrivateSubnetA', 'PrivateSubnetB'], securityGroups: ['ApiSecurityGroup'] });
    expect(v.where('ApiSecurityGroup')).toEqual({ vpc: 'Vpc' });
    // The cluster's instances take its subnet group's zones in turn.
    expect(v.where('Writer')).toEqual({ subnets: ['PrivateSubnetA'], securityGroups: ['DatabaseSecurityGroup'] });
    expect(v.where('Reader')).toEqual({ subnets: ['PrivateSubnetB'], securityGroups: ['DatabaseSecurityGroup'] });
    expect(v.resource('PrivateSubnetA').location).toMatchObject({ file: expect.stringMatching(/nested[/\\]network\.yaml$/), line: 17 });
    // `!GetAtt Database.Outputs.Endpoint` is the cluster; its instances are drawn.
    expect(v.edges()).toEqual(['ApiFunction -reference-> Reader', 'ApiFunction -reference-> Writer']);
    expect(v.omitted('Network')).toMatchObject({ reason: 'folded', detail: 'nested stack app-Network: its 3 resources are drawn in its place' });
    expect(v.resource('Vpc').address).toBe('app/Network/Vpc');
  });

  it('an S3/https TemplateURL resolves by file name in --template-dir', () => {
    const dir = files({
      'parent.yaml': 'Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: !Sub "https://s3.${AWS::Region}.amazonaws.com/bucket/v2/child.yaml?versionId=3"\n      Parameters: { Name: jobs }\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Environment: { Variables: { Q: !GetAtt Child.Outputs.QueueArn } } }\n',
      'downloaded/child.yaml': CHILD,
    });
    const v = view(convertCfn(join(dir, 'parent.yaml'), { templateDir: join(dir, 'downloaded') }));
    expect(v.edges()).toEqual(['Fn -reference-> Queue']);
    expect(v.resource('Queue').group).toBe('parent-Child');
  });

  it('without the template, one stack node is drawn with a notice, and outputs link to it', () => {
    const r = convertCfn('Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: "https://s3.amazonaws.com/b/child.yaml" }\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Environment: { Variables: { Q: !GetAtt Child.Outputs.QueueArn } } }\n');
    const v = view(r);
    expect(v.resource('Child')).toMatchObject({ ccType: 'icon', props: { iconSet: 'fa', name: 'cubes' } });
    expect(v.edges()).toEqual(['Fn -reference-> Child']);
    expect(find(r.diagnostics, 'nested-stack-remote')).toMatchObject({ severity: 'info', line: 2, column: 3 });
  });

  it('a missing local template is a warning and a stack node', () => {
    const dir = files({ 'p.yaml': 'Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./nope.yaml }\n' });
    const r = convertCfn(join(dir, 'p.yaml'));
    expect(find(r.diagnostics, 'nested-stack-missing')).toMatchObject({ severity: 'warning', line: 4 });
    expect(view(r).resource('Child').ccType).toBe('icon');
  });

  it('cycles are errors, not hangs', () => {
    const dir = files({
      'a.yaml': 'Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./b.yaml }\n',
      'b.yaml': 'Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./a.yaml }\n',
    });
    const r = convertCfn(join(dir, 'a.yaml'));
    const d = find(r.diagnostics, 'nested-stack-cycle');
    expect(d).toMatchObject({ severity: 'error', file: expect.stringMatching(/b\.yaml$/), line: 2, column: 3 });
    expect(d!.reason).toContain('a.yaml → b.yaml');
  });

  it('a path leaving the input folder is refused, unless that file is itself an input', () => {
    const dir = files({
      'app/parent.yaml': 'Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ../shared/child.yaml, Parameters: { Name: x } }\n',
      'shared/child.yaml': CHILD,
    });
    const refused = convertCfn(join(dir, 'app/parent.yaml'));
    expect(find(refused.diagnostics, 'path-escape')).toMatchObject({ severity: 'error', line: 4 });
    const allowed = convertCfn([join(dir, 'app/parent.yaml'), join(dir, 'shared/child.yaml')]);
    expect(rules(allowed.diagnostics)).not.toContain('path-escape');
    expect(rules(allowed.diagnostics)).toContain('duplicate-stack');
    // Drawn once, as the nested stack (with the parent's parameters).
    expect(view(allowed).graph.resources.map((r) => r.address)).toEqual(['parent/Child/Queue']);
  });

  it('a child that does not parse fails the run, naming both files', () => {
    const dir = files({
      'p.yaml': 'Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./c.yaml }\n',
      'c.yaml': 'Resources:\n  A:\n    Type: [\n',
    });
    const r = convertCfn(join(dir, 'p.yaml'));
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['yaml-syntax', 'nested-stack-failed']);
  });

  it('SAM applications with a local Location are nested stacks; repository apps are nodes', () => {
    const dir = files({
      'sam.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Jobs:\n    Type: AWS::Serverless::Application\n    Properties: { Location: ./jobs.yaml, Parameters: { Name: j } }\n  Sar:\n    Type: AWS::Serverless::Application\n    Properties: { Location: { ApplicationId: "arn:aws:serverlessrepo:us-east-1:1:applications/x", SemanticVersion: 1.0.0 } }\n',
      'jobs.yaml': CHILD,
    });
    const r = convertCfn(join(dir, 'sam.yaml'));
    const v = view(r);
    expect(v.graph.resources.map((x) => `${x.name}:${x.ccType}`)).toEqual(['Sar:icon', 'Queue:sqs']);
    expect(find(r.diagnostics, 'nested-stack-remote')?.reason).toContain('Serverless Application Repository');
  });

  it('outputs that depend on each other across siblings are reported, not looped on', () => {
    const dir = files({
      'p.yaml': 'Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./c.yaml, Parameters: { Name: !GetAtt B.Outputs.QueueArn } }\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./c.yaml, Parameters: { Name: !GetAtt A.Outputs.QueueArn } }\n',
      'c.yaml': CHILD,
    });
    const r = convertCfn(join(dir, 'p.yaml'));
    expect(rules(r.diagnostics)).toContain('output-cycle');
    expect(view(r).graph.resources.length).toBeGreaterThan(0);
  });
});

describe('several inputs', () => {
  it('Export / Fn::ImportValue link stacks: edges and containment across files', () => {
    const dir = files({
      'network.yaml': 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n  Sub:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc }\n  Table:\n    Type: AWS::DynamoDB::Table\nOutputs:\n  Sub:\n    Value: !Ref Sub\n    Export: { Name: !Sub "${AWS::StackName}-sub" }\n  Table:\n    Value: !Ref Table\n    Export: { Name: shared-table }\n',
      'app.yaml': 'Parameters:\n  Net: { Type: String, Default: network }\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig: { SubnetIds: [{ "Fn::ImportValue": !Sub "${Net}-sub" }] }\n      Environment: { Variables: { T: !ImportValue shared-table } }\n',
    });
    const v = view(convertCfn([join(dir, 'app.yaml'), join(dir, 'network.yaml')]));
    expect(v.where('Fn')).toEqual({ subnets: ['Sub'] });
    expect(v.edges()).toEqual(['Fn -reference-> Table']);
    expect(v.graph.name).toBe('app, network');
  });

  it('two inputs with the same file name get distinct stack names and ids', () => {
    const dir = files({ 'a/template.yaml': 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', 'b/template.yaml': 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' });
    const v = view(convertCfn([join(dir, 'a/template.yaml'), join(dir, 'b/template.yaml')]));
    expect(v.graph.resources.map((r) => r.address)).toEqual(['template/Q', 'template-2/Q']);
    expect(new Set(v.graph.resources.map((r) => r.id)).size).toBe(2);
  });
});

describe('CDK cloud assemblies', () => {
  it('reads manifest stacks, nested assemblies and nested stacks; names come from aws:cdk:path', () => {
    const r = convertCfn(join(SAMPLES, 'cdk.out'));
    const v = view(r);
    expect(v.graph.resources.map((x) => `${x.group}:${x.name}:${x.ccType}:${x.region}`)).toEqual([
      'PhotoApp:Photos:s3:eu-west-1', 'PhotoApp:Thumbnail:lambda:eu-west-1', 'PhotoApp:PhotoIndex:dynamodb:eu-west-1',
      'PhotoApp-Search:Indexer:lambda:eu-west-1', 'PhotoApp-Search:Domain:es:eu-west-1',
      'Staging-StatusApi:Api:apigateway:us-east-1', 'Staging-StatusApi:Handler:lambda:us-east-1',
    ]);
    expect(v.edges()).toEqual([
      'Api -event-> Handler', 'PhotoIndex -dataflow-> Indexer', 'Photos -event-> Thumbnail',
      'Thumbnail -reference-> PhotoIndex', 'Thumbnail -reference-> Photos',
    ]);
    expect(v.omitted('CDKMetadata')).toMatchObject({ reason: 'unsupported' });
    // The function CDK adds to run bucket notifications is machinery, not part of the app.
    expect(v.omitted('BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691')).toMatchObject({ reason: 'unsupported', detail: expect.stringContaining('CDK framework function') });
    expect(v.graph.name).toBe('cloudformation');
  });

  it('accepts a project folder holding cdk.out, and explains a folder that is neither', () => {
    const dir = files({ 'cdk.out/manifest.json': '{"version":"36.0.0","artifacts":{"S":{"type":"aws:cloudformation:stack","properties":{"templateFile":"S.template.json"}}}}', 'cdk.out/S.template.json': '{"Resources":{"Q":{"Type":"AWS::SQS::Queue"}}}' });
    expect(view(convertCfn(dir)).graph.resources.map((r) => r.address)).toEqual(['S/Q']);
    const empty = files({ 'readme.txt': 'x' });
    expect(find(convertCfn(empty).diagnostics, 'cdk-manifest')).toMatchObject({ severity: 'error' });
  });
});
