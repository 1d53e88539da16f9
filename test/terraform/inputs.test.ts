/** Detection by content, encodings, and the inputs that are not Terraform state or plans. */
import { describe, expect, it } from 'vitest';
import { converter } from '../../converters/terraform/index.js';
import { classify } from '../../converters/terraform/sniff.js';
import { convert } from '../../src/convert.js';
import { inputFromBytes, inputFromObject, inputFromText } from '../../src/input.js';
import { graphOf, one, parse, state } from './helpers.js';

const small = state([one('aws_sqs_queue', 'jobs', { id: 'https://sqs/q', arn: 'arn:aws:sqs:eu-west-1:1:q', fifo_queue: true })]);
const text = JSON.stringify(small, null, 2);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  if (bigEndian) le.swap16();
  return new Uint8Array([...(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), ...le]);
}

describe('terraform detection', () => {
  it.each([
    ['state v4', text, 'state-v4'],
    ['state v3', JSON.stringify({ version: 3, terraform_version: '0.11.14', serial: 1, lineage: 'x', modules: [{ path: ['root'], resources: {} }] }), 'state-v3'],
    ['show -json state', JSON.stringify({ format_version: '1.0', terraform_version: '1.5.0', values: { root_module: {} } }), 'show-state'],
    ['show -json of an empty state', '{"format_version":"1.0"}', 'empty'],
    ['plan', JSON.stringify({ format_version: '1.2', terraform_version: '1.9.0', planned_values: {}, resource_changes: [] }), 'plan'],
    ['keys sorted by jq -S', JSON.stringify({ check_results: null, lineage: 'x', outputs: {}, resources: [], serial: 1, terraform_version: '1.5.0', version: 4 }), 'state-v4'],
    ['truncated state', '{\n  "version": 4,\n  "terraform_version": "1.5.0",\n  "resources": [', 'invalid-json'],
  ])('recognises a %s', (_, body, kind) => {
    expect(classify(inputFromText(body)).kind).toBe(kind);
    expect(converter.detect(inputFromText(body))).toBeGreaterThanOrEqual(0.5);
  });

  it('does not claim other JSON or YAML', () => {
    for (const body of ['{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', '[1,2]', '<mxfile/>', '']) {
      expect(converter.detect(inputFromText(body))).toBe(0);
    }
  });

  it('reads parsed objects given by library callers', () => {
    expect(classify(inputFromObject(small)).kind).toBe('state-v4');
    expect(graphOf([inputFromObject(small, 'obj')]).resources.map((r) => r.ccType)).toEqual(['sqs']);
  });

  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')])],
    ['UTF-16LE with BOM', utf16(text, false)],
    ['UTF-16BE with BOM', utf16(text, true)],
  ])('decodes %s', (_, bytes) => {
    const input = inputFromBytes(bytes, 'state.json');
    expect(classify(input).kind).toBe('state-v4');
    const g = graphOf([input]);
    expect(g.resources.map((r) => [r.ccType, r.props['queueType']])).toEqual([['sqs', 'fifo']]);
    // The instance's position survives decoding (line 14 is its opening brace in the two-space JSON).
    expect(g.resources[0]!.location).toEqual({ file: 'state.json', line: 14, column: 9 });
  });
});

describe('inputs that are not state or plan', () => {
  const uiStream = [
    '{"@level":"info","@message":"Terraform 1.9.0","@module":"terraform.ui","type":"version","terraform":"1.9.0","ui":"1.2"}',
    '{"@level":"info","@message":"aws_vpc.main: Plan to create","@module":"terraform.ui","type":"planned_change","change":{"resource":{"addr":"aws_vpc.main"},"action":"create"}}',
  ].join('\n');
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...Buffer.from('\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0tfplan', 'latin1')]);

  it.each([
    ['the terraform plan -json log', inputFromText(uiStream, 'tfplan.json'), 'terraform-plan-log', /terraform show -json plan\.out > plan\.json/],
    ['a single line of that log', inputFromText(uiStream.split('\n')[0]!, 'log.json'), 'terraform-plan-log', /@level/],
    ['HCL source', inputFromText('# network\nresource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n', 'main.tf'), 'terraform-hcl-source', /HCL source/],
    ['a .tf.json configuration', inputFromText('{"resource":{"aws_vpc":{"main":{"cidr_block":"10.0.0.0/16"}}}}', 'main.tf.json'), 'terraform-json-config', /JSON syntax/],
    ['a binary plan file', inputFromBytes(zip, 'plan.out'), 'terraform-binary-plan', /terraform show -json plan\.out/],
    ['a future state version', inputFromText('{"version": 5, "terraform_version": "2.0.0", "resources": []}', 'new.tfstate'), 'terraform-state-version', /version 5/],
  ])('rejects %s with what to run instead', async (_, input, ruleId, message) => {
    const r = parse([input]);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId, file: input.name, line: 1, column: 1 });
    expect(errors[0]!.reason).toMatch(message);
    // Through the pipeline: a failed conversion, not an exception.
    const result = await convert(input);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.find((d) => d.severity === 'error')?.ruleId).toBe(ruleId);
  });

  it('explains near misses when asked', () => {
    expect(converter.explainRejection!(inputFromText(uiStream))).toMatch(/terraform show -json/);
    expect(converter.explainRejection!(inputFromText('{"Resources":{}}'))).toBeUndefined();
  });

  it('rejects JSON that is not Terraform when the format is forced', () => {
    const r = parse([inputFromText('{"hello":"world"}', 'x.json')]);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'terraform-not-state', severity: 'error', file: 'x.json' });
  });
});
