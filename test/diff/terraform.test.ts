/** Terraform: one plan's own actions, two states, and a plan as one side. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diff, diffPlan, diffReport, formatDiffMarkdown, formatDiffText } from '../../src/diff/index.js';
import type { DiffResult } from '../../src/diff/types.js';
import { change, fixture, kinds } from './helpers.js';

const PLAN = fixture('tf/every-action.plan.json');

describe('a plan with every action kind', () => {
  let r: DiffResult;
  beforeAll(async () => {
    r = await diffPlan(PLAN);
  });

  it('maps create/delete/update/replace (both orders) to added/removed/modified/replaced; no-op and read are not changes', () => {
    expect(r.ok).toBe(true);
    expect(r.mode).toBe('plan');
    expect(kinds(r)).toEqual(['added c', 'added logs', 'modified app', 'modified db', 'removed old', 'replaced batch', 'replaced spare']);
    expect(r.changes.map((c) => `${c.name}:${c.action}`).sort()).toEqual([
      'app:update', 'batch:replace', 'c:create', 'db:update', 'logs:create', 'old:delete', 'spare:replace',
    ]);
    // vpc, two subnets and the moved function are no-ops; the data source read is not infrastructure.
    expect(r.summary.unchanged).toBe(4);
    expect(r.changes.some((c) => c.sourceType === 'aws_ami')).toBe(false);
  });

  it('replace_paths force the replacement; action_reason is said plainly', () => {
    const batch = change(r, 'batch');
    expect(batch).toMatchObject({ kind: 'replaced', replacement: 'will', reason: 'a changed attribute cannot be updated in place' });
    expect(batch.properties).toContainEqual({ name: 'subnet_id', scope: 'source', replacement: 'will' });
    expect(change(r, 'spare').reason).toBe('replacement requested (-replace)');
    expect(change(r, 'old').reason).toBe('removed from the configuration');
  });

  it('a replaced instance that changes subnet is shown moving between subnets', () => {
    expect(change(r, 'batch').properties).toContainEqual({ name: 'subnet', scope: 'placement', before: 'a', after: 'b' });
  });

  it('an update lists changed attributes by name and drawn fields with values (tags_all is not repeated)', () => {
    expect(change(r, 'app').properties).toEqual([
      { name: 'instance_type', scope: 'source' },
      { name: 'tags', scope: 'source' },
      { name: 'instanceSize', scope: 'cloudcraft', before: 'small', after: 'large' },
    ]);
  });

  it('computed attributes of a recreated resource are not listed as changes', () => {
    expect(change(r, 'spare').properties.map((p) => p.name)).toEqual(['ami']);
  });

  it('a moved resource (previous_address) is one resource, not a removal and an addition', () => {
    expect(r.changes.some((c) => c.name === 'old_worker' || c.name === 'worker')).toBe(false);
  });

  it('never shows a Terraform value, sensitive or not', () => {
    const text = [formatDiffText(r), formatDiffMarkdown(r), JSON.stringify(diffReport(r)), JSON.stringify(r.blueprint)].join('\n');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('db.t3.medium');
    expect(change(r, 'db').properties).toEqual([{ name: 'allocated_storage', scope: 'source' }]);
  });

  it('one input that is not a plan is refused with a clear message', async () => {
    const s = await diffPlan(fixture('tf/before.tfstate'));
    expect(s.ok).toBe(false);
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'diff-not-a-plan', severity: 'error', file: fixture('tf/before.tfstate') }));
  });
});

describe('two Terraform states', () => {
  let r: DiffResult;
  beforeAll(async () => {
    r = await diff(fixture('tf/before.tfstate'), fixture('tf/after.tfstate'));
  });

  it('classifies by address', () => {
    expect(kinds(r)).toEqual(['added aws_lambda_event_source_mapping.jobs', 'added jobs', 'added worker', 'modified assets', 'modified orders', 'modified web']);
    expect(change(r, 'web').matchedBy).toBe('id');
    expect(change(r, 'aws_lambda_event_source_mapping.jobs').drawn).toBe(false);
  });

  it('changed attributes by name, moved subnet with names, a new connection', () => {
    expect(change(r, 'assets').properties).toEqual([{ name: 'tags', scope: 'source' }]);
    expect(change(r, 'web').properties).toEqual([
      { name: 'subnet_id', scope: 'source' },
      { name: 'subnet', scope: 'placement', before: 'a', after: 'b' },
    ]);
    expect(r.edges.map((e) => `${e.kind} ${e.fromName} → ${e.toName} ${e.edgeKind}`)).toEqual(['added jobs → worker dataflow']);
  });

  it('a secret in a state is named, never shown', () => {
    expect(change(r, 'orders').properties).toEqual([{ name: 'password', scope: 'source' }]);
    expect(formatDiffText(r) + formatDiffMarkdown(r) + JSON.stringify(diffReport(r))).not.toMatch(/s3cr3t/);
    expect(readFileSync(fixture('tf/after.tfstate'), 'utf8')).toContain('an0ther-s3cr3t');
  });

  it('a plan as the after side is read at its planned state', async () => {
    const s = await diff(fixture('tf/before.tfstate'), PLAN);
    expect(s.after.kind).toBe('plan');
    // The state's bucket is not in the plan (another workspace): removed; the plan's queue deletion already happened.
    expect(kinds(s)).toContain('added logs');
    expect(kinds(s)).not.toContain('removed old');
    expect(kinds(s)).toContain('removed assets');
  });
});
