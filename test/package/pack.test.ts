/**
 * SLOW (half a minute) and NEEDS THE NPM REGISTRY: the package as a user gets it. `npm pack`, installed
 * into an empty temporary project, then `npx conformance run` against the embedded mock there, and a
 * consumer TypeScript file checked against the packed types. `npm pack` builds dist/ through `prepare`;
 * here dist/ is built first unless `npm run build` has built it since the sources last changed
 * (test/helpers/builtPackage.ts), and packed as it is: it fails while the sources do not compile.
 * Run alone: npx vitest run --project unit test/package
 */
import { execFile } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildUnlessCurrent } from '../helpers/builtPackage.ts';
import { tempDir } from '../helpers/cli.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const run = promisify(execFile);
const npm = (args: readonly string[], cwd: string) => run('npm', ['--no-audit', '--no-fund', '--loglevel=error', ...args], { cwd, env: { ...process.env, npm_config_update_notifier: 'false' } });
const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** Uses the documented API (README "Use it from code"); must type-check against the packed .d.ts. */
const CONSUMER = `import { loadCatalogue, runConformance, startMock, type Finding, type RunReport } from 'interconnect-conformance';

const mock = await startMock();
try {
  const report: RunReport = await runConformance({ target: mock.url, token: mock.token, fixtures: { ...mock.fixtures }, runs: 2 });
  const failures: Finding[] = report.findings.filter((f) => f.severity === 'failure');
  console.log(report.summary.verdict, failures.length, (await loadCatalogue()).length);
} finally {
  await mock.close();
}
`;
/** The README's "Use it from code" example, literally. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const code = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Use it from code')))?.[1];
  if (!code) throw new Error('README.md has no ts example under "Use it from code"');
  return code;
}

/** A misuse the packed types must refuse, so a check that passes is not a check that sees nothing. */
const MISUSE = `import { runConformance } from 'interconnect-conformance';\nawait runConformance({ runs: 'many' });\n`;

describe('the packed tarball in an empty project', () => {
  let project: string;
  let files: string[];

  beforeAll(async () => {
    project = await tempDir('conformance-package-');
    await buildUnlessCurrent();
    // `prepare` would build dist/ again: it is current.
    const { stdout } = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', project], ROOT);
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = packed!.files.map((f) => f.path);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // A user's install resolves afresh: metadata cached before a dependency's latest release could name a
    // version the cache does not know yet.
    await npm(['install', '--prefer-online', join(project, packed!.filename)], project);
  }, 300_000);

  test('holds what users need and no tests or sources', () => {
    expect(files.filter((f) => f.startsWith('dist/validators/') && f.endsWith('.cjs')).length).toBeGreaterThan(5);
    for (const needed of [
      'dist/bin/conformance.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/model/report.schema.json',
      'schemas/huawei-dc.openapi.yaml',
      'contracts/pacts/interconnect-conformance-huawei-dc.json',
      'README.md',
      'LICENSE',
    ]) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => f.startsWith('test/') || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  test('npx conformance run against the embedded mock exits 0, with no tsx installed', async () => {
    expect(await exists(join(project, 'node_modules/tsx'))).toBe(false);
    // The validators of the shipped documents come from dist/validators/: nothing is compiled, so the
    // cache in the project's node_modules is never written.
    const { CONFORMANCE_CACHE_DIR: _cache, XDG_CACHE_HOME: _xdg, ...env } = process.env;
    const { stdout } = await run('npx', ['--no-install', 'conformance', 'run', '--runs', '2', '--report', 'json=report.json'], { cwd: project, env });
    expect(stdout).toContain('CONFORMING');
    expect(await exists(join(project, 'node_modules/.cache/interconnect-conformance'))).toBe(false);
    const report = JSON.parse(await readFile(join(project, 'report.json'), 'utf8')) as { summary: { verdict: string } };
    expect(report.summary.verdict).toBe('conforming');
  }, 60_000);

  test('a consumer file and the README example type-check against the packed types; a misuse does not', async () => {
    await mkdir(join(project, 'src'));
    await writeFile(join(project, 'src/consumer.ts'), CONSUMER);
    await writeFile(join(project, 'src/readme.ts'), await readmeExample());
    await writeFile(join(project, 'src/misuse.ts'), MISUSE);
    // @types/node and vitest come from this repository: the consumer project installed only the tarball.
    const compilerOptions = {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
      paths: { vitest: [join(ROOT, 'node_modules/vitest/dist/index.d.ts')] },
    };
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
    const result = await run(process.execPath, [TSC, '-p', '.'], { cwd: project }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    const errors = result.split('\n').filter((line) => / error TS\d+/.test(line));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^src\/misuse\.ts\(2,/);
  }, 120_000);
});
