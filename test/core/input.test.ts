import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, inputFromBytes, inputFromPath, inputFromText, openRelative } from '../../src/input.js';
import { InputError } from '../../src/diagnostics.js';

const text = '{"a": "é"}';

describe('decodeText', () => {
  const cases: [string, Buffer][] = [
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE with BOM', (() => { const b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]); b.swap16(); return b; })()],
  ];
  for (const [name, bytes] of cases) it(name, () => expect(decodeText(bytes)).toBe(text));
});

describe('InputSource', () => {
  it('parses JSON once and reports non-JSON as undefined', () => {
    expect(inputFromText('{"x":1}').json()).toEqual({ x: 1 });
    expect(inputFromText('x: 1').json()).toBeUndefined();
    expect(inputFromText('{broken').json()).toBeUndefined();
    expect(inputFromBytes(Buffer.from([0xff, 0xfe, ...Buffer.from('[1]', 'utf16le')])).json()).toEqual([1]);
  });
  it('names a missing file in a typed error', () => {
    expect(() => inputFromPath('/definitely/not/here.yaml')).toThrow(InputError);
    try {
      inputFromPath('/definitely/not/here.yaml');
    } catch (e) {
      expect((e as InputError).diagnostic).toMatchObject({ ruleId: 'input-not-found', file: '/definitely/not/here.yaml', severity: 'error' });
    }
  });
});

describe('openRelative', () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-input-'));
  mkdirSync(join(root, 'app'));
  writeFileSync(join(root, 'app', 'main.yaml'), 'x');
  writeFileSync(join(root, 'app', 'child.yaml'), 'child');
  writeFileSync(join(root, 'secret.yaml'), 'secret');
  symlinkSync(join(root, 'secret.yaml'), join(root, 'app', 'link.yaml'));
  const main = inputFromPath(join(root, 'app', 'main.yaml'));
  const roots = [join(root, 'app')];

  it('opens a sibling file', () => expect(openRelative(main, 'child.yaml', roots).text()).toBe('child'));
  it('refuses ../ escapes', () => expect(() => openRelative(main, '../secret.yaml', roots)).toThrow(/outside the input's folder/));
  it('refuses symlinks that point outside', () => expect(() => openRelative(main, 'link.yaml', roots)).toThrow(/outside/));
  it('refuses absolute paths outside', () => expect(() => openRelative(main, join(root, 'secret.yaml'), roots)).toThrow(/outside/));
  it('allows an extra root (--template-dir)', () => expect(openRelative(main, '../secret.yaml', [...roots, root]).text()).toBe('secret'));
  it('reports a missing file', () => expect(() => openRelative(main, 'nope.yaml', roots)).toThrow(/not found/));
});
