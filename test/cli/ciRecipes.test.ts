import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseWithCli } from '../helpers/parseWithCli.ts';
import { shellWords } from '../helpers/shellWords.ts';

const recipe = (name: string): string => fileURLToPath(new URL(`../../examples/ci/${name}`, import.meta.url));

type Yaml = Record<string, unknown>;
const asRecord = (value: unknown): Yaml => (typeof value === 'object' && value !== null ? (value as Yaml) : {});

/** Every `npx conformance ...` command in a shell script, as written (one per `;`, `&&` or `||` segment). */
function conformanceCommands(script: string): string[] {
  return script
    .split('\n')
    .flatMap((line) => line.split(/;|&&|\|\|/))
    .map((segment) => segment.trim().replace(/^(then|else|do)\s+/, ''))
    .filter((segment) => segment.startsWith('npx conformance'));
}

/** A command with its CI expressions and variables filled in, split into the CLI's arguments. */
function argvOf(command: string, fill: (expression: string) => string): string[] {
  const filled = command.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => fill(e)).replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (_, v: string) => fill(`$${v}`));
  const words = shellWords(filled);
  expect(words.slice(0, 2)).toEqual(['npx', 'conformance']);
  return words.slice(2);
}

const workflow = asRecord(parse(await readFile(recipe('github-actions.yml'), 'utf8')));
const pipeline = asRecord(parse(await readFile(recipe('gitlab-ci.yml'), 'utf8')));

describe('examples/ci/github-actions.yml', () => {
  const jobs = asRecord(workflow.jobs);
  const matrix = asRecord(asRecord(asRecord(jobs.shard).strategy).matrix);
  const shards = matrix.shard as number[];
  const include = matrix.include as Yaml[];
  const scripts = Object.values(jobs).flatMap((job) => (asRecord(job).steps as Yaml[]).flatMap((step) => (typeof step.run === 'string' ? [step.run] : [])));
  const commands = scripts.flatMap(conformanceCommands);
  const fill =
    (shard: number) =>
    (expression: string): string => {
      if (expression === 'matrix.shard') return String(shard);
      if (expression.startsWith('matrix.')) return String(include[0]![expression.slice('matrix.'.length)]);
      return expression === 'github.run_number' ? '42' : 'placeholder';
    };

  test('runs sharded runs and merges them, each command with flags the CLI has', async () => {
    expect(commands.some((c) => c.startsWith('npx conformance run ') && c.includes('--shard'))).toBe(true);
    expect(commands.some((c) => c.startsWith('npx conformance merge '))).toBe(true);
    for (const command of commands) for (const shard of shards) await parseWithCli(argvOf(command, fill(shard)));
  });

  test('the matrix covers every shard of the --shard total exactly once, for every target', () => {
    const run = commands.find((c) => c.includes('--shard'))!;
    const parts = shards.map((shard) =>
      /--shard (\d+)\/(\d+)/
        .exec(argvOf(run, fill(shard)).join(' '))!
        .slice(1)
        .map(Number),
    );
    const total = parts[0]![1]!;
    expect(parts.map(([i, n]) => `${i}/${n}`).sort()).toEqual(Array.from({ length: total }, (_, i) => `${i + 1}/${total}`));
    expect(include.every((entry) => typeof entry.target === 'string' && entry.target.startsWith('https://'))).toBe(true);
  });

  test('uploads the shard reports, merges after every shard, annotates from JUnit', () => {
    const steps = Object.values(jobs).flatMap((job) => asRecord(job).steps as Yaml[]);
    expect(steps.filter((s) => String(s.uses).startsWith('actions/upload-artifact')).length).toBeGreaterThanOrEqual(2);
    expect(asRecord(jobs.merge).needs).toBe('shard');
    expect(asRecord(jobs.merge).if).toBe('always()');
    expect(steps.some((s) => String(s.uses).startsWith('mikepenz/action-junit-report'))).toBe(true);
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  const shardJob = asRecord(pipeline['conformance-shard']);
  const total = shardJob.parallel as number;
  const variables = asRecord(pipeline.variables);
  const scripts = Object.values(pipeline).flatMap((job) => [...((asRecord(job).script as string[] | undefined) ?? [])]);
  const commands = scripts.flatMap(conformanceCommands);
  const fill =
    (index: number) =>
    (expression: string): string => {
      if (expression === '$CI_NODE_INDEX') return String(index);
      if (expression === '$CI_NODE_TOTAL') return String(total);
      const name = expression.slice(1);
      return typeof variables[name] === 'string' ? variables[name] : name === 'CI_PIPELINE_IID' ? '42' : 'placeholder';
    };

  test('parallel shards and a merge, each command with flags the CLI has', async () => {
    expect(total).toBeGreaterThan(1);
    expect(commands.some((c) => c.startsWith('npx conformance run ') && c.includes('--shard'))).toBe(true);
    expect(commands.filter((c) => c.startsWith('npx conformance merge ')).length).toBeGreaterThan(0);
    for (const command of commands) for (let index = 1; index <= total; index += 1) await parseWithCli(argvOf(command, fill(index)));
  });

  test('the merge job needs the shards and keeps the merged report', () => {
    const merge = asRecord(pipeline['conformance-merge']);
    expect(JSON.stringify(merge.needs)).toContain('conformance-shard');
    expect(asRecord(asRecord(merge.artifacts).reports).junit).toBe('nightly-report/junit.xml');
  });
});

describe('the recipe check itself', () => {
  test('refuses a flag the CLI does not have and a bad flag value', async () => {
    await expect(parseWithCli(['merge', 'a.json', '--no-such-flag'])).rejects.toThrow();
    await expect(parseWithCli(['run', '--shard', '4/3'])).rejects.toThrow(/--shard/);
    await expect(parseWithCli(['merge'])).rejects.toThrow();
    await expect(parseWithCli(['run', '--shard', '1/3', '--seed', '42'])).resolves.toBeUndefined();
  });
});
