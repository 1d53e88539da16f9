/** The CLI on the samples in samples/cloudformation (in-process, plus one real process). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Blueprint } from '../../src/blueprint.js';
import { ensureBuiltins } from '../../src/builtins.js';
import type { Report } from '../../src/report.js';
import { validateBlueprint } from '../../src/validate/index.js';
import { runCli, runCliProcess } from '../helpers/cli.js';
import { SAMPLES } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'cfn-cli-'));
const read = <T>(p: string) => JSON.parse(readFileSync(p, 'utf8')) as T;
const objects = (b: Blueprint) => Object.values(b.data).filter(Array.isArray).flat() as Record<string, unknown>[];

beforeAll(() => ensureBuiltins());

describe('cloudcraft-convert on the CloudFormation samples', () => {
  it('three-tier VPC app: valid blueprint, report, summary line; --strict fails on the certificate', async () => {
    const file = join(out, 'three-tier.json');
    const report = join(out, 'three-tier.report.json');
    const r = await runCli([join(SAMPLES, 'three-tier-vpc.yaml'), '-o', file, '--report', report, '--region', 'eu-west-1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^43 resources: 19 drawn, 23 folded into edges, 1 left out \(1 no component\); \d+ components, \d+ groups, 3 edges → /m);
    const bp = read<Blueprint>(file);
    expect(validateBlueprint(bp).ok).toBe(true);
    const types = objects(bp).map((o) => o['type']);
    for (const t of ['vpc', 'subnet', 'sg', 'asg', 'elb', 'rds', 'natgateway', 'internetgateway', 's3', 'ec2']) expect(types).toContain(t);
    expect(objects(bp).filter((o) => o['type'] === 'ec2').map((o) => [o['instanceType'], o['instanceSize'], o['region']]))
      .toEqual([['t3', 'medium', 'eu-west-1'], ['t3', 'medium', 'eu-west-1']]);
    // The web servers run one per app subnet (one per zone), as the group spreads them.
    const groups = bp.data.groups as Record<string, unknown>[];
    const holding = (id: string, type: string) => groups.find((g) => g['type'] === type && (g['nodes'] as string[]).includes(id));
    expect(objects(bp).filter((o) => o['type'] === 'ec2').map((o) => holding(holding(o['id'] as string, 'asg')!['id'] as string, 'subnet')?.['name']))
      .toEqual(['AppSubnetA', 'AppSubnetB']);
    const rep = read<Report>(report);
    expect(rep.entries.find((e) => e.address === 'three-tier-vpc/Certificate')).toMatchObject({ status: 'omitted', reason: 'no-component', line: 195 });
    expect(rep.entries.find((e) => e.address === 'three-tier-vpc/WebServerRole')).toMatchObject({ status: 'folded', foldedInto: [expect.any(String)] });
    const strict = await runCli([join(SAMPLES, 'three-tier-vpc.yaml'), '-o', join(out, 'strict.json'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('three-tier-vpc/Certificate (AWS::CertificateManager::Certificate)');
  });

  it('--account-id must be an account id; --help lists the identity options', async () => {
    const r = await runCli([join(SAMPLES, 'sam-api.yaml'), '-o', join(out, 'acct.json'), '--account-id', '12ab']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--account-id "12ab" is not a 12-digit AWS account id \[account-id\]/);
    const help = await runCli(['convert', '--help']);
    expect(help.stdout).toMatch(/--account-id/);
    expect(help.stdout).toMatch(/--stack-name/);
  });

  it('--param changes what is drawn (instance type, count)', async () => {
    const file = join(out, 'param.json');
    const r = await runCli([join(SAMPLES, 'three-tier-vpc.yaml'), '-o', file, '--param', 'WebInstanceType=m5.large', '--param', 'WebServerCount=3', '-q']);
    expect(r.code).toBe(0);
    const ec2 = objects(read<Blueprint>(file)).filter((o) => o['type'] === 'ec2');
    expect(ec2.map((o) => `${o['instanceType']}.${o['instanceSize']}`)).toEqual(['m5.large', 'm5.large', 'm5.large']);
  });

  it('SAM API: functions, table, queues, topic, schedule bus and their edges', async () => {
    const r = await runCli([join(SAMPLES, 'sam-api.yaml'), '--json']);
    expect(r.code).toBe(0);
    const payload = JSON.parse(r.stdout) as { blueprint: Blueprint; summary: Report['summary'] };
    expect(payload.summary).toMatchObject({ total: 12, mapped: 12, edges: 14 });
    expect(objects(payload.blueprint).filter((o) => o['type'] === 'lambda')).toHaveLength(5);
  });

  it('nested stack pair: children drawn in place, report accounts for the stack resources', async () => {
    const report = join(out, 'nested.report.json');
    const r = await runCli([join(SAMPLES, 'nested/app.yaml'), '-o', join(out, 'nested.json'), '--report', report]);
    expect(r.code).toBe(0);
    const rep = read<Report>(report);
    expect(rep.entries.filter((e) => e.sourceType === 'AWS::CloudFormation::Stack').map((e) => [e.address, e.status])).toEqual([
      ['app/Network', 'folded'], ['app/Database', 'folded'],
    ]);
    expect(rep.entries.map((e) => e.address)).toContain('app/Database/Writer');
  });

  it('CDK output folder', async () => {
    const file = join(out, 'cdk.json');
    const r = await runCli([join(SAMPLES, 'cdk.out'), '-o', file]);
    expect(r.code).toBe(0);
    const texts = objects(read<Blueprint>(file)).filter((o) => o['type'] === 'isotext').map((o) => o['text']);
    expect(texts).toEqual(expect.arrayContaining(['Photos', 'Thumbnail', 'PhotoIndex', 'Indexer', 'Domain', 'Api', 'Handler']));
  });

  it('a parameters file and a broken template: exit 2 with file:line:col, nothing written', async () => {
    const params = join(out, 'params.json');
    writeFileSync(params, '[{"ParameterKey": "DatabaseClass", "ParameterValue": "db.m6g.large"}]');
    const ok = await runCli([join(SAMPLES, 'three-tier-vpc.yaml'), '--parameters-file', params, '-o', join(out, 'pf.json'), '-q']);
    expect(ok.code).toBe(0);
    expect(objects(read<Blueprint>(join(out, 'pf.json'))).find((o) => o['type'] === 'rds')).toMatchObject({ instanceType: 'm6g', instanceSize: 'large' });
    const bad = join(out, 'bad.yaml');
    writeFileSync(bad, 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Reff Name\n');
    const target = join(out, 'keep.json');
    writeFileSync(target, 'previous');
    const r = await runCli([bad, '-o', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:5:18: error: unknown tag !Reff: CloudFormation has no such short form [unknown-tag]`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(target, 'utf8')).toBe('previous');
  });

  it('runs as a real process on a sample (stdin)', () => {
    const r = runCliProcess(['-', '--region', 'us-west-2'], { input: readFileSync(join(SAMPLES, 'sam-api.yaml')) });
    expect(r.code).toBe(0);
    const bp = JSON.parse(r.stdout) as Blueprint;
    expect(validateBlueprint(bp).ok).toBe(true);
    expect(bp.name).toBe('stdin');
  });
});
