/** A bug inside the diff comes back as an `internal-error` diagnostic, never as an exception. */
import { afterEach, expect, it, vi } from 'vitest';
import { diff, diffPlan } from '../../src/diff/index.js';
import { fixture } from './helpers.js';

const fail = vi.hoisted(() => ({ match: false, layout: false }));

vi.mock('../../src/diff/match.js', async (original) => {
  const real = await original<typeof import('../../src/diff/match.js')>();
  return { ...real, matchItems: (...args: Parameters<typeof real.matchItems>) => {
    if (fail.match) throw new Error('match exploded');
    return real.matchItems(...args);
  } };
});
vi.mock('../../src/layout/index.js', async (original) => {
  const real = await original<typeof import('../../src/layout/index.js')>();
  return { ...real, layout: (...args: Parameters<typeof real.layout>) => {
    if (fail.layout) throw new Error('layout exploded');
    return real.layout(...args);
  } };
});

afterEach(() => {
  fail.match = false;
  fail.layout = false;
});

it('an exception anywhere in the diff is a diagnostic', async () => {
  fail.match = true;
  const r = await diffPlan(fixture('tf/every-action.plan.json'));
  expect(r.ok).toBe(false);
  expect(r.diagnostics).toEqual([expect.objectContaining({ ruleId: 'internal-error', severity: 'error', reason: expect.stringContaining('match exploded') })]);
});

it('a layout failure is a diagnostic too, and no blueprint comes back', async () => {
  fail.layout = true;
  const r = await diff(fixture('tf/before.tfstate'), fixture('tf/after.tfstate'));
  expect(r.ok).toBe(false);
  expect(r.blueprint).toBeUndefined();
  expect(r.diagnostics.at(-1)).toMatchObject({ ruleId: 'internal-error', reason: expect.stringContaining('layout exploded') });
});
