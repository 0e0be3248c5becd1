/**
 * Every fenced block of README.md, run as printed: each shell command through bash (`npx conformance` and
 * the package's `npm run` scripts are this checkout's: `npx conformance` the compiled command while dist/
 * is current), each YAML block as the config file it is, the
 * TypeScript example as a test of this file. Remote servers (`https://dcaas.example.com`, ...) are a
 * loopback stand-in: the reference mock of that API behind HTTPS on a loopback address of its own (a
 * region a config file gives other ids gets one that knows them), reached with `--resolve` and trusted
 * through NODE_EXTRA_CA_CERTS. To stay fast a run may get `--runs`,
 * `--rate-limit` and `--resolve` appended; nothing else of a command is changed. A command that cannot be
 * run here is listed below with the reason, so a block added to the README fails this test until it
 * runs or is listed.
 */
import { execFile } from 'node:child_process';
import { copyFile, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { loadConfigFile } from '../../src/config/resolveConfig.ts';
import { conformanceBin } from '../helpers/builtPackage.ts';
import { filesUnder } from '../helpers/cli.ts';
import { parseWithCli } from '../helpers/parseWithCli.ts';
import { shellWords } from '../helpers/shellWords.ts';
import { startTlsStandIn, TEST_CERT, type TlsStandIn } from '../helpers/tlsStandIn.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const TOKEN = 'readme-stand-in-token';

interface Block {
  /** README line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly text: string;
}

interface Command {
  readonly line: number;
  /** As printed (continuation lines kept), comments dropped. */
  readonly text: string;
  /** On one line, single-spaced: how the lists below name it. */
  readonly key: string;
}

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: { line: number; lang: string; lines: string[] } | undefined;
  markdown.split('\n').forEach((text, i) => {
    const fence = /^```(\w*)\s*$/.exec(text);
    if (!fence) return void open?.lines.push(text);
    if (open) {
      blocks.push({ line: open.line, lang: open.lang, text: open.lines.join('\n') });
      open = undefined;
    } else open = { line: i + 1, lang: fence[1]!, lines: [] };
  });
  return blocks;
}

const keyOf = (text: string): string => text.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();

/** The commands of a shell block: continuation lines joined, comments dropped, `&&` chains split. */
function commandsOf(block: Block): Command[] {
  const commands: Command[] = [];
  const lines = block.text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const first = i;
    let text = lines[i]!.replace(/(^|\s)#\s.*$/, '').trimEnd();
    while (text.endsWith('\\') && i + 1 < lines.length) text += `\n${lines[++i]!.replace(/(^|\s)#\s.*$/, '').trimEnd()}`;
    for (const part of text.split(/\s&&\s/)) if (part.trim() !== '') commands.push({ line: block.line + 1 + first, text: part.trim(), key: keyOf(part) });
  }
  return commands;
}

/** Commands not run, and why. */
const NOT_RUN: Readonly<Record<string, string>> = {
  'npm ci': 'installs the package: these tests run in an installed checkout',
  'npm test': "runs the project's own tests, of which this is one",
  'npm run pacts:generate': 'rewrites the committed contracts; test/pact/pactsUpToDate.test.ts checks they are what it generates',
  'npx vitest run --project conformance': 'the vitest conformance suites: that project runs them (minutes)',
  'npx vitest run --project conformance --shard=1/2': "half of the vitest conformance suites: vitest's own --shard",
  'CONFORMANCE_TARGET=https://dc.example CONFORMANCE_CONFIG=conformance.yaml npx vitest run --project conformance':
    'the vitest conformance suites against a server: test/suites covers CONFORMANCE_TARGET',
  'npm run mock -- --port 8080 [--token T] [--fault NAME | --mutant ID] [--latency MS] [--rate-limit N] [--chaos MODE]':
    "a synopsis of the mock's flags on the fixed port 8080: test/mock/cli.test.ts runs each",
  'npm run bench:mutation': 'the whole mutation bench takes minutes: test/bench/mutationSample.test.ts runs a seeded sample against the committed threshold',
  'npm run bench:mutation -- --family credential --family resource --document huawei-dc': 'part of the mutation bench (a minute): test/bench/mutationSample.test.ts runs a seeded sample',
  'npm run bench:mutation -- --sample 50 --seed 7 --jobs 2': 'a sample of the mutation bench (a minute): test/bench/mutationSample.test.ts runs a seeded sample',
  'node bin/mock.js --port 8080 --token T & MOCK=$!': 'binds the fixed port 8080, which a shared machine may have taken: test/mock/cli.test.ts starts the mock this way on port 0',
  'kill $MOCK': 'stops the mock of the line above',
};

/** Commands only parsed by the CLI (command, flags and values), and why: `[...]` parts and a `...` value are dropped first. */
const PARSE_ONLY: Readonly<Record<string, string>> = {
  'npx conformance run --target http://127.0.0.1:8080 --token T': 'needs the mock of the line above on the fixed port 8080',
  'npx conformance replay last-night/report.json [--case ID] [--target ...]': 'a synopsis; test/cli/replay.test.ts replays reports',
  'npx conformance run --target ... --seed "$NIGHT" --shard "$I/$N" --report json=shard-$I/report.json': '`...` stands for the target of section 2; the CI recipes below run shards and merge them',
  'npx conformance merge shard-*/report.json --report-dir tonight --baseline last-night/report.json --fail-on new': 'joins the shard reports of the line above; the CI recipes below merge real shards',
  'npx conformance proxy --upstream https://dc.example.com [--listen 127.0.0.1:8080] [--report json=audit/report.json]... [--quiet] [--max-response-bytes N] [--spec FILE]...':
    'a synopsis of a server that runs until stopped: test/proxy runs it',
  'npx conformance check-har traffic.har [--report json=audit/report.json]... [--max-response-bytes N] [--spec FILE]...': 'a synopsis: test/cli and test/proxy check HAR files',
  'npx conformance verify-pacts [--target URL] [--fixture NAME=VALUE]... [--header ...] [--pact FILE]... [--max-requests N] [--rate-limit RPS]':
    'a synopsis: test/cli/verifyPacts.test.ts runs the verifier',
};

/** Values of the variables a command names, for the commands that are only parsed. */
const PARSE_VARIABLES: Readonly<Record<string, string>> = { NIGHT: '42', I: '1', N: '3' };

/** Every `https://host` the README and the recipes name: each goes to the stand-in. */
const recipeTexts = ['github-actions.yml', 'gitlab-ci.yml'].map((name) => readFileSync(join(ROOT, 'examples/ci', name), 'utf8'));
const REMOTE_HOSTS = [...new Set([README, ...recipeTexts].flatMap((text) => [...text.matchAll(/https:\/\/([a-z0-9.-]+\.[a-z]+)/g)].map((m) => m[1]!)))];

/** The command `npx conformance` runs: the installed one, the package's bin, compiled while dist/ is current. */
let npxConformance = join(ROOT, 'bin/conformance.js');

/** The package's `npm run` scripts that start this checkout's programs, as shell functions; `npx conformance` too. */
function shims(): string {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const node = JSON.stringify(process.execPath);
  const local = (command: string): string => command.replace(/^node /, `${node} `).replace(/(^|\s)bin\/(\S+)/g, (_, space: string, file: string) => `${space}${JSON.stringify(`${ROOT}bin/${file}`)}`);
  const cases = Object.entries(scripts)
    .filter(([, command]) => command.startsWith('node bin/'))
    .map(([name, command]) => `    ${name}) shift 2; [ "$1" = -- ] && shift; ${local(command)} "$@";;`);
  return [
    `npx() { if [ "$1" != conformance ]; then echo "npx $1: not this package" >&2; return 127; fi; shift; ${node} ${JSON.stringify(npxConformance)} "$@"; }`,
    `npm() { [ "$1" = run ] || { echo "npm $1: not run here" >&2; return 127; }; case "$2" in`,
    ...cases,
    `    *) echo "npm run $2: not run here" >&2; return 127;; esac; }`,
  ].join('\n');
}

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function bash(script: string, cwd: string, env: Readonly<Record<string, string>>): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { cwd, env: { ...process.env, CI: 'true', ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

type Yaml = Record<string, unknown>;
const asRecord = (value: unknown): Yaml => (typeof value === 'object' && value !== null ? (value as Yaml) : {});

const blocks = blocksOf(README);
const yamlBlocks = blocks.filter((b) => b.lang === 'yaml');

/** A YAML block is a config file: its first line may say `# FILE: COMMAND`, else it is run with `run --config`. */
function configOf(block: Block): { file: string; command: Command } {
  const header = /^# ([\w.-]+\.ya?ml): (.+)$/.exec(block.text.split('\n')[0] ?? '');
  const file = header?.[1] ?? `readme-line-${block.line}.yaml`;
  const text = header?.[2] ?? `npx conformance run --config ${file}`;
  return { file, command: { line: block.line + 1, text, key: keyOf(text) } };
}

const shellCommands = blocks.filter((b) => b.lang === 'sh').flatMap(commandsOf);
const configCommands = yamlBlocks.map((b) => configOf(b).command);
const everyCommand = [...shellCommands, ...configCommands];
/** A command printed twice runs once (named by its first line). */
const distinct = everyCommand.filter((c, i) => everyCommand.findIndex((o) => o.key === c.key) === i);
const runnable = (c: Command): boolean => NOT_RUN[c.key] === undefined && PARSE_ONLY[c.key] === undefined;
const ran = new Set<string>();
/** What runs: each shell block's commands in order, and each config file's command; a repeated command once. */
const scripts = [...blocks.filter((b) => b.lang === 'sh').map((b) => commandsOf(b)), ...configCommands.map((c) => [c])]
  .map((commands) => commands.filter((c) => runnable(c) && !ran.has(c.key) && ran.add(c.key)))
  .filter((commands) => commands.length > 0);

/**
 * One stand-in per API, each serving only its own document, as the real servers do: a command that sends
 * HCX requests to the DC server fails here as it would there. A host is HCX's when its name says so.
 */
const DOCUMENTS = { dc: join(ROOT, 'schemas/huawei-dc.openapi.yaml'), hcx: join(ROOT, 'schemas/hcx-interconnect.openapi.yaml') } as const;
const apiOf = (host: string): keyof typeof DOCUMENTS => (host.split('.').includes('hcx') ? 'hcx' : 'dc');
const mocks: MockServer[] = [];
const standIns = new Map<keyof typeof DOCUMENTS, TlsStandIn>();
/** Servers a config file lists with ids of their own (regions): each gets a stand-in that knows them. */
const ownStandIns = new Map<string, TlsStandIn>();

/** Every `{ url, fixtures }` server of the README's config files. */
function serversWithFixtures(): Array<{ host: string; fixtures: Record<string, string> }> {
  const entries = yamlBlocks.flatMap((b) => Object.values(asRecord(asRecord(parseYaml(b.text)).targets)).flatMap((v) => (Array.isArray(v) ? v : [v])));
  return entries.flatMap((e) => {
    const { url, fixtures } = asRecord(e);
    return typeof url === 'string' && typeof fixtures === 'object' && fixtures !== null ? [{ host: new URL(url).hostname, fixtures: fixtures as Record<string, string> }] : [];
  });
}

/**
 * A mock seeds the ids its document's examples show: for a server with other ids, the document with its
 * ids in their place.
 */
async function documentWithIds(spec: string, from: Readonly<Record<string, string>>, to: Readonly<Record<string, string>>): Promise<string> {
  let text = readFileSync(spec, 'utf8');
  for (const [name, id] of Object.entries(to)) if (from[name]) text = text.replaceAll(from[name], id);
  const file = join(await mkdtemp(join(tmpdir(), 'readme-spec-')), 'document.openapi.yaml');
  await writeFile(file, text);
  return file;
}

/**
 * The users of the README's `auth:` sections (a preset's username, domain and password variable): the
 * stand-ins accept their logins, with a password of the test's in each variable.
 */
const LOGIN_USERS = yamlBlocks.flatMap((b) =>
  Object.values(asRecord(asRecord(parseYaml(b.text)).auth)).flatMap((setting) => {
    const preset = asRecord(asRecord(setting).hcx ?? asRecord(setting).iam);
    const variable = /^\$\{(\w+)\}$/.exec(typeof preset.password === 'string' ? preset.password : '')?.[1];
    return typeof preset.username === 'string' && variable !== undefined
      ? [{ username: preset.username, variable, password: `readme-password-of-${variable}`, ...(typeof preset.domain === 'string' ? { domain: preset.domain } : {}) }]
      : [];
  }),
);
const logins = { users: LOGIN_USERS.map(({ username, password, ...rest }) => ({ username, password, ...('domain' in rest ? { domain: rest.domain } : {}) })) };

const standInFor = (host: string): TlsStandIn => ownStandIns.get(host) ?? standIns.get(apiOf(host))!;

let outwardServer: MockServer | undefined;
const savedEnv = { DC_URL: process.env.DC_URL, DC_TOKEN: process.env.DC_TOKEN };

beforeAll(async () => {
  npxConformance = await conformanceBin();
  for (const [api, spec] of Object.entries(DOCUMENTS) as Array<[keyof typeof DOCUMENTS, string]>) {
    const server = await startMockServer({ token: TOKEN, specFiles: [spec], ...(LOGIN_USERS.length > 0 ? { logins } : {}) });
    mocks.push(server);
    standIns.set(api, await startTlsStandIn(Number(new URL(server.url).port)));
  }
  const pageIds = mocks[0]!.fixtures as unknown as Record<string, string>;
  for (const { host, fixtures } of serversWithFixtures()) {
    if (Object.entries(fixtures).every(([name, id]) => pageIds[name] === id)) continue;
    const server = await startMockServer({ token: TOKEN, specFiles: [await documentWithIds(DOCUMENTS[apiOf(host)], pageIds, fixtures)] });
    mocks.push(server);
    ownStandIns.set(host, await startTlsStandIn(Number(new URL(server.url).port)));
  }
});

afterAll(async () => {
  await Promise.all([...standIns.values(), ...ownStandIns.values()].map((s) => s.close()));
  await Promise.all(mocks.map((m) => m.close()));
});

/** A folder holding every config file of the README and a document of one's own (`--spec my-api.openapi.yaml`). */
async function workdir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'readme-'));
  for (const block of yamlBlocks) await writeFile(join(dir, configOf(block).file), block.text);
  await copyFile(join(ROOT, 'schemas/huawei-dc.openapi.yaml'), join(dir, 'my-api.openapi.yaml'));
  return dir;
}

/** The stand-in's credential in every variable a README command or config file reads it from, and the logins' passwords. */
const credentialEnv = (): Record<string, string> => ({
  HUAWEI_TOKEN: TOKEN,
  HCX_SESSION: TOKEN,
  DC_TOKEN: TOKEN,
  EU_TOKEN: TOKEN,
  AP_TOKEN: TOKEN,
  TOKEN,
  NODE_EXTRA_CA_CERTS: TEST_CERT,
  ...Object.fromEntries(LOGIN_USERS.map((u) => [u.variable, u.password])),
});

/** What a test may append to a `run`: the stand-in for every remote host, a fast rate, few random cases. */
function appended(command: string): string {
  if (!/^(npx conformance run|npm run conformance)\b/.test(keyOf(command))) return '';
  return [' --runs 3 --rate-limit 1000', ...REMOTE_HOSTS.map((host) => `--resolve ${host}:443:${standInFor(host).address}`)].join(' ');
}

const runIn = (dir: string, command: string): Promise<Outcome> => bash(`${shims()}\n${command}${appended(command)}`, dir, credentialEnv());

/** Each command is a process of its own (a CLI start through tsx, then the run): generous on a loaded machine. */
const SPAWNED_MS = 120_000;

const where = (command: Command): string => `README.md:${command.line}: ${command.key}`;

/** The first address of this machine that is not loopback: a server there is remote to the safety rules. */
const outward = Object.values(networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

const tsBlocks = blocks.filter((b) => b.lang === 'ts');

/** A TypeScript block as a module, its package import pointed at the sources: importing it registers its test here. */
async function exampleModule(block: Block, variant: string): Promise<string> {
  const api = join(ROOT, 'src/index.ts');
  const file = join(await mkdtemp(join(tmpdir(), 'readme-example-')), `${variant}.ts`);
  await writeFile(file, block.text.replace("from 'interconnect-conformance'", `from ${JSON.stringify(api)}`));
  return file;
}

/** Reads its server from DC_URL and DC_TOKEN (else it tests the embedded mock). */
const readsServer = (block: Block): boolean => block.text.includes('DC_URL');

// First, alone (the environment is the example's input): with none set, it tests the embedded mock.
for (const block of tsBlocks) {
  describe(`README.md:${block.line}: the TypeScript example, against the embedded mock`, async () => {
    await import(await exampleModule(block, 'embedded'));
  });
}

describe.concurrent('README.md', async () => {
  // The example against a server that is not on loopback (the mock on this machine's outward address),
  // which only `allowMutations` lets it test; its wait is the remote rate limit, so it starts first and runs beside the commands.
  if (outward !== undefined) {
    beforeAll(async () => {
      outwardServer = await startMockServer({ host: outward, token: TOKEN });
      process.env.DC_URL = outwardServer.url;
      process.env.DC_TOKEN = TOKEN;
    });
    afterAll(async () => {
      for (const [name, value] of Object.entries(savedEnv)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await outwardServer?.close();
    });
    for (const block of tsBlocks.filter(readsServer)) await import(await exampleModule(block, 'remote'));
  }

  test('every block is a shell command, a config file or the TypeScript example', () => {
    expect(blocks.filter((b) => !['sh', 'yaml', 'ts'].includes(b.lang)).map((b) => `README.md:${b.line}: \`\`\`${b.lang}`)).toEqual([]);
  });

  // A block is a script: its commands run in order in one folder (a later one may read what an earlier wrote).
  test.concurrent.each(scripts.map((commands) => [commands.map(where).join(', then '), commands] as const))(
    '%s runs as printed',
    async (_, commands) => {
      const dir = await workdir();
      for (const command of commands) {
        expect(command.key, `${where(command)}: a command this test does not know how to run; make it runnable or list it in NOT_RUN/PARSE_ONLY with the reason`).toMatch(
          /^(npx conformance|npm run) /,
        );
        const { code, stdout, stderr } = await runIn(dir, command.text);
        // A run on a broken mock (a fault profile, a mutant the suite kills) shows the suite catching it:
        // exit 1; everything else passes.
        const expected = /--mock-(fault|mutant) /.test(command.key) ? 1 : 0;
        expect(code, `${where(command)} exited ${code}:\n${stderr}\n${stdout.slice(-1500)}`).toBe(expected);
        // The logins' passwords are in the environment only: in no output and no file the command wrote.
        const written = await Promise.all((await filesUnder(dir)).map((f) => readFile(f, 'utf8')));
        for (const { variable, password } of LOGIN_USERS)
          expect(
            [stdout, stderr, ...written].some((text) => text.includes(password)),
            `${where(command)}: the password of ${variable} is in its output`,
          ).toBe(false);
      }
    },
    SPAWNED_MS,
  );

  test.each(distinct.filter((c) => PARSE_ONLY[c.key] !== undefined).map((c) => [where(c), c] as const))('%s parses', async (_, command) => {
    const text = command.key
      .replace(/\s\[[^\]]*\](\.\.\.)?/g, '')
      .replace(/\s--[\w-]+ \.\.\.(?=\s|$)/g, '')
      .replace(/\$\{?([A-Z_]+)\}?/g, (_, name: string) => PARSE_VARIABLES[name] ?? TOKEN);
    const words = shellWords(text);
    expect(words.slice(0, 2), where(command)).toEqual(['npx', 'conformance']);
    await expect(parseWithCli(words.slice(2)), where(command)).resolves.toBeUndefined();
    for (const arg of words.filter((_, i) => words[i - 1] === '--config')) {
      const block = yamlBlocks.find((b) => configOf(b).file === arg);
      if (!block) continue;
      const dir = await workdir();
      await expect(loadConfigFile(join(dir, arg), { dryRun: true }), where(command)).resolves.toBeDefined();
    }
  });

  test('every command not run says why, and names a command of the README', () => {
    const keys = new Set(everyCommand.map((c) => c.key));
    expect([...Object.keys(NOT_RUN), ...Object.keys(PARSE_ONLY)].filter((k) => !keys.has(k))).toEqual([]);
  });
});

/** The `npx conformance` commands of a CI script, each up to its `||`. */
const conformanceLines = (script: string): string[] =>
  script
    .split('\n')
    .flatMap((line) => line.split(/;|&&|\|\|/))
    .map((part) => part.trim().replace(/^(then|else|do)\s+/, ''))
    .filter((part) => part.startsWith('npx conformance'));

/** The config file the recipes' comments describe: the fixtures and `allowMutations: true`. */
const RECIPE_CONFIG = `fixtures: { project_id: 6fbe9263116a4b68818cf1edce16bc4f, hosted_connect_id: 0278b472-ffa5-4eb3-8c0d-979d479f8ef6 }\nallowMutations: true\n`;

async function recipeDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recipe-'));
  await writeFile(join(dir, 'conformance.yaml'), RECIPE_CONFIG);
  return dir;
}

describe.concurrent('examples/ci', () => {
  test(
    'github-actions.yml: the shards of one region run against the stand-in and merge into one conforming report',
    async () => {
      const jobs = asRecord(asRecord(parseYaml(recipeTexts[0]!)).jobs);
      const matrix = asRecord(asRecord(asRecord(jobs.shard).strategy).matrix);
      const region = (matrix.include as Yaml[])[0]!;
      const scriptsOf = (job: unknown): string[] => ((asRecord(job).steps as Yaml[]) ?? []).flatMap((step) => (typeof step.run === 'string' ? [step.run] : []));
      const [shardCommand] = scriptsOf(jobs.shard).flatMap(conformanceLines);
      const merges = scriptsOf(jobs.merge).flatMap(conformanceLines);
      // The first night's merge: no baseline yet.
      const merge = merges.find((c) => !c.includes('--baseline'))!;
      const merged = await mkdtemp(join(tmpdir(), 'recipe-merge-'));
      const shards = matrix.shard as number[];
      await Promise.all(
        shards.map(async (shard) => {
          const fill = (expression: string): string =>
            expression === 'matrix.shard' ? String(shard) : expression.startsWith('matrix.') ? String(region[expression.slice('matrix.'.length)]) : expression === 'github.run_number' ? '42' : '';
          // GitHub fills in its expressions before bash runs the line.
          const command = shardCommand!.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => fill(e));
          const dir = await recipeDir();
          const { code, stderr } = await runIn(dir, command);
          expect(code, `examples/ci/github-actions.yml: ${command}\n${stderr}`).toBe(0);
          // upload-artifact + download-artifact: shard/ of each job lands in shards/<artifact name>/.
          await cp(join(dir, 'shard'), join(merged, 'shards', `shard-${String(region.region)}-${shard}`), { recursive: true });
        }),
      );
      const { code, stderr, stdout } = await runIn(merged, merge);
      expect(code, `examples/ci/github-actions.yml: ${merge}\n${stderr}`).toBe(0);
      expect(stdout).toContain('CONFORMING');
    },
    SPAWNED_MS,
  );

  test(
    'gitlab-ci.yml: a shard runs against the stand-in',
    async () => {
      const pipeline = asRecord(parseYaml(recipeTexts[1]!));
      const variables = asRecord(pipeline.variables);
      const job = asRecord(pipeline['conformance-shard']);
      const [command] = ((job.script as string[]) ?? []).flatMap(conformanceLines);
      const dir = await recipeDir();
      const env = { ...Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])), CI_PIPELINE_IID: '42', CI_NODE_INDEX: '1', CI_NODE_TOTAL: String(job.parallel) };
      const { code, stderr } = await bash(`${shims()}\n${command}${appended(command!)}`, dir, { ...credentialEnv(), ...env });
      expect(code, `examples/ci/gitlab-ci.yml: ${command}\n${stderr}`).toBe(0);
    },
    SPAWNED_MS,
  );
});
