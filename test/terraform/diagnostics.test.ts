/** Table of diagnostics: rule id, severity and where (line/column, or a JSON pointer). */
import { describe, expect, it } from 'vitest';
import { inputFromText } from '../../src/input.js';
import { parse, state } from './helpers.js';

const v4 = (resources: unknown[]) => JSON.stringify({ version: 4, terraform_version: '1.5.0', serial: 1, lineage: 'l', resources }, null, 2);
const queue = { mode: 'managed', type: 'aws_sqs_queue', name: 'q', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ attributes: { id: 'q' } }] };

interface Case {
  name: string;
  text: string;
  options?: Record<string, unknown>;
  expected: { ruleId: string; severity: 'error' | 'warning' | 'info'; line?: number; column?: number; pointer?: string; reason?: RegExp };
}

const cases: Case[] = [
  {
    name: 'an unexpected token',
    text: '{\n  "version": 4,\n  "terraform_version": "1.5.0",\n  "resources": [\n    {"type": x}\n  ]\n}',
    expected: { ruleId: 'terraform-json-syntax', severity: 'error', line: 5, column: 14, reason: /unexpected "x"/ },
  },
  {
    name: 'a missing comma',
    text: '{\n  "version": 4,\n  "lineage": "a"\n  "resources": []\n}',
    expected: { ruleId: 'terraform-json-syntax', severity: 'error', line: 4, column: 3 },
  },
  {
    name: 'a truncated file',
    text: '{\n  "version": 4,\n  "terraform_version": "1.5.0",\n  "resources": [',
    expected: { ruleId: 'terraform-json-syntax', severity: 'error', line: 4, column: 17, reason: /ends too early/ },
  },
  {
    name: 'a resource without a type',
    text: v4([queue, { mode: 'managed', name: 'broken', instances: [] }]),
    expected: { ruleId: 'terraform-bad-resource', severity: 'warning', line: 20, column: 5, pointer: '/resources/1' },
  },
  {
    name: 'an unreadable module address',
    text: v4([{ ...queue, module: 'module.a["unterminated' }]),
    expected: { ruleId: 'terraform-bad-address', severity: 'warning', line: 7, column: 5, pointer: '/resources/0', reason: /character 10/ },
  },
  {
    name: 'an unreadable v3 resource key',
    text: JSON.stringify({ version: 3, terraform_version: '0.11.0', serial: 1, lineage: 'l', modules: [{ path: ['root'], resources: { 'not-a-key': { type: 'aws_vpc' } } }] }, null, 2),
    expected: { ruleId: 'terraform-bad-resource', severity: 'warning', line: 12, column: 22, pointer: '/modules/0/resources/not-a-key' },
  },
  {
    name: 'the plan -json log',
    text: '{"@level":"info","@message":"Terraform 1.9.0","type":"version"}\n{"@level":"info","@message":"x","type":"planned_change"}',
    expected: { ruleId: 'terraform-plan-log', severity: 'error', line: 1, column: 1 },
  },
  {
    name: 'a future plan format',
    text: JSON.stringify({ format_version: '2.0', terraform_version: '2.0.0', planned_values: { root_module: { resources: [] } }, resource_changes: [] }),
    expected: { ruleId: 'terraform-format-version', severity: 'warning', pointer: '/format_version' },
  },
  {
    name: 'an errored plan',
    text: JSON.stringify({ format_version: '1.2', errored: true, planned_values: { root_module: { resources: [] } } }),
    expected: { ruleId: 'terraform-plan-errored', severity: 'warning' },
  },
  {
    name: 'an empty state',
    text: v4([]),
    expected: { ruleId: 'terraform-empty', severity: 'warning', reason: /blueprint is empty/ },
  },
  {
    name: 'a state with nothing drawable',
    text: v4([{ mode: 'managed', type: 'random_pet', name: 'p', provider: 'provider["registry.terraform.io/hashicorp/random"]', instances: [{ attributes: { id: 'x' } }] }]),
    expected: { ruleId: 'terraform-nothing-drawn', severity: 'warning', reason: /providers: random/ },
  },
  {
    name: 'deposed objects',
    text: v4([{ ...queue, instances: [{ attributes: { id: 'q' } }, { deposed: '00000001', attributes: { id: 'old' } }] }]),
    expected: { ruleId: 'terraform-deposed', severity: 'info', reason: /1 deposed object/ },
  },
  {
    name: 'an invalid --plan-view',
    text: v4([queue]),
    options: { planView: 'sideways' },
    expected: { ruleId: 'terraform-option', severity: 'error', reason: /"after" or "before"/ },
  },
];

describe('terraform diagnostics', () => {
  it.each(cases)('$name', ({ text, options, expected }) => {
    const r = parse([inputFromText(text, 'input.tfstate')], options);
    const d = r.diagnostics.find((x) => x.ruleId === expected.ruleId);
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    expect(d!.severity).toBe(expected.severity);
    expect(d!.source).toBe('terraform');
    if (expected.ruleId !== 'terraform-option') expect(d!.file).toBe('input.tfstate');
    expect(d!.line).toBe(expected.line);
    expect(d!.column).toBe(expected.column);
    if (expected.pointer) expect(d!.pointer).toBe(expected.pointer);
    if (expected.reason) expect(d!.reason).toMatch(expected.reason);
  });

  it('gives every drawn and omitted resource its file and line', () => {
    const text = v4([queue, { ...queue, name: 'r', instances: [] }]);
    const g = parse([inputFromText(text, 'input.tfstate')]).graph;
    expect(g.resources[0]!.location).toEqual({ file: 'input.tfstate', line: 13, column: 9 });
    expect(g.omitted[0]).toMatchObject({ address: 'aws_sqs_queue.r', reason: 'no-instances', location: { file: 'input.tfstate', line: 20, column: 5 } });
  });

  it('keeps an empty state a success with a warning', () => {
    const r = parse([state([])]);
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(r.graph.resources).toEqual([]);
  });
});
