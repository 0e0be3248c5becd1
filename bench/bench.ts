/**
 * Throughput benchmark against one embedded mock, each suite measured alternately with the previous
 * release (bench/previousRelease.ts: `main` built offline into a temporary folder, or `--previous REF`)
 * and with a raw undici loop sending the same number of valid requests to the same server at the same
 * concurrency:
 * - in process: a full run after the documents are loaded (`runConformance`), whole and after setup;
 * - whole process: `conformance run` of the installed build (dist/bin/conformance.js, from `npm run
 *   build`) at `--runs 1000` and `--runs 5000` (`--process-runs`), spawn to exit, against the raw loop
 *   for its number of requests (the loop runs warm in this process, so start-up counts against the suite);
 * and checks that peak RSS stays flat as --runs grows tenfold (each size in its own process).
 * Everything is warmed up, then measured `--rounds` times (2) in alternation, each suite run paired with
 * the raw loop right after it; the round with the best ratio is kept.
 *
 *   npm run build && npm run bench [-- --runs 3000 --concurrency 8 --process-runs 1000,5000 --rounds 3 --previous REF]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { startMockServer } from '../mock/startMockServer.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../src/config/ConformanceConfig.ts';
import { runConformance } from '../src/engine/runConformance.ts';
import { previousRelease, type Release } from './previousRelease.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '8' },
    'memory-probe': { type: 'boolean', default: false },
    'process-runs': { type: 'string', default: '1000,5000' },
    rounds: { type: 'string', default: '2' },
    previous: { type: 'string' },
  },
});
const runs = Number(values.runs);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);

type Engine = { readonly run: typeof runConformance; readonly defaults: ConformanceConfig };
const current: Engine = { run: runConformance, defaults: DEFAULT_CONFIG };

/** The engine of a built release, loaded from its dist/. */
async function engineOf(release: Release): Promise<Engine> {
  const load = (path: string) => import(pathToFileURL(join(release.dir, 'dist', path)).href);
  const [{ runConformance: run }, { DEFAULT_CONFIG: defaults }] = await Promise.all([load('src/engine/runConformance.js'), load('src/config/ConformanceConfig.js')]);
  return { run, defaults };
}

/** One full run; `sendingMs` starts when planning is done (onRunStart), so setup is measured apart. */
async function suiteRun(url: string, token: string, fixtures: Record<string, string>, runsPerOperation: number, engine: Engine = current): Promise<{ cases: number; ms: number; sendingMs: number }> {
  const config: ConformanceConfig = { ...engine.defaults, target: url, token, fixtures, runs: runsPerOperation, concurrency, seed: 7 };
  const started = performance.now();
  let sendingFrom = started;
  const report = await engine.run(config, { reporters: [{ onRunStart: () => void (sendingFrom = performance.now()) }] });
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
  const previous = previousRelease(values.previous);
  const engines = { previous: await engineOf(previous), current };
  const processEntries = { previous: join(previous.dir, 'dist', 'bin', 'conformance.js'), current: fileURLToPath(new URL('../dist/bin/conformance.js', import.meta.url)) };
  if (!existsSync(processEntries.current)) throw new Error('dist/ is missing: run `npm run build` first');
  type Side = keyof typeof engines;
  const SIDES: readonly Side[] = ['previous', 'current'];
  // Warm-up of every side (compile, JIT, connections), then each measured twice, alternating, best kept.
  const cold = { previous: await suiteRun(mock.url, mock.token, fixtures, 200, engines.previous), current: await suiteRun(mock.url, mock.token, fixtures, 200) };
  await rawLoop(mock.url, mock.token, fixtures, 1000);
  const suites: Record<Side, Array<{ cases: number; ms: number; sendingMs: number }>> = { previous: [], current: [] };
  const raws: Record<Side, number[]> = { previous: [], current: [] };
  for (let i = 0; i < rounds; i += 1) {
    for (const side of SIDES) {
      const run = await suiteRun(mock.url, mock.token, fixtures, runs, engines[side]);
      suites[side].push(run);
      raws[side].push(await rawLoop(mock.url, mock.token, fixtures, run.cases));
    }
  }
  /** A whole `conformance run` process against the mock: its cases (from its JSON report) and ms from spawn to exit. */
  const processRun = (entry: string, n: number): Promise<{ cases: number; ms: number }> =>
    new Promise((resolve, reject) => {
      const dir = mkdtempSync(join(tmpdir(), 'conformance-bench-'));
      const args = [
        entry,
        'run',
        '--target',
        mock.url,
        '--token',
        mock.token,
        ...Object.entries(fixtures).flatMap(([k, v]) => ['--fixture', `${k}=${v}`]),
        '--runs',
        String(n),
        '--seed',
        '7',
        '--concurrency',
        String(concurrency),
        '--report',
        `json=${join(dir, 'report.json')}`,
      ];
      const started = performance.now();
      const child = spawn(process.execPath, args, { stdio: 'ignore', cwd: dir });
      child.on('error', reject);
      child.on('close', (code) => {
        const ms = performance.now() - started;
        try {
          // 1: the run found failures (it still ran every case).
          if (code !== 0 && code !== 1) throw new Error(`conformance run --runs ${n} exited ${code}`);
          const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { summary: { ran: number } };
          resolve({ cases: report.summary.ran, ms });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  const processSizes = values['process-runs']
    .split(',')
    .filter((n) => n !== '')
    .map(Number);
  const whole: Array<{ n: number } & Record<Side, { cases: number; ms: number; rawMs: number }>> = [];
  for (const n of processSizes) {
    const best: Partial<Record<Side, { cases: number; ms: number; rawMs: number }>> = {};
    await processRun(processEntries.current, Math.min(n, 50));
    for (let i = 0; i < rounds; i += 1) {
      for (const side of SIDES) {
        const run = await processRun(processEntries[side], n);
        const rawMs = await rawLoop(mock.url, mock.token, fixtures, run.cases);
        const held = best[side];
        if (!held || run.cases / run.ms / (run.cases / rawMs) > held.cases / held.ms / (held.cases / held.rawMs)) best[side] = { ...run, rawMs };
      }
    }
    whole.push({ n, previous: best.previous!, current: best.current! });
  }
  await mock.close();
  const peak = process.resourceUsage().maxRSS / 1024;

  const probe = (n: number): number => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--memory-probe', '--runs', String(n), '--concurrency', String(concurrency)], { encoding: 'utf8' });
    return Number(child.stdout.trim().split('\n').pop());
  };
  const small = probe(Math.max(10, Math.round(runs / 10)));
  const large = probe(Math.max(100, runs));

  const rows: Array<[string, string, string]> = [['', `previous (${previous.ref})`, 'this tree']];
  const both = (label: string, f: (side: Side) => string): void => void rows.push([label, f('previous'), f('current')]);
  // Each suite run is paired with the raw loop right after it (a busy machine slows both alike): the
  // round with the best ratio is kept.
  const roundOf = (side: Side): number =>
    suites[side].reduce(
      (best, run, i) => (run.cases / run.ms / (run.cases / raws[side][i]!) > suites[side][best]!.cases / suites[side][best]!.ms / (suites[side][best]!.cases / raws[side][best]!) ? i : best),
      0,
    );
  const bestOf = (side: Side) => suites[side][roundOf(side)]!;
  const rawRate = (side: Side): number => (bestOf(side).cases / raws[side][roundOf(side)]!) * 1000;
  both('requests (in process)', (side) => String(bestOf(side).cases));
  both('concurrency', () => String(concurrency));
  both('suite setup, first run of the process: load, validate, compile, plan (ms)', (side) => (cold[side].ms - cold[side].sendingMs).toFixed(0));
  both('suite setup, later runs (documents and validators cached) (ms)', (side) => (bestOf(side).ms - bestOf(side).sendingMs).toFixed(0));
  both('suite, whole run: cases/s', (side) => ((bestOf(side).cases / bestOf(side).ms) * 1000).toFixed(0));
  both('suite, after setup: cases/s (send + check + collect)', (side) => ((bestOf(side).cases / bestOf(side).sendingMs) * 1000).toFixed(0));
  both('raw undici: requests/s', (side) => rawRate(side).toFixed(0));
  both('ratio suite/raw, in process, whole run', (side) => (((bestOf(side).cases / bestOf(side).ms) * 1000) / rawRate(side)).toFixed(2));
  both('ratio suite/raw, in process, after setup', (side) => (((bestOf(side).cases / bestOf(side).sendingMs) * 1000) / rawRate(side)).toFixed(2));
  for (const { n, ...sides } of whole) {
    both(`whole process --runs ${n}: requests, s`, (side) => `${sides[side].cases}, ${(sides[side].ms / 1000).toFixed(2)}`);
    both(`ratio suite/raw, whole process, --runs ${n}`, (side) => (sides[side].rawMs / sides[side].ms).toFixed(2));
  }
  both('peak RSS of this process (MiB)', () => peak.toFixed(1));
  rows.push([`peak RSS, --runs ${Math.max(10, Math.round(runs / 10))} (MiB)`, '', small.toFixed(1)]);
  rows.push([`peak RSS, --runs ${Math.max(100, runs)} (MiB)`, '', large.toFixed(1)]);
  rows.push(['RSS growth for 10x runs', '', `${(((large - small) / small) * 100).toFixed(1)}%`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const column = Math.max(...rows.map(([, v]) => v.length));
  for (const [k, a, b] of rows) process.stdout.write(`${k.padEnd(width)}  ${a.padStart(column)}  ${b}\n`);
}
