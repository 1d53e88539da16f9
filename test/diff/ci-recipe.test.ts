/**
 * The CI recipe of docs/diff.md end to end against the HTTPS stand-in: a live snapshot diffed
 * against code, and a pull-request diff whose blueprint is uploaded and linked from the comment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ok, standInForFile, type StandIn } from '../api/helpers.js';
import { fixture } from './helpers.js';

let s: StandIn;
standInForFile((started) => { s = started; });

describe('diff in CI', () => {
  it('code against the live account: account snapshot, then diff', async () => {
    const [aws] = [...s.server.store.aws.values()];
    const live = join(s.dir, 'live.json');
    ok(await cli(['account', 'snapshot', aws!.id, 'us-east-1', '-o', live, '--quiet', ...s.args]));
    const r = await cli(['diff', fixture('snapshot/template.yaml'), live, '--exit-code']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('+ bastion (ec2) added');
    expect(r.stdout).toContain('− Cache (sqs · AWS::SQS::Queue) removed');
  });

  it('pull request: diff base and head, upload the diff blueprint, post markdown with its link', async () => {
    const out = join(s.dir, 'diff.blueprint.json');
    const comment = join(s.dir, 'comment.md');
    ok(await cli(['diff', fixture('cfn/before.yaml'), fixture('cfn/after.yaml'), '-o', out, '--format', 'markdown', '--report', comment]));
    const up = ok(await cli(['upload', out, '--tag', 'architecture-diff', '--no-state', ...s.args]));
    const url = /https?:\/\/\S+/.exec(up.stdout)?.[0];
    expect(url).toBeDefined();
    writeFileSync(comment, `${readFileSync(comment, 'utf8')}\n[Open the diff in Cloudcraft](${url})\n`);
    expect(readFileSync(comment, 'utf8')).toMatch(/^### Architecture diff: [\s\S]*\| 🟣 \| `Jobs` \|[\s\S]*\[Open the diff in Cloudcraft\]\(https?:/);
    // What Cloudcraft now holds is the diff blueprint, colours and legend included.
    const remote = [...s.server.store.blueprints.values()].find((b) => JSON.stringify(b).includes('architecture-diff'));
    expect(JSON.stringify(remote)).toContain('"text":"Changes"');
  });
});
