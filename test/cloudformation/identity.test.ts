/**
 * Identity facts for `diff`: evaluated physical names (`meta.names`) and ARNs (`meta.arn`) only
 * where the evaluated values fix them — never from the placeholder account, a defaulted region or
 * a generated nested-stack name — and a template matched against a live snapshot through them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { matchItems } from '../../src/diff/match.js';
import { loadSide } from '../../src/diff/side.js';
import { convertCfn, find, view } from './helpers.js';

const meta = (text: string, options = {}) => {
  const v = view(convertCfn(text, options));
  return (name: string) => {
    const m = v.resource(name).meta ?? {};
    return { names: m['names'], arn: m['arn'] };
  };
};

describe('physical names and ARNs', () => {
  const TEMPLATE = `Parameters:
  Env: { Type: String, Default: prod }
  Unset: { Type: String }
Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties: { BucketName: !Sub '\${AWS::StackName}-assets', Tags: [{ Key: Name, Value: !Join ['-', [!Ref Env, assets]] }] }
  Worker:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: !Sub '\${Env}-worker' }
  Orders:
    Type: AWS::DynamoDB::Table
    Properties: { TableName: !Sub '\${AWS::StackName}-\${AWS::AccountId}-orders' }
  Jobs:
    Type: AWS::SQS::Queue
    Properties: { QueueName: !Sub '\${AWS::Region}-jobs' }
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: Orders-DB, Engine: postgres }
  Web:
    Type: AWS::EC2::Instance
    Properties: { Tags: [{ Key: Name, Value: !Sub '\${Env}-web' }] }
  Lost:
    Type: AWS::SNS::Topic
    Properties: { TopicName: !Ref Unset }
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.org. }
  Fs:
    Type: AWS::EFS::FileSystem
    Properties: { FileSystemTags: [{ Key: Name, Value: shared }] }
`;

  it('records evaluated names (name property and Name tag); ARNs only when nothing needs an account or region', () => {
    const m = meta(TEMPLATE);
    expect(m('Assets')).toEqual({ names: ['template-assets', 'prod-assets'], arn: 'arn:aws:s3:::template-assets' });
    expect(m('Worker')).toEqual({ names: ['prod-worker'], arn: undefined });
    expect(m('Db')).toEqual({ names: ['Orders-DB'], arn: undefined });
    expect(m('Web')).toEqual({ names: ['prod-web'], arn: undefined });
    expect(m('Zone')).toEqual({ names: ['example.org'], arn: undefined });
    expect(m('Fs')).toEqual({ names: ['shared'], arn: undefined });
  });

  it('never builds a name from the placeholder account, a defaulted region, or a parameter without value', () => {
    const m = meta(TEMPLATE);
    expect(m('Orders')).toEqual({ names: undefined, arn: undefined });
    expect(m('Jobs')).toEqual({ names: undefined, arn: undefined });
    expect(m('Lost')).toEqual({ names: undefined, arn: undefined });
  });

  it('with --account-id and --region, ARNs are complete (RDS identifiers lower-cased, as AWS stores them)', () => {
    const m = meta(TEMPLATE, { accountId: '111122223333', region: 'eu-west-1' });
    expect(m('Worker').arn).toBe('arn:aws:lambda:eu-west-1:111122223333:function:prod-worker');
    expect(m('Orders')).toEqual({ names: ['template-111122223333-orders'], arn: 'arn:aws:dynamodb:eu-west-1:111122223333:table/template-111122223333-orders' });
    expect(m('Jobs')).toEqual({ names: ['eu-west-1-jobs'], arn: 'arn:aws:sqs:eu-west-1:111122223333:eu-west-1-jobs' });
    expect(m('Db').arn).toBe('arn:aws:rds:eu-west-1:111122223333:db:orders-db');
    expect(meta(TEMPLATE, { accountId: '111122223333', region: 'cn-north-1' })('Assets').arn).toBe('arn:aws-cn:s3:::template-assets');
  });

  it('the default event bus and a hosted zone outside the template are named too', () => {
    const text = 'Resources:\n  Rule:\n    Type: AWS::Events::Rule\n    Properties: { ScheduleExpression: rate(1 hour), Targets: [{ Id: a, Arn: !GetAtt Fn.Arn }] }\n  Fn:\n    Type: AWS::Lambda::Function\n'
      + '  Rec:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneName: Example.org., Name: x, Type: A, AliasTarget: { DNSName: !GetAtt Lb.DNSName, HostedZoneId: z } }\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n';
    expect(meta(text)('default event bus')).toEqual({ names: ['default'], arn: undefined });
    expect(meta(text, { accountId: '111122223333', region: 'eu-west-1' })('default event bus').arn).toBe('arn:aws:events:eu-west-1:111122223333:event-bus/default');
    expect(meta(text)('example.org')).toEqual({ names: ['example.org'], arn: undefined });
  });

  it('--stack-name is AWS::StackName for names; addresses (and ids) keep the file name', () => {
    const v = view(convertCfn(TEMPLATE, { stackName: 'shop-prod' }));
    expect(v.resource('Assets').meta?.['names']).toEqual(['shop-prod-assets', 'prod-assets']);
    expect(v.resource('Assets').address).toBe('template/Assets');
    const two = convertCfn([TEMPLATE, 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n'], { stackName: 'x' });
    expect(find(two.diagnostics, 'stack-name-ignored')).toMatchObject({ severity: 'warning' });
  });

  it('a malformed --account-id is an error', () => {
    const r = convertCfn(TEMPLATE, { accountId: '1234' });
    expect(find(r.diagnostics, 'account-id')).toMatchObject({ severity: 'error', reason: expect.stringContaining('12-digit') });
  });

  it('a nested stack\'s own name is generated: names built from it are not facts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-identity-'));
    writeFileSync(join(dir, 'parent.yaml'), 'Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./child.yaml, Parameters: { Prefix: !Sub "${AWS::StackName}-data", Account: !Ref AWS::AccountId } }\n');
    writeFileSync(join(dir, 'child.yaml'), 'Parameters:\n  Prefix: { Type: String }\n  Account: { Type: String }\nResources:\n  Own:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: !Sub "${AWS::StackName}-own" }\n  Passed:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: !Ref Prefix }\n  FromAccount:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: !Sub "${Account}-logs" }\n');
    const v = view(convertCfn(join(dir, 'parent.yaml')));
    expect(v.resource('Own').meta?.['names']).toBeUndefined();
    expect(v.resource('Passed').meta?.['names']).toEqual(['parent-data']);
    expect(v.resource('FromAccount').meta?.['names']).toBeUndefined();
  });

  it('a CDK environment pins account and region', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-identity-cdk-'));
    mkdirSync(join(dir, 'cdk.out'));
    writeFileSync(join(dir, 'cdk.out', 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts: { Shop: { type: 'aws:cloudformation:stack', environment: 'aws://444455556666/eu-central-1', properties: { templateFile: 'Shop.template.json', stackName: 'ShopProd' } } } }));
    writeFileSync(join(dir, 'cdk.out', 'Shop.template.json'), JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Sub': '${AWS::StackName}-q' } } } } }));
    const v = view(convertCfn([join(dir, 'cdk.out')]));
    expect(v.resource('Q').meta).toMatchObject({ names: ['ShopProd-q'], arn: 'arn:aws:sqs:eu-central-1:444455556666:ShopProd-q' });
  });
});

describe('diff: a template against a live-account snapshot, matched through evaluated names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfn-identity-diff-'));
  const template = join(dir, 'shop.yaml');
  writeFileSync(template, `Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties: { BucketName: !Sub '\${AWS::StackName}-assets' }
  Worker:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: !Join ['-', [!Ref AWS::StackName, worker]], MemorySize: 512 }
  Orders:
    Type: AWS::DynamoDB::Table
    Properties: { TableName: !Sub '\${AWS::StackName}-\${AWS::AccountId}-orders', BillingMode: PAY_PER_REQUEST }
`);
  // A hand-written scan in Cloudcraft's shape: components with ARNs, labels in front of them.
  const region = 'us-east-1';
  const scanned = [
    { type: 's3', id: 'n-assets', name: 'shop-assets', arn: 'arn:aws:s3:::shop-assets' },
    { type: 'lambda', id: 'n-worker', name: 'shop-worker', arn: `arn:aws:lambda:${region}:111122223333:function:shop-worker`, memory: 512 },
    { type: 'dynamodb', id: 'n-orders', name: 'shop-111122223333-orders', arn: `arn:aws:dynamodb:${region}:111122223333:table/shop-111122223333-orders`, capacityMode: 'on-demand' },
  ];
  const live = join(dir, 'live.json');
  writeFileSync(live, JSON.stringify({
    name: `prod ${region}`,
    data: {
      version: 4, name: `prod ${region}`, grid: 'standard', projection: 'isometric', theme: { base: 'light' },
      nodes: scanned.map(({ name: _name, ...o }, i) => ({ ...o, region, mapPos: [i * 4, 8] })),
      groups: [], surfaces: [], edges: [], icons: [], images: [], connectors: [],
      text: scanned.map((o, i) => ({ type: 'isotext', id: `t-${o.id}`, mapPos: [i * 4, 9.25], text: o.name, textSize: 12, isometric: true, standing: false, direction: 'down', outline: true })),
      liveAccount: { id: 'acct-1', type: 'aws' },
    },
  }));
  /** How each code resource was paired with the scan (the match tier), through diff's own side reader. */
  const tiers = async (options = {}) => {
    const before = (await loadSide(template, 'before', options)).side!;
    const after = (await loadSide(live, 'after', {})).side!;
    return Object.fromEntries(matchItems(before.items, after.items).filter((p) => p.before).map((p) => [p.before!.name, p.matchedBy ?? 'unmatched']));
  };

  it('the bucket named by !Sub "${AWS::StackName}-assets" is the live bucket (by ARN); the function by name', async () => {
    const r = await diff(template, live, { cloudformationDiff: false });
    expect(r.ok).toBe(true);
    expect(r.drift).toBe(true);
    // The table's name needs the account id: without it the code names nothing and no match is invented.
    expect(r.changes.map((c) => `${c.kind} ${c.name}`)).toEqual(['removed Orders', 'added shop-111122223333-orders']);
    expect(r.summary.unchanged).toBe(2);
    expect(await tiers()).toEqual({ Assets: 'arn', Worker: 'name', Orders: 'unmatched' });
  });

  it('with the account id (and region) given, every resource matches by ARN', async () => {
    const r = await diff(template, live, { cloudformationDiff: false, beforeOptions: { accountId: '111122223333', region } });
    expect(r.changes).toEqual([]);
    expect(await tiers({ accountId: '111122223333', region })).toEqual({ Assets: 'arn', Worker: 'arn', Orders: 'arn' });
  });
});
