/**
 * Upload 100 blueprints to the stand-in with its rate limiter on (the API contract: 20 requests
 * per 10 s per key) and the client's default budget, and report throughput against the budget,
 * 429s, and failed requests (must be 0).
 *
 *   npm run bench upload              (BENCH_UPLOADS=20 BENCH_RATE=20/2s for a quick run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudcraftClient } from '../src/api/client.js';
import { parseRateLimit } from '../src/api/config.js';
import { uploadBlueprint } from '../src/api/upload.js';
import { convert } from '../src/convert.js';
import { startMockServer } from '../src/mock-server/index.js';
import { UploadState } from '../src/state/upload-state.js';

const UPLOADS = Number(process.env['BENCH_UPLOADS'] ?? 100);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 4);
const budget = parseRateLimit(process.env['BENCH_RATE'] ?? '20/10s');
if (!budget) throw new Error('BENCH_RATE must be a budget, not off');

const template = {
  Resources: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`Web${i}`, { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 'm5.large' } }])),
};
const converted = await convert({ object: template, name: 'bench.json' });
if (!converted.ok) throw new Error('conversion failed');

const server = await startMockServer({ rateLimit: budget, seed: {} });
const dir = mkdtempSync(join(tmpdir(), 'cc-bench-'));
const client = new CloudcraftClient({ host: '127.0.0.1', port: server.port, apiKey: server.keys.readWrite, ca: server.caFile, env: {}, rateLimit: budget });
const state = UploadState.load(join(dir, 'state.json'));

const latencies: number[] = [];
let failed = 0;
let next = 0;
const started = performance.now();
async function worker(): Promise<void> {
  while (next < UPLOADS) {
    const i = next++;
    const t = performance.now();
    try {
      await uploadBlueprint(client, {
        produce: () => ({ ...converted.blueprint!, name: `bench ${i}` }),
        stateKey: `bench-${i}`, state, backupDir: join(dir, 'backups'), name: `bench ${i}`,
      });
      latencies.push(performance.now() - t);
    } catch (err) {
      failed++;
      console.error(`upload ${i} failed: ${(err as Error).message}`);
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const seconds = (performance.now() - started) / 1000;
await client.close();
await server.close();
rmSync(dir, { recursive: true, force: true });

const requests = server.requests.length;
const rejected = server.requests.filter((r) => r.status === 429).length;
const failedRequests = server.requests.filter((r) => r.status === 'reset' || (typeof r.status === 'number' && r.status >= 400 && r.status !== 429)).length;
// The densest window the stand-in saw: what its limiter judged us by.
const arrivals = server.requests.map((r) => r.at).sort((a, b) => a - b);
let densest = 0;
for (let i = 0, j = 0; j < arrivals.length; j++) {
  while (arrivals[j]! - arrivals[i]! >= budget.windowMs) i++;
  densest = Math.max(densest, j - i + 1);
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
const allowed = budget.requests / (budget.windowMs / 1000);
console.log(`uploads:            ${UPLOADS - failed}/${UPLOADS} created (${CONCURRENCY} in parallel, ${converted.blueprint!.data.nodes.length} nodes each)`);
console.log(`requests:           ${requests} in ${seconds.toFixed(1)} s = ${(requests / seconds).toFixed(2)} req/s`);
console.log(`budget:             ${budget.requests} per ${budget.windowMs / 1000} s = ${allowed.toFixed(2)} req/s sustained`);
console.log(`sustained rate:     ${((requests - budget.requests) / seconds).toFixed(2)} req/s after the first window's burst (${(((requests - budget.requests) / seconds / allowed) * 100).toFixed(0)}% of the budget)`);
console.log(`densest window:     ${densest} requests in ${budget.windowMs / 1000} s (limit ${budget.requests})`);
console.log(`429 answers:        ${rejected} (client budget lowered ${client.rateLimiter?.stats.lowered ?? 0} times)`);
console.log(`failed requests:    ${failedRequests}; failed uploads: ${failed}`);
console.log(`upload latency:     p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms (mostly waiting for the budget)`);
if (failed > 0 || failedRequests > 0) process.exitCode = 1;
