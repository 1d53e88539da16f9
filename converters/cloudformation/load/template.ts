/**
 * Reads one template (JSON or YAML, sniffed by content, never by extension) into a plain value
 * with source positions, and checks the top-level shape.
 */
import type { InputSource } from '../../../src/input.js';
import type { Reporter } from '../rules.js';
import { parseJsonWithPositions } from './json.js';
import { Positions } from './positions.js';
import { loadYaml } from './yaml.js';

export type Template = Record<string, unknown> & { Resources: Record<string, unknown> };

export interface LoadedTemplate {
  /** Name shown in diagnostics. */
  file: string;
  source: InputSource;
  template: Template;
  positions: Positions;
  format: 'json' | 'yaml' | 'object';
}

/** A mapping from the template (not a list, and not an evaluator marker such as ResRef). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Parses the text of an input; problems go to the reporter. Returns undefined when unusable. */
export function loadTemplate(source: InputSource, reporter: Reporter): LoadedTemplate | undefined {
  const file = source.name;
  let value: unknown;
  let positions: Positions;
  let format: LoadedTemplate['format'];
  if (source.kind === 'object') {
    value = source.value;
    positions = new Positions('');
    format = 'object';
  } else {
    const text = source.text();
    const first = /\S/.exec(text)?.[0];
    let parsed = false;
    if (first === '{' || first === '[') {
      const json = parseJsonWithPositions(text);
      if (json.ok) {
        value = json.value;
        positions = json.positions;
        format = 'json';
        for (const d of json.duplicates) reporter.report('duplicate-key', d.reason, file, json.positions.point(d.offset));
        parsed = true;
      } else {
        // A YAML flow mapping also starts with `{`; CloudFormation would read it as YAML.
        const yaml = loadYaml(text);
        if (yaml.value !== undefined && !yaml.problems.some((p) => p.severity === 'error')) {
          value = yaml.value;
          positions = yaml.positions;
          format = 'yaml';
          parsed = true;
        } else {
          reporter.report('json-syntax', json.error.reason, file, json.positions.point(json.error.offset));
          return undefined;
        }
      }
    }
    if (!parsed) {
      const yaml = loadYaml(text);
      positions = yaml.positions;
      for (const p of yaml.problems) reporter.report(p.ruleId, p.reason, file, yaml.positions.point(p.offset), p.severity);
      if (yaml.lenientBecause) {
        const at = yaml.lenientBecause.at;
        reporter.report('yaml-lenient', `not valid strict YAML (${yaml.lenientBecause.reason} at ${at.line}:${at.column}); read leniently, as CloudFormation does`, file, at);
      }
      if (yaml.value === undefined || yaml.problems.some((p) => p.severity === 'error')) return undefined;
      value = yaml.value;
      format = 'yaml';
    }
  }
  if (!isPlainObject(value)) {
    reporter.report('not-a-template', 'not a CloudFormation template: the document is not a mapping', file, { line: 1, column: 1 });
    return undefined;
  }
  const resources = value['Resources'];
  if (!isPlainObject(resources)) {
    const place = resources === undefined ? { line: 1, column: 1 } : positions!.keyOf(value, 'Resources');
    reporter.report('resources-missing', resources === undefined
      ? 'no Resources section: a CloudFormation template needs at least one resource'
      : 'Resources must be a mapping of logical ids to resources', file, place);
    return undefined;
  }
  if (Object.keys(resources).length === 0) reporter.report('resources-empty', 'the Resources section is empty', file, positions!.keyOf(value, 'Resources'));
  return { file, source, template: value as Template, positions: positions!, format: format! };
}
