/**
 * Template parameters: values given by the user (`--param`, a parameters file) or by a parent
 * stack, else the Default. List types split on commas; SSM parameter types resolve only at
 * deploy time and stay unknown.
 */
import { readFileSync } from 'node:fs';
import { isPlainObject } from '../load/template.js';
import { parseJsonWithPositions } from '../load/json.js';
import type { Reporter } from '../rules.js';
import { scalarText, Unknown, type Value } from '../eval/values.js';

export interface ParameterDecl {
  Type?: unknown;
  Default?: unknown;
  AllowedValues?: unknown;
}

/** Reads `--parameters-file`: AWS CLI `[{ParameterKey, ParameterValue}]`, `{Parameters: {…}}` or plain `{Key: Value}`. */
export function readParametersFile(path: string, reporter: Reporter): Map<string, string> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    reporter.report('parameters-file', code === 'ENOENT' ? 'parameters file not found' : `cannot read the parameters file (${code ?? String(err)})`, path);
    return undefined;
  }
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) {
    reporter.report('parameters-file', `not valid JSON: ${parsed.error.reason}`, path, parsed.positions.point(parsed.error.offset));
    return undefined;
  }
  const out = new Map<string, string>();
  const put = (key: unknown, value: unknown, at: unknown): boolean => {
    const text = Array.isArray(value) ? value.map(scalarText).join(',') : scalarText(value);
    if (typeof key !== 'string' || text === undefined) {
      reporter.report('parameters-file', 'each parameter needs a name and a string, number, boolean or list value', path, parsed.positions.of(at));
      return false;
    }
    out.set(key, text);
    return true;
  };
  const root = parsed.value;
  if (Array.isArray(root)) {
    for (const item of root) {
      if (!isPlainObject(item) || !('ParameterKey' in item)) {
        reporter.report('parameters-file', 'expected [{"ParameterKey": …, "ParameterValue": …}] (AWS CLI format)', path, parsed.positions.of(item) ?? { line: 1, column: 1 });
        return undefined;
      }
      if (item['UsePreviousValue'] === true && !('ParameterValue' in item)) continue;
      if (!put(item['ParameterKey'], item['ParameterValue'], item)) return undefined;
    }
    return out;
  }
  if (isPlainObject(root)) {
    const plain = isPlainObject(root['Parameters']) ? root['Parameters'] : root;
    for (const [k, v] of Object.entries(plain)) if (!put(k, v, plain)) return undefined;
    return out;
  }
  reporter.report('parameters-file', 'expected a JSON list of {ParameterKey, ParameterValue} or an object of Key: Value', path, { line: 1, column: 1 });
  return undefined;
}

function isListType(type: string): boolean {
  return type === 'CommaDelimitedList' || type.startsWith('List<') || /^AWS::SSM::Parameter::Value<List<|^AWS::SSM::Parameter::Value<CommaDelimitedList>/.test(type);
}

/**
 * Turns a parameter's given value (or its Default) into an evaluated value. `given` is a string
 * from the user, or any evaluated value from a parent stack (which may be a resource reference).
 */
export function parameterValue(name: string, decl: ParameterDecl, given: Value | undefined, note: {
  missing(): void;
  ssm(path: string): void;
  notAllowed(value: string, allowed: string[]): void;
}): Value {
  const type = typeof decl.Type === 'string' ? decl.Type : 'String';
  const zoneList = /AvailabilityZone/.test(type) && isListType(type);
  let value: Value = given;
  if (value === undefined) {
    if (decl.Default === undefined) {
      note.missing();
      return new Unknown(`parameter ${name} has no value`, [], zoneList);
    }
    value = decl.Default;
  } else if (typeof value === 'string' && Array.isArray(decl.AllowedValues)) {
    const allowed = decl.AllowedValues.map(scalarText).filter((v): v is string => v !== undefined);
    if (allowed.length && !allowed.includes(value)) note.notAllowed(value, allowed);
  }
  if (type.startsWith('AWS::SSM::Parameter::Value<')) {
    const path = scalarText(value) ?? '';
    note.ssm(path);
    return new Unknown(`ssm:${path}`, [], zoneList);
  }
  if (isListType(type)) {
    if (Array.isArray(value)) return value;
    const text = scalarText(value);
    if (text !== undefined) return text === '' ? [] : text.split(',').map((s) => s.trim());
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}
