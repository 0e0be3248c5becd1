import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { MockServer } from '../../mock/MockOptions.ts';
import { main } from '../../src/cli/main.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { validateReport } from '../../src/regression/validateReport.ts';

export const BIN = fileURLToPath(new URL('../../bin/conformance.js', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in this process through `main(argv, io)`, capturing both streams. */
export async function runCli(argv: readonly string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'conformance-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Reads a JSON report and fails the test unless it validates against src/model/report.schema.json as
 * written, never migrated: a reporter that drops a field of this version fails here.
 */
export async function readReport(path: string): Promise<RunReport> {
  const checked = validateReport(JSON.parse(await readFile(path, 'utf8')));
  if (!checked.ok) throw new Error(`${path} is not a valid report: ${checked.problem}`);
  return checked.report;
}

/** Asserts the documented error shape: exactly one line on stderr, no stack trace. */
export function expectOneErrorLine(err: string): void {
  expect(err.endsWith('\n')).toBe(true);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toContain('    at ');
}

/** A loopback port nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Flags that point a run at a mock server started by the test: target, token and its fixture ids. */
export function targetFlags(server: MockServer, token: readonly string[] = ['--token', server.token]): string[] {
  return ['--target', server.url, ...token, ...Object.entries(server.fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`])];
}

/** Every file under a folder, recursively. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Starts `bin/conformance.js` as a child process, collecting its output. */
export function spawnCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}
