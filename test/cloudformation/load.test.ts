/** Reading templates: YAML short forms in every node kind, leniency CloudFormation has, JSON with positions. */
import { describe, expect, it } from 'vitest';
import { reindentFlowCollections } from '../../converters/cloudformation/load/flow-indent.js';
import { parseJsonWithPositions } from '../../converters/cloudformation/load/json.js';
import { SHORT_FORM_NAMES, loadYaml } from '../../converters/cloudformation/load/yaml.js';
import { convertCfn, find, view } from './helpers.js';

const long = (n: string) => (n === 'Ref' || n === 'Condition' ? n : `Fn::${n}`);

describe('YAML short-form tags', () => {
  it.each(SHORT_FORM_NAMES.filter((n) => n !== 'GetAtt'))('!%s in scalar, sequence and mapping form', (name) => {
    const r = loadYaml(`a: !${name} x\nb: !${name} [1, 2]\nc: !${name} { k: v }\n`);
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ a: { [long(name)]: 'x' }, b: { [long(name)]: [1, 2] }, c: { [long(name)]: { k: 'v' } } });
  });

  it('!GetAtt splits on the first dot only; the list form passes through', () => {
    const r = loadYaml('a: !GetAtt Stack.Outputs.VpcId\nb: !GetAtt [Role, Arn]\n');
    expect(r.value).toEqual({ a: { 'Fn::GetAtt': ['Stack', 'Outputs.VpcId'] }, b: { 'Fn::GetAtt': ['Role', 'Arn'] } });
  });

  it('nested tags keep their own positions', () => {
    const r = loadYaml('x:\n  y: !If\n    - C\n    - !Ref A\n    - !Ref AWS::NoValue\n');
    const ifNode = (r.value as { x: { y: Record<string, unknown[]> } }).x.y;
    expect(ifNode['Fn::If']![1]).toEqual({ Ref: 'A' });
    expect(r.positions.of(ifNode['Fn::If']![1])).toMatchObject({ line: 4, column: 7 });
    expect(r.positions.of(ifNode)).toMatchObject({ line: 2, column: 6 });
    expect(r.positions.keyOf(ifNode['Fn::If'], 2)).toMatchObject({ line: 5, column: 7 });
  });

  it('a !Sub block scalar keeps its text', () => {
    const r = loadYaml('u: !Sub |\n  line ${A}\n  two\n');
    expect(r.value).toEqual({ u: { 'Fn::Sub': 'line ${A}\ntwo\n' } });
  });

  it('YAML 1.2 core schema: an unquoted template version stays a string, yes stays yes', () => {
    expect(loadYaml('AWSTemplateFormatVersion: 2010-09-09\nv: yes\n').value).toEqual({ AWSTemplateFormatVersion: '2010-09-09', v: 'yes' });
  });

  it('CRLF line endings parse and positions count lines correctly', () => {
    const r = loadYaml('Resources:\r\n  A:\r\n    Type: AWS::S3::Bucket\r\n');
    const resources = (r.value as { Resources: object }).Resources;
    expect(r.positions.keyOf(resources, 'A')).toMatchObject({ line: 2, column: 3 });
  });
});

describe('lenient YAML (what CloudFormation accepts)', () => {
  const text = 'Resources:\r\n  App:\r\n    Type: AWS::X::Y\r\n    Properties:\r\n      Tags: {\r\n      \'a:b\': !Ref X,\r\n      c: "d", \r\n      }\r\n  Next:\r\n    Type: AWS::S3::Bucket\r\n';

  it('re-indents flow mappings whose entries sit at their key\'s column, keeping line numbers', () => {
    const r = loadYaml(text);
    expect(r.problems).toEqual([]);
    expect(r.lenientBecause?.at).toMatchObject({ line: 6 });
    const res = (r.value as { Resources: Record<string, { Properties?: unknown }> }).Resources;
    expect(res['App']!.Properties).toEqual({ Tags: { 'a:b': { Ref: 'X' }, c: 'd' } });
    expect(Object.keys(res)).toEqual(['App', 'Next']);
    // Positions point into the original text, not the repaired one.
    expect(r.positions.keyOf(res, 'Next')).toMatchObject({ line: 9, column: 3 });
  });

  it('the repair touches only continuation lines of open flow collections', () => {
    expect(reindentFlowCollections('a:\n  b: [1,\n    2]\n')).toBeUndefined();
    expect(reindentFlowCollections('a:\n  b: [1,\n  2]\n')?.text).toBe('a:\n  b: [1,\n    2]\n');
  });

  it('reports the leniency as an info note with the original place', () => {
    const r = convertCfn(text);
    const d = find(r.diagnostics, 'yaml-lenient');
    expect(d).toMatchObject({ severity: 'info', file: 'template.yaml', line: 6 });
    expect(view(r).has('Next')).toBe(true);
  });
});

describe('JSON with positions', () => {
  it('records where every key is, and gives the same value as JSON.parse', () => {
    const text = '{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket" },\n    "B": {"Type": "x\\u0041\\n"}\n  }\n}';
    const r = parseJsonWithPositions(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(JSON.parse(text));
    const res = (r.value as { Resources: object }).Resources;
    expect(r.positions.keyOf(res, 'B')).toMatchObject({ line: 4, column: 5 });
  });

  it.each([
    ['{"a": 1,}', 'expected a quoted key', 1, 9],
    ['{\n  "a": [1 2]\n}', "expected ',' or ']'", 2, 11],
    ['{"a": "x', 'unterminated string', 1, 7],
    ['{"a": tru}', 'unexpected', 1, 7],
    ['{"a": 1} x', 'after the end', 1, 10],
  ])('%j fails at a place', (text, reason, line, column) => {
    const r = parseJsonWithPositions(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.reason).toContain(reason);
    expect(r.positions.point(r.error.offset)).toMatchObject({ line, column });
  });

  it('a __proto__ key is data, never a prototype', () => {
    const r = parseJsonWithPositions('{"__proto__": {"polluted": true}}');
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('YAML aliases', () => {
  it('are expanded with a warning (CloudFormation does not support them)', () => {
    const r = loadYaml('a: &x { k: 1 }\nb: *x\n');
    expect(r.value).toEqual({ a: { k: 1 }, b: { k: 1 } });
    expect(r.problems.map((p) => p.ruleId)).toEqual(['yaml-alias']);
  });

  it('an alias bomb is refused without expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const started = performance.now();
    const r = loadYaml(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.value).toBeUndefined();
    expect(r.problems.some((p) => p.ruleId === 'yaml-alias' && p.severity === 'error')).toBe(true);
  });
});
