import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** What `npm run build` (bin/build.js) reads: the compiled folders, the files it copies, its own settings. */
const INPUTS = ['src', 'mock', 'reporters', 'bin', 'schemas', 'contracts/pacts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  const times = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).mtimeMs));
  return Math.max(info.mtimeMs, ...times);
}

/**
 * When dist/ was last built completely: the build writes dist/package.json and then the validators
 * (dist/validators/), its last step. Undefined without either.
 */
async function builtAt(): Promise<number | undefined> {
  try {
    const validators = await readdir(join(ROOT, 'dist/validators'));
    if (validators.length === 0) return undefined;
    const times = await Promise.all(validators.map(async (name) => (await stat(join(ROOT, 'dist/validators', name))).mtimeMs));
    return Math.min((await stat(join(ROOT, 'dist/package.json'))).mtimeMs, Math.max(...times));
  } catch {
    return undefined;
  }
}

/**
 * Runs `npm run build` (bin/build.js) unless dist/ was built after the last change to anything it is
 * built from: a checkout whose sources do not compile fails here, as `npm pack` (whose `prepare` builds)
 * would; one built by `npm run build` since is used as it is.
 */
export async function buildUnlessCurrent(): Promise<void> {
  if (!(await distIsCurrent())) await run(process.execPath, [join(ROOT, 'bin/build.js')], { cwd: ROOT });
}

/** Whether dist/ was built completely after the last change to anything it is built from. */
export async function distIsCurrent(): Promise<boolean> {
  const built = await builtAt();
  const changed = Math.max(...(await Promise.all(INPUTS.map((input) => newestMtime(join(ROOT, input))))));
  return built !== undefined && built > changed;
}

/**
 * The `conformance` command to start as a process: the package's compiled bin (dist/bin/conformance.js)
 * while dist/ is current, else bin/conformance.js, the same sources through tsx (a second a start more).
 */
export async function conformanceBin(): Promise<string> {
  return join(ROOT, (await distIsCurrent()) ? 'dist/bin/conformance.js' : 'bin/conformance.js');
}
