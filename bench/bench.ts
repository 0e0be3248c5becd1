/**
 * Throughput benchmark: a full conformance run against the embedded mock, side by side (same process,
 * same server, same concurrency, same number of requests) with a raw undici loop; prints the ratio and
 * peak RSS, and checks that memory stays flat as --runs grows tenfold (each size in its own process).
 * Both sides are warmed up, then measured twice in alternation; the best of each is kept.
 *
 *   npm run bench [-- --runs 3000 --concurrency 8]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { startMockServer } from '../mock/startMockServer.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../src/config/ConformanceConfig.ts';
import { runConformance } from '../src/engine/runConformance.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '8' },
    'memory-probe': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const concurrency = Number(values.concurrency);

/** One full run; `sendingMs` starts when planning is done (onRunStart), so setup is measured apart. */
async function suiteRun(url: string, token: string, fixtures: Record<string, string>, runsPerOperation: number): Promise<{ cases: number; ms: number; sendingMs: number }> {
  const config: ConformanceConfig = { ...DEFAULT_CONFIG, target: url, token, fixtures, runs: runsPerOperation, concurrency, seed: 7 };
  const started = performance.now();
  let sendingFrom = started;
  const report = await runConformance(config, { reporters: [{ onRunStart: () => void (sendingFrom = performance.now()) }] });
  const ended = performance.now();
  return { cases: report.summary.ran, ms: ended - started, sendingMs: ended - sendingFrom };
}

async function rawLoop(url: string, token: string, fixtures: Record<string, string>, count: number): Promise<number> {
  const agent = new Agent({ connections: concurrency, pipelining: 1 });
  const body = JSON.stringify({ hosted_connect: { name: 'bench' } });
  const path = `/v3/${fixtures.project_id}/dcaas/hosted-connects/${fixtures.hosted_connect_id}`;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) {
        const res = await request(`${url}${path}`, { method: 'PUT', dispatcher: agent, headers: { 'content-type': 'application/json', 'x-auth-token': token }, body });
        await res.body.text();
      }
    }),
  );
  const ms = performance.now() - started;
  await agent.close();
  return ms;
}

if (values['memory-probe']) {
  // Child mode: one suite run, then print peak RSS in MiB.
  const mock = await startMockServer({ port: 0 });
  await suiteRun(mock.url, mock.token, { ...mock.fixtures }, runs);
  await mock.close();
  process.stdout.write(`${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
} else {
  const mock = await startMockServer({ port: 0 });
  const fixtures = { ...mock.fixtures };
  // Warm-up of both sides (compile, JIT, connections), then each measured twice, alternating, best kept.
  const cold = await suiteRun(mock.url, mock.token, fixtures, 200);
  await rawLoop(mock.url, mock.token, fixtures, 1000);
  const suites = [];
  const raws = [];
  for (let i = 0; i < 2; i += 1) {
    const run = await suiteRun(mock.url, mock.token, fixtures, runs);
    suites.push(run);
    raws.push(await rawLoop(mock.url, mock.token, fixtures, run.cases));
  }
  const suite = suites.reduce((a, b) => (b.cases / b.ms > a.cases / a.ms ? b : a));
  const rawMs = Math.min(...raws);
  await mock.close();
  const suiteRate = (suite.cases / suite.ms) * 1000;
  const sendingRate = (suite.cases / suite.sendingMs) * 1000;
  const rawRate = (suite.cases / rawMs) * 1000;
  const peak = process.resourceUsage().maxRSS / 1024;

  const probe = (n: number): number => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--memory-probe', '--runs', String(n), '--concurrency', String(concurrency)], { encoding: 'utf8' });
    return Number(child.stdout.trim().split('\n').pop());
  };
  const small = probe(Math.max(10, Math.round(runs / 10)));
  const large = probe(Math.max(100, runs));

  const rows: Array<[string, string]> = [
    ['requests', String(suite.cases)],
    ['concurrency', String(concurrency)],
    ['suite setup, first run of the process: load, validate, compile, plan (ms)', (cold.ms - cold.sendingMs).toFixed(0)],
    ['suite setup, later runs (documents and validators cached) (ms)', (suite.ms - suite.sendingMs).toFixed(0)],
    ['suite, whole run: cases/s', suiteRate.toFixed(0)],
    ['suite, after setup: cases/s (send + check + collect)', sendingRate.toFixed(0)],
    ['raw undici: requests/s', rawRate.toFixed(0)],
    ['ratio suite/raw, whole run', (suiteRate / rawRate).toFixed(2)],
    ['ratio suite/raw, after setup', (sendingRate / rawRate).toFixed(2)],
    ['peak RSS of this process (MiB)', peak.toFixed(1)],
    [`peak RSS, --runs ${Math.max(10, Math.round(runs / 10))} (MiB)`, small.toFixed(1)],
    [`peak RSS, --runs ${Math.max(100, runs)} (MiB)`, large.toFixed(1)],
    ['RSS growth for 10x runs', `${(((large - small) / small) * 100).toFixed(1)}%`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}
