/** The library on CloudFormation inputs given as objects and strings (no files). */
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';

describe('library use', () => {
  it('converts an already-parsed template object; the stack is named after the input', async () => {
    const template = { Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true } }, Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { Q: { Ref: 'Q' } } } } } } };
    const r = await convert({ object: template, name: 'orders' }, { region: 'eu-west-1' });
    expect(r.ok).toBe(true);
    expect(r.blueprint!.name).toBe('orders');
    expect(r.report!.entries.map((e) => [e.address, e.ccType])).toEqual([['orders/Q', 'sqs'], ['orders/Fn', 'lambda']]);
    expect(r.blueprint!.data.edges).toHaveLength(1);
    expect(r.timings['cloudformation.parse']).toBeGreaterThanOrEqual(0);
    expect(r.timings['cloudformation.evaluate']).toBeGreaterThanOrEqual(0);
    expect(r.timings['cloudformation.map']).toBeGreaterThanOrEqual(0);
  });

  it('converts YAML text with positions; bad text comes back as data, not an exception', async () => {
    const ok = await convert({ text: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', name: 'inline.yaml' });
    expect(ok.report!.entries[0]).toMatchObject({ address: 'inline/Q', file: 'inline.yaml', line: 2, column: 3 });
    const bad = await convert({ text: 'Resources:\n  Q: [\n', name: 'bad.yaml' }, { format: 'cloudformation' });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', file: 'bad.yaml', severity: 'error' });
  });
});
