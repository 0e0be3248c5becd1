import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_TASK_DURATION_MS } from './MockTasks.ts';
import { ConformanceError } from '../src/errors/ConformanceError.ts';
import { listFaults } from './listFaults.ts';
import { listMutants } from './mutants/listMutants.ts';
import { CHAOS_MODES, type ChaosMode, type MockLogEntry, type MockOptions } from './MockOptions.ts';
import { startMockServer } from './startMockServer.ts';
import { HCX_SESSIONS_PATH, IAM_TOKENS_PATH, type MockLoginOptions } from './MockLogins.ts';

export interface MockCliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM by default). */
  readonly stopped: () => Promise<string>;
}

const defaultIo: MockCliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stopped: () =>
    new Promise((resolve) => {
      const stop = (signal: string): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(signal);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }),
};

function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    return n;
  };
}

function logLine(entry: MockLogEntry): string {
  return `${entry.time} ${entry.method} ${entry.path} ${entry.status} ${entry.durationMs}ms\n`;
}

/**
 * `mock`: starts the embedded mock and serves until SIGINT/SIGTERM. Returns the exit code: 0 after a
 * clean stop, 2 for bad flags or a server that cannot start (one line on stderr).
 */
export async function mockCli(argv: readonly string[], io: MockCliIo = defaultIo): Promise<number> {
  const program = new Command('mock')
    .description('Serves the HCX upgrade and Huawei DC hosted-connection APIs from the shipped OpenAPI documents')
    .option('--port <port>', 'port to listen on (0: any free port)', integer(0, 65535), 0)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--token <token>', 'the credential both APIs accept (default: random, printed)')
    .option('--fault <name>', 'a fault profile (see --list-faults)')
    .option('--mutant <id>', 'a generated mutant (see --list-mutants)')
    .option('--latency <ms>', 'delay before every answer', integer(0, 600_000))
    .option('--task-duration <ms>', `how long a task an accepted request starts runs (default ${DEFAULT_TASK_DURATION_MS})`, integer(0, 86_400_000))
    .option('--rate-limit <n>', 'requests per second before 429', integer(1, 1_000_000))
    .addOption(new Option('--chaos <mode>', 'transport misbehaviour').choices(CHAOS_MODES))
    .option('--user <name>', 'serve the HCX session and IAM token APIs for this user (with --password-env)')
    .option('--password-env <variable>', "the environment variable that holds --user's password")
    .option('--domain <name>', "--user's IAM account (domain) name (default: any)")
    .option('--iam-path <path>', 'path of the IAM token API (default /v3/auth/tokens)')
    .option('--token-uses <n>', 'requests a token from a login is accepted for, then it has expired (401)', integer(1, 1_000_000_000))
    .option('--log', 'print one line per request')
    .option('--list-faults', 'list the fault profiles and exit')
    .option('--list-mutants', 'list the generated mutants and exit')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(text.split('\n')[0] + '\n') })
    .allowExcessArguments(false);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const flags = program.opts<{
    port: number;
    host: string;
    token?: string;
    fault?: string;
    mutant?: string;
    latency?: number;
    taskDuration?: number;
    rateLimit?: number;
    chaos?: ChaosMode;
    log?: boolean;
    listFaults?: boolean;
    listMutants?: boolean;
    user?: string;
    passwordEnv?: string;
    domain?: string;
    iamPath?: string;
    tokenUses?: number;
  }>();
  if (flags.listFaults) {
    for (const f of listFaults()) io.out(`${f.name.padEnd(32)} ${f.description}\n`);
    return 0;
  }
  if (flags.listMutants) {
    for (const m of await listMutants()) io.out(`${m.id}  ${m.description}\n`);
    return 0;
  }
  const logins = loginsOf(flags, process.env);
  if (typeof logins === 'string') {
    io.err(`mock: ${logins} [CONF_ERR_USAGE]\n`);
    return 2;
  }
  const options: MockOptions = {
    ...(logins ? { logins } : {}),
    port: flags.port,
    host: flags.host,
    ...(flags.token !== undefined ? { token: flags.token } : {}),
    ...(flags.fault !== undefined ? { fault: flags.fault } : {}),
    ...(flags.mutant !== undefined ? { mutant: flags.mutant } : {}),
    ...(flags.latency !== undefined ? { latencyMs: flags.latency } : {}),
    ...(flags.taskDuration !== undefined ? { taskDurationMs: flags.taskDuration } : {}),
    ...(flags.rateLimit !== undefined ? { rateLimit: { requestsPerSecond: flags.rateLimit } } : {}),
    ...(flags.chaos !== undefined ? { chaos: flags.chaos } : {}),
    ...(flags.log ? { log: (entry: MockLogEntry) => io.out(logLine(entry)) } : {}),
  };
  let server;
  try {
    server = await startMockServer(options);
  } catch (error) {
    if (error instanceof ConformanceError) {
      io.err(`mock: ${error.message} [${error.code}]\n`);
      return 2;
    }
    throw error;
  }
  const stopped = io.stopped();
  io.out(
    [
      `mock listening on ${server.url}${flags.fault ? ` (fault: ${flags.fault})` : ''}${flags.mutant ? ` (mutant: ${flags.mutant})` : ''}${flags.chaos ? ` (chaos: ${flags.chaos})` : ''}`,
      `token: ${server.token}`,
      ...(logins ? [`logins: ${flags.user} (password from $${flags.passwordEnv}) at POST ${HCX_SESSIONS_PATH} and POST ${logins.iamPath ?? IAM_TOKENS_PATH}`] : []),
      ...Object.entries(server.fixtures).map(([name, id]) => `${name}: ${id}`),
      '',
    ].join('\n'),
  );
  const signal = await stopped;
  await server.close();
  io.out(`mock stopped (${signal}) after ${server.requestCount()} requests\n`);
  return 0;
}

/** The login flags as the mock's `logins` option; a text says what is wrong (never a password). */
function loginsOf(flags: { user?: string; passwordEnv?: string; domain?: string; iamPath?: string; tokenUses?: number }, env: NodeJS.ProcessEnv): MockLoginOptions | string | undefined {
  if (flags.user === undefined) {
    const stray = [flags.passwordEnv && '--password-env', flags.domain && '--domain', flags.iamPath && '--iam-path', flags.tokenUses !== undefined && '--token-uses'].find(Boolean);
    return stray ? `${stray} needs --user` : undefined;
  }
  if (flags.passwordEnv === undefined) return '--user needs --password-env VARIABLE (the password is never given on the command line)';
  const password = env[flags.passwordEnv];
  if (password === undefined || password === '') return `--password-env ${flags.passwordEnv}: environment variable ${flags.passwordEnv} is not set`;
  return {
    users: [{ username: flags.user, password, ...(flags.domain !== undefined ? { domain: flags.domain } : {}) }],
    ...(flags.iamPath !== undefined ? { iamPath: flags.iamPath } : {}),
    ...(flags.tokenUses !== undefined ? { tokenUses: flags.tokenUses } : {}),
  };
}
