/** Parameter values: --param, parameters files (AWS CLI and plain forms), Defaults, pseudo parameters. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertCfn, evaluateIn, find, rules, view } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cfn-params-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const PARAMS = 'Parameters:\n  Size: { Type: String, Default: t3.micro }\n  Zones: { Type: CommaDelimitedList, Default: "" }\n';

describe('parameters', () => {
  it.each([
    ['AWS CLI list', '[{"ParameterKey": "Size", "ParameterValue": "m5.large"}, {"ParameterKey": "Zones", "ParameterValue": "a,b"}]'],
    ['plain object', '{"Size": "m5.large", "Zones": ["a", "b"]}'],
    ['{Parameters: {…}} (CodePipeline template configuration)', '{"Parameters": {"Size": "m5.large", "Zones": "a,b"}}'],
  ])('a parameters file in %s form', (_n, text) => {
    const file = write('p.json', text);
    const v = view(convertCfn(`${PARAMS}Resources:
  I:
    Type: AWS::EC2::Instance
    Properties: { InstanceType: !Ref Size }
  S:
    Type: AWS::EC2::Subnet
    Properties: { AvailabilityZone: !Select [1, !Ref Zones] }
`, { parametersFile: file }));
    expect(v.resource('I').props).toMatchObject({ instanceType: 'm5', instanceSize: 'large' });
    expect(v.where('S')).toEqual({ zone: 'b' });
  });

  it('--param wins over the parameters file, which wins over the Default', () => {
    const file = write('q.json', '{"Size": "m5.large"}');
    const r = view(convertCfn(`${PARAMS}Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties: { InstanceType: !Ref Size }\n`, { parametersFile: file, params: { Size: 'c5.xlarge' } }));
    expect(r.resource('I').props).toMatchObject({ instanceType: 'c5', instanceSize: 'xlarge' });
  });

  it('an empty CommaDelimitedList is an empty list', () => {
    expect(evaluateIn('!Ref Zones', PARAMS).value).toEqual([]);
  });

  it.each([
    ['missing file', undefined, 'parameters file not found', undefined],
    ['not JSON', '{"Size": }', 'not valid JSON', { line: 1, column: 10 }],
    ['wrong shape', '[{"Key": "Size"}]', 'AWS CLI format', { line: 1, column: 2 }],
    ['a scalar', '"x"', 'expected a JSON list', { line: 1, column: 1 }],
  ])('a bad parameters file (%s) is an error naming the file', (_n, text, reason, place) => {
    const file = text === undefined ? join(dir, 'absent.json') : write(`bad-${_n.replace(/\W/g, '')}.json`, text);
    const r = convertCfn(`${PARAMS}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n`, { parametersFile: file });
    const d = find(r.diagnostics, 'parameters-file');
    expect(d).toMatchObject({ severity: 'error', file });
    expect(d!.reason).toContain(reason);
    if (place) expect({ line: d!.line, column: d!.column }).toEqual(place);
  });

  it('a --param no template declares is a warning', () => {
    const r = convertCfn(`${PARAMS}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n`, { params: { Sise: 'x' } });
    expect(find(r.diagnostics, 'unknown-parameter')?.reason).toContain('Sise');
  });

  it('no --region: us-east-1 with an info note; with --region: that region everywhere', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';
    const a = convertCfn(text);
    expect(find(a.diagnostics, 'default-region')).toMatchObject({ severity: 'info' });
    expect(view(a).resource('Q').region).toBe('us-east-1');
    const b = convertCfn(text, { region: 'ap-northeast-1' });
    expect(rules(b.diagnostics)).not.toContain('default-region');
    expect(view(b).resource('Q').region).toBe('ap-northeast-1');
  });

  it('AWS::StackName is the file name without extensions', () => {
    const file = write('orders.template.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: { QueueName: !Sub "${AWS::StackName}-q" }\n');
    const v = view(convertCfn(file));
    expect(v.resource('Q')).toMatchObject({ address: 'orders/Q', group: 'orders' });
  });
});
