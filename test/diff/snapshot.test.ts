/** Live-account snapshots: drift between code and the account, matched by ARN, then type and name. */
import { describe, expect, it } from 'vitest';
import { diff, formatDiffText } from '../../src/diff/index.js';
import { snapshotBlueprint } from '../../src/mock-server/snapshot.js';
import { change, fixture, kinds, tempDir } from './helpers.js';

describe('template against the stand-in\'s live snapshot (account snapshot --format json)', () => {
  const { file } = tempDir();
  const live = file('live.json', snapshotBlueprint('aws', { id: 'acct-1', name: 'prod' }, 'us-east-1', {}));

  it('matches by type and physical name (Name tag, BucketName, DBInstanceIdentifier)', async () => {
    const r = await diff(fixture('snapshot/template.yaml'), live);
    expect(r.ok).toBe(true);
    expect(change(r, 'web-2').matchedBy).toBe('name');
    // In code only: the queue; in the account only: the bastion; web-2 runs another size than the code says.
    expect(kinds(r)).toEqual(['added bastion', 'modified web-2', 'removed Cache']);
    expect(change(r, 'web-2').properties).toEqual([{ name: 'instanceType', scope: 'cloudcraft', before: 't3', after: 'm5' }]);
    // web-1, orders-db, assets and the VPC are the same resources.
    expect(r.summary.unchanged).toBe(4);
    // The stand-in's scan carries ARNs and liveAccount like a real one, so this is drift.
    expect(r.drift).toBe(true);
    expect(r.after.kind).toBe('snapshot');
  });

  it('reads the same the other way round (live before, code after)', async () => {
    const r = await diff(live, fixture('snapshot/template.yaml'));
    expect(kinds(r)).toEqual(['added Cache', 'modified WebTwo', 'removed bastion']);
  });

  it('a filtered snapshot (--filter) leaves the rest of the code unmatched', async () => {
    const prodOnly = file('prod.json', snapshotBlueprint('aws', { id: 'acct-1', name: 'prod' }, 'us-east-1', { filter: 'role=db' }));
    const r = await diff(fixture('snapshot/template.yaml'), prodOnly);
    expect(kinds(r)).toContain('removed WebOne');
    expect(kinds(r)).not.toContain('removed Orders');
  });
});

describe('Terraform state against a Cloudcraft scan with ARNs', () => {
  it('matches by ARN, reports drift, and compares only what both sides record', async () => {
    const r = await diff(fixture('tf/after.tfstate'), fixture('snapshot/live-aws.json'));
    expect(r.drift).toBe(true);
    expect(r.after.kind).toBe('snapshot');
    expect(change(r, 'worker')).toMatchObject({ kind: 'modified', matchedBy: 'arn', properties: [{ name: 'memory', scope: 'cloudcraft', before: '256', after: '512' }] });
    expect(kinds(r)).toEqual(['added debug-box', 'modified worker']);
    // The state does not say which subnet the database is in; the scan does. That is not drift.
    expect(r.changes.some((c) => c.name === 'orders-db')).toBe(false);
    expect(r.edges.map((e) => `${e.kind} ${e.fromName} → ${e.toName}`)).toEqual(['added web-1 → orders-db']);
    expect(formatDiffText(r)).toMatch(/^Drift between .*after\.tfstate and the live account \(.*live-aws\.json\)/);
  });

  it('an ARN ending in the physical id matches a resource that records only its id', async () => {
    const { file } = tempDir();
    const state = file('old.tfstate', {
      version: 4, terraform_version: '0.12.31', serial: 1, lineage: 'l', outputs: {},
      resources: [{ mode: 'managed', type: 'aws_instance', name: 'box', provider: 'provider.aws', instances: [{ schema_version: 1, attributes: { id: 'i-debug', instance_type: 't3.nano' } }] }],
    });
    const r = await diff(state, fixture('snapshot/live-aws.json'));
    expect(kinds(r)).not.toContain('added debug-box');
    expect(kinds(r)).not.toContain('removed box');
    // Same instance, same size: nothing to report (the state's defaulted region is not compared with the scan's).
    expect(r.changes.find((c) => c.after === 'n-debug')).toBeUndefined();
    expect(r.summary.unchanged).toBe(1);
  });

  it('a snapshot that was still processing is refused with what to do', async () => {
    const { file } = tempDir();
    const pending = file('pending.json', { code: 'STILL_PROCESSING', message: 'Result wait time exceeded.', retry: true });
    const r = await diff(fixture('tf/after.tfstate'), pending);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'diff-snapshot-pending', file: pending, severity: 'error' }));
  });
});
