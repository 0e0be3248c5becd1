/**
 * Startup times of the installed command (the compiled package, dist/bin/conformance.js) against the
 * previous release built the same way (bench/previousRelease.ts: `main` unless `--previous REF` or
 * `$BENCH_PREVIOUS`): median of 10 runs each of `--version`, `constraints`, and the time from start to
 * the first request of `run` reaching a tiny server that records its arrival. The two are measured
 * alternately, one run of each in turn, so a busy machine slows both alike; the ratio is the number to
 * read. A script, not a timed test: numbers depend on the machine.
 *
 *   npm run bench:startup [-- --previous REF]         (builds dist/ first)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { previousRef, previousRelease } from './previousRelease.ts';

const previous = previousRelease(previousRef());
const ENTRIES = {
  before: join(previous.dir, 'dist', 'bin', 'conformance.js'),
  after: fileURLToPath(new URL('../dist/bin/conformance.js', import.meta.url)),
} as const;
const RUNS = 10;

if (!existsSync(ENTRIES.after)) {
  console.error('dist/ is missing: run `npm run build` first (`npm run bench:startup` does)');
  process.exit(2);
}

/** Milliseconds from spawning the command until it exits (exit 0 required). */
function timeToExit(entry: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [entry, ...args], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

/** A server that answers everything with `{}` and reports when the first request arrives. */
async function recordingServer(): Promise<{ server: Server; url: string; nextArrival: () => Promise<number> }> {
  let arrived: ((at: number) => void) | undefined;
  const server = createServer((req, res) => {
    arrived?.(performance.now());
    arrived = undefined;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, nextArrival: () => new Promise((resolve) => (arrived = resolve)) };
}

/** Milliseconds from spawning `run` until its first request reaches the server; the run is then stopped. */
async function timeToFirstRequest(entry: string, url: string, nextArrival: () => Promise<number>): Promise<number> {
  const arrival = nextArrival();
  const started = performance.now();
  const fixtures = ['applianceId=appl-1', 'project_id=p1', 'hosted_connect_id=h1'].flatMap((f) => ['--fixture', f]);
  const child = spawn(process.execPath, [entry, 'run', '--target', url, '--token', 'bench-token', ...fixtures, '--runs', '1', '--report', 'console'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const failed = exited.then(() => Promise.reject(new Error('run exited before sending a request')));
  try {
    return (await Promise.race([arrival, failed])) - started;
  } finally {
    child.kill();
    await exited;
  }
}

function middle(times: number[]): number {
  times.sort((a, b) => a - b);
  return (times[RUNS / 2 - 1]! + times[RUNS / 2]!) / 2;
}

/** Medians of the previous release and this one, measured in turn. */
async function medians(measure: (entry: string) => Promise<number>): Promise<[number, number]> {
  // Warm the file cache; not counted.
  await measure(ENTRIES.before);
  await measure(ENTRIES.after);
  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before.push(await measure(ENTRIES.before));
    after.push(await measure(ENTRIES.after));
  }
  return [middle(before), middle(after)];
}

const { server, url, nextArrival } = await recordingServer();
const rows: Array<[string, number, number]> = [];
try {
  for (const [name, measure] of [
    ['--version', (entry: string) => timeToExit(entry, ['--version'])],
    ['constraints', (entry: string) => timeToExit(entry, ['constraints'])],
    ['run: first request', (entry: string) => timeToFirstRequest(entry, url, nextArrival)],
  ] as const) {
    rows.push([name, ...(await medians(measure))]);
  }
} finally {
  server.close();
}
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`median of ${RUNS}, alternating, node ${process.version}; previous release: ${previous.ref} (${previous.commit.slice(0, 10)})`);
console.log(`${'command'.padEnd(20)} ${'previous'.padStart(10)} ${'this tree'.padStart(10)} ${'ratio'.padStart(7)}`);
for (const [name, before, after] of rows) console.log(`${name.padEnd(20)} ${s(before).padStart(10)} ${s(after).padStart(10)} ${(after / before).toFixed(2).padStart(7)}`);
