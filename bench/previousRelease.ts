/**
 * The release the benchmarks compare with, built offline: the tree of a git ref (default `main`, or
 * `$BENCH_PREVIOUS`, or `--previous REF`) exported with `git archive` into
 * `$TMPDIR/interconnect-conformance-previous/<commit>/`, given this checkout's `node_modules` (a
 * symlink) and built with its own `npm run build` script. Built once per commit, reused after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Release {
  readonly ref: string;
  readonly commit: string;
  /** The package root: `dist/bin/conformance.js` is its installed command. */
  readonly dir: string;
}

export function previousRelease(ref: string = process.env.BENCH_PREVIOUS ?? 'main'): Release {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), 'interconnect-conformance-previous', commit);
  if (existsSync(join(dir, 'dist', 'bin', 'conformance.js'))) return { ref, commit, dir };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: ROOT, stdio: 'inherit' });
  if (archive.status !== 0) throw new Error(`cannot export ${ref} (${commit}) with git archive`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const build = spawnSync(process.execPath, [join(dir, 'bin', 'build.js')], { cwd: dir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`cannot build ${ref} (${commit})`);
  return { ref, commit, dir };
}

/** `--previous REF` from the command line, else the default. */
export function previousRef(argv: readonly string[] = process.argv): string | undefined {
  const at = argv.indexOf('--previous');
  return at >= 0 ? argv[at + 1] : undefined;
}
