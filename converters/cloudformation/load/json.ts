/**
 * A small JSON parser that records source offsets (for diagnostics and resource locations) and
 * reports duplicate keys, which `JSON.parse` silently drops. Strict RFC 8259 apart from
 * tolerating a BOM (already stripped by the input layer).
 */
import { Positions, setOwn } from './positions.js';

export interface JsonProblem {
  reason: string;
  offset: number;
}

export type JsonResult =
  | { ok: true; value: unknown; positions: Positions; duplicates: JsonProblem[] }
  | { ok: false; error: JsonProblem; positions: Positions };

class JsonSyntaxError extends Error {
  constructor(readonly reason: string, readonly offset: number) {
    super(reason);
  }
}

const MAX_DEPTH = 512;

export function parseJsonWithPositions(text: string): JsonResult {
  const positions = new Positions(text);
  const duplicates: JsonProblem[] = [];
  let i = 0;
  const n = text.length;

  const fail = (reason: string, at = i): never => {
    throw new JsonSyntaxError(reason, Math.min(at, n));
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const describe = (at: number) => (at >= n ? 'end of input' : JSON.stringify(text[at]));

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= n) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape in string', i);
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default: fail(`bad escape \\${e ?? ''} in string`, i);
        }
        i += 2;
        chunk = i;
        continue;
      }
      if (c < 32) fail('control character in string (escape it)', i);
      i++;
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const parseNumber = (): number => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '-' || m[0].length === 0) fail(`unexpected ${describe(i)}`);
    i += m![0].length;
    return Number(m![0]);
  };

  const parseValue = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    ws();
    if (i >= n) fail('unexpected end of input, expected a value');
    const c = text.charCodeAt(i);
    if (c === 123) return parseObject(depth);
    if (c === 91) return parseArray(depth);
    if (c === 34) return parseString();
    if (c === 116 && text.startsWith('true', i)) { i += 4; return true; }
    if (c === 102 && text.startsWith('false', i)) { i += 5; return false; }
    if (c === 110 && text.startsWith('null', i)) { i += 4; return null; }
    if (c === 45 || (c >= 48 && c <= 57)) return parseNumber();
    return fail(`unexpected ${describe(i)}, expected a value`);
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    positions.set(obj, i);
    i++;
    ws();
    if (text.charCodeAt(i) === 125) { i++; return obj; }
    for (;;) {
      ws();
      if (text.charCodeAt(i) !== 34) fail(`expected a quoted key, found ${describe(i)}`);
      const keyAt = i;
      const key = parseString();
      ws();
      if (text.charCodeAt(i) !== 58) fail(`expected ':' after key ${JSON.stringify(key)}, found ${describe(i)}`);
      i++;
      const value = parseValue(depth + 1);
      if (Object.prototype.hasOwnProperty.call(obj, key)) duplicates.push({ reason: `duplicate key ${JSON.stringify(key)} (the last one wins)`, offset: keyAt });
      setOwn(obj, key, value);
      positions.setKey(obj, key, keyAt);
      ws();
      const c = text.charCodeAt(i);
      if (c === 44) { i++; continue; }
      if (c === 125) { i++; return obj; }
      fail(`expected ',' or '}', found ${describe(i)}`);
    }
  };

  const parseArray = (depth: number): unknown[] => {
    const arr: unknown[] = [];
    positions.set(arr, i);
    i++;
    ws();
    if (text.charCodeAt(i) === 93) { i++; return arr; }
    for (;;) {
      ws();
      positions.setKey(arr, arr.length, i);
      arr.push(parseValue(depth + 1));
      ws();
      const c = text.charCodeAt(i);
      if (c === 44) { i++; continue; }
      if (c === 93) { i++; return arr; }
      fail(`expected ',' or ']', found ${describe(i)}`);
    }
  };

  try {
    const value = parseValue(0);
    ws();
    if (i < n) fail(`unexpected ${describe(i)} after the end of the document`);
    return { ok: true, value, positions, duplicates };
  } catch (err) {
    if (err instanceof JsonSyntaxError) return { ok: false, error: { reason: err.reason, offset: err.offset }, positions };
    if (err instanceof RangeError) return { ok: false, error: { reason: 'nesting too deep', offset: i }, positions };
    throw err;
  }
}
