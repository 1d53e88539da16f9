/** Two CloudFormation sides: classification through @aws-cdk/cloudformation-diff and the graph. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import type { DiffResult } from '../../src/diff/types.js';
import { change, fixture, kinds, tempDir } from './helpers.js';

describe('two templates (hand-made pair)', () => {
  let r: DiffResult;
  beforeAll(async () => {
    r = await diff(fixture('cfn/before.yaml'), fixture('cfn/after.yaml'));
  });

  it('classifies every changed resource', () => {
    expect(r.ok).toBe(true);
    expect(kinds(r)).toEqual([
      'added SubnetC', 'modified App', 'modified Assets', 'modified Worker', 'modified WorkerRole',
      'removed Sessions', 'replaced Jobs', 'replaced Mover', 'replaced Notify',
    ]);
    expect(r.summary).toMatchObject({ added: 1, removed: 1, modified: 4, replaced: 3, unchanged: 3, notDrawn: 1, edgesAdded: 1, edgesRemoved: 1, changed: true });
  });

  it('a property that forces a replacement (QueueName) makes it replaced, with values', () => {
    const jobs = change(r, 'Jobs');
    expect(jobs.replacement).toBe('will');
    expect(jobs.properties).toEqual([{ name: 'QueueName', scope: 'source', before: 'jobs-v1', after: 'jobs-v2', replacement: 'will' }]);
  });

  it('moving between subnets: SubnetId forces a replacement and the placement change names both subnets', () => {
    const mover = change(r, 'Mover');
    expect(mover.kind).toBe('replaced');
    expect(mover.properties).toContainEqual({ name: 'SubnetId', scope: 'source', before: '!Ref SubnetA', after: '!Ref SubnetB', replacement: 'will' });
    expect(mover.properties).toContainEqual({ name: 'subnet', scope: 'placement', before: 'SubnetA', after: 'SubnetB' });
  });

  it('an in-place update (Tags) is modified, not replaced', () => {
    const assets = change(r, 'Assets');
    expect(assets.kind).toBe('modified');
    expect(assets.replacement).toBeUndefined();
    expect(assets.properties.map((p) => p.name)).toEqual(['Tags']);
  });

  it('a logical id whose type changes is replaced', () => {
    const notify = change(r, 'Notify');
    expect(notify.kind).toBe('replaced');
    expect(notify.properties).toEqual([{ name: 'Type', scope: 'source', before: 'AWS::SNS::Topic', after: 'AWS::SQS::Queue', replacement: 'will' }]);
  });

  it('a parameter default change reaches the drawn fields even though the resource text is unchanged', () => {
    const app = change(r, 'App');
    expect(app.kind).toBe('modified');
    expect(app.properties).toEqual([{ name: 'instanceSize', scope: 'cloudcraft', before: 'small', after: 'large' }]);
  });

  it('undrawn resources (an IAM role) are reported, marked not drawn', () => {
    const role = change(r, 'WorkerRole');
    expect(role).toMatchObject({ kind: 'modified', drawn: false, type: undefined, sourceType: 'AWS::IAM::Role' });
    expect(role.properties.map((p) => p.name)).toEqual(['ManagedPolicyArns']);
  });

  it('connections that appear and disappear', () => {
    expect(r.edges.map((e) => `${e.kind} ${e.fromName} → ${e.toName}`)).toEqual(['added Worker → Assets', 'removed Worker → Sessions']);
  });

  it('different file names (so different stack names) still match by logical id', () => {
    expect(change(r, 'Jobs')).toMatchObject({ matchedBy: 'address', key: 'Jobs', before: 'before/Jobs', after: 'after/Jobs' });
  });

  it('records where each change is declared (after side, else before side)', () => {
    expect(change(r, 'SubnetC').location).toMatchObject({ file: fixture('cfn/after.yaml'), line: 26, column: 3 });
    expect(change(r, 'Sessions').location).toMatchObject({ file: fixture('cfn/before.yaml'), line: 48, column: 3 });
  });
});

describe('CloudFormation matching and options', () => {
  it('the same file name on both sides (base/ and head/ checkouts) matches by stable id', async () => {
    const { dir } = tempDir();
    for (const side of ['base', 'head']) mkdirSync(join(dir, side));
    copyFileSync(fixture('cfn/before.yaml'), join(dir, 'base', 'template.yaml'));
    copyFileSync(fixture('cfn/after.yaml'), join(dir, 'head', 'template.yaml'));
    const r = await diff(join(dir, 'base', 'template.yaml'), join(dir, 'head', 'template.yaml'));
    expect(change(r, 'Jobs').matchedBy).toBe('id');
    expect(kinds(r)).toHaveLength(9);
  });

  it('MAY_REPLACE is reported as a possible replacement', async () => {
    const template = (type: string) => ({ text: `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      InstanceType: ${type}\n`, name: 'web.yaml' });
    const r = await diff(template('t3.small'), template('m5.large'));
    const web = change(r, 'Web');
    expect(web).toMatchObject({ kind: 'replaced', replacement: 'may' });
    expect(web.properties[0]).toEqual({ name: 'InstanceType', scope: 'source', before: 't3.small', after: 'm5.large', replacement: 'may' });
  });

  it('without cloudformation-diff, drawn fields and placement still classify', async () => {
    const r = await diff(fixture('cfn/before.yaml'), fixture('cfn/after.yaml'), { cloudformationDiff: false });
    expect(r.timings['cloudformation-diff']).toBeUndefined();
    // QueueName and Tags are not drawn fields: without the engine they are not seen.
    expect(kinds(r)).toEqual(['added SubnetC', 'modified App', 'modified Mover', 'removed Sessions', 'replaced Notify']);
  });

  it('identical templates: nothing changed', async () => {
    const r = await diff(fixture('cfn/before.yaml'), fixture('cfn/before.yaml'));
    expect(r.changes).toEqual([]);
    expect(r.edges).toEqual([]);
    expect(r.summary.changed).toBe(false);
  });

  it('cdk.out folders: stacks pair by name and each is compared by the engine', async () => {
    const r = await diff(fixture('cdk-before'), fixture('cdk-after'));
    expect(kinds(r)).toEqual(['modified Handler', 'replaced Private', 'replaced Vpc']);
    expect(change(r, 'Vpc').key).toBe('Network/Vpc');
    // CDK rewrites asset metadata on every synth; that is not a change.
    expect(change(r, 'Handler').properties.map((p) => `${p.scope}:${p.name}`)).toEqual(['source:MemorySize', 'source:Runtime', 'cloudcraft:memory']);
  });

  it('a template that does not parse fails with its place, and nothing else is attempted', async () => {
    const r = await diff({ text: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: [oops\n', name: 'broken.yaml' }, fixture('cfn/after.yaml'));
    expect(r.ok).toBe(false);
    expect(r.blueprint).toBeUndefined();
    const error = r.diagnostics.find((d) => d.severity === 'error')!;
    expect(error).toMatchObject({ file: 'broken.yaml', ruleId: 'yaml-syntax' });
    expect(error.line).toBeGreaterThan(0);
  });
});
