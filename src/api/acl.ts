/**
 * Sharing lists (`readAccess`, `writeAccess`): entries are `team/<id>` or `customer/<id>`. An
 * explicit `[]` unshares; leaving the option out keeps whatever the blueprint has.
 */
import { CloudcraftInputError } from './errors.js';

const ENTRY = /^(team|customer)\/[A-Za-z0-9-]{1,64}$/;

/**
 * Parses repeated/comma-separated option values. Returns undefined when the option was not given,
 * `[]` for the literal `[]`, and throws CloudcraftInputError naming every bad entry.
 */
export function parseAccessList(values: readonly (string | number)[] | undefined, flag: string): string[] | undefined {
  if (values === undefined) return undefined;
  const items = values.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  if (items.length === 1 && items[0] === '[]') return [];
  if (items.length === 0) throw new CloudcraftInputError(`${flag}: give team/<id> or customer/<id> entries, or [] to unshare`);
  const bad = items.filter((i) => !ENTRY.test(i));
  if (bad.length) {
    const why = bad.includes('[]') ? '[] (unshare) cannot be combined with entries' : 'expected team/<id> or customer/<id>, or [] to unshare';
    throw new CloudcraftInputError(`${flag} ${bad.map((b) => JSON.stringify(b)).join(', ')}: ${why}`);
  }
  return [...new Set(items)];
}
