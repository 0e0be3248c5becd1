import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.ts';

const run = promisify(execFile);

/** Prints, at exit, every package the process loaded (ES modules through a resolve hook, CommonJS from the require cache). */
const RECORDER = `import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const packages = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (name) => packages.add(name));
port1.unref();
register(new URL('./hooks.mjs', import.meta.url), { data: { port: port2 }, transferList: [port2] });
const require = createRequire(import.meta.url);
const nameOf = (path) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(path)?.[1];
process.on('exit', () => {
  for (const path of Object.keys(require.cache)) if (nameOf(path)) packages.add(nameOf(path));
  process.stderr.write('LOADED ' + JSON.stringify([...packages]) + '\\n');
});
`;
const HOOKS = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const name = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(resolved.url)?.[1];
  if (name) port.postMessage(name);
  return resolved;
}
`;

let recorder: string;
beforeAll(async () => {
  const dir = await tempDir('conformance-loaded-');
  await writeFile(join(dir, 'hooks.mjs'), HOOKS);
  recorder = join(dir, 'recorder.mjs');
  await writeFile(recorder, RECORDER);
});

async function loadedBy(args: readonly string[]): Promise<string[]> {
  const { stderr } = await run(process.execPath, ['--import', pathToFileURL(recorder).href, BIN, ...args], { maxBuffer: 16 * 1024 * 1024 });
  const line = stderr.split('\n').find((l) => l.startsWith('LOADED '));
  if (!line) throw new Error(`no package list: ${stderr}`);
  return JSON.parse(line.slice('LOADED '.length)) as string[];
}

describe('a command loads only what it uses', () => {
  it('--help parses no document and loads no engine: no ajv, fast-check, undici, YAML parser, reporters or Pact', async () => {
    const loaded = await loadedBy(['--help']);
    expect(loaded).toContain('commander');
    for (const name of ['ajv', 'fast-check', 'undici', 'yaml', '@readme/openapi-parser', 'junit-report-builder', 'cli-table3', '@pact-foundation/pact']) expect(loaded).not.toContain(name);
  });

  it('constraints loads no runner, reporters or Pact', async () => {
    const loaded = await loadedBy(['constraints']);
    expect(loaded).toContain('@readme/openapi-parser');
    for (const name of ['undici', 'junit-report-builder', '@pact-foundation/pact', '@pact-foundation/pact-core']) expect(loaded).not.toContain(name);
  });
});
