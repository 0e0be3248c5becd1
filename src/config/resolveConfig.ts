import { readFile } from 'node:fs/promises';
import type { ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { ConfigError, UsageError } from '../errors/ConformanceError.ts';
import { authFormProblem } from './authFormProblem.ts';
import { credentialTextProblem } from './credentialTextProblem.ts';
import { expandCredentials } from './expandCredentials.ts';
import { selectTargets } from './selectTargets.ts';
import { parseShard } from './parseShard.ts';
import { missingSchemeProblem } from './missingScheme.ts';
import { specTwin } from './specTwin.ts';
import { createAjv } from '../validation/createAjv.ts';
import schema from './config.schema.json' with { type: 'json' };
import { DEFAULT_CONFIG, type ConformanceConfig } from './ConformanceConfig.ts';

type FileConfig = Partial<Omit<ConformanceConfig, 'operations' | 'shard'>> & {
  /** `I/N`, as on the command line. */
  shard?: string;
  operations?: Record<string, { acceptedStatuses?: string[]; skipChecks?: string[]; severity?: Record<string, 'failure' | 'warning'>; values?: Record<string, unknown[]> }>;
};

// `shard` is checked by parseShard when the flag is read (the file's text form is checked here).
// Keys that exist only as flags or in the API, not in the file's schema (`operations` from the API is checked
// in its file form, with the flags).
const FLAG_ONLY = new Set(['dryRun', 'caseIds', 'shard', 'configFile', 'targetNames']);

const validateFile = createAjv([schema]).compile<FileConfig>(schema);

/** The flag that sets each config key, so an error about a flag's value speaks of the flag. */
const FLAG_OF: Readonly<Record<string, string>> = {
  specs: '--spec',
  target: '--target',
  targets: '--target',
  fixtures: '--fixture',
  headers: '--header',
  token: '--token',
  seed: '--seed',
  runs: '--runs',
  operationIds: '--operation',
  reports: '--report',
  reportDir: '--report-dir',
  concurrency: '--concurrency',
  'timeouts.headersMs': '--timeout',
  'timeouts.bodyMs': '--timeout',
  'timeouts.connectMs': '--connect-timeout',
  retries: '--retries',
  maxRequests: '--max-requests',
  maxAccepted: '--max-accepted',
  taskDeadlineMs: '--task-deadline',
  onlyValues: '--only-value',
  rateLimit: '--rate-limit',
  maxResponseBytes: '--max-response-bytes',
  caFile: '--ca-file',
  proxy: '--proxy',
  resolve: '--resolve',
  baseline: '--baseline',
  failOn: '--fail-on',
  corpus: '--corpus',
  'mock.fault': '--mock-fault',
  'mock.mutant': '--mock-mutant',
  'mock.latencyMs': '--mock-latency',
  'mock.taskDurationMs': '--mock-task-duration',
  'mock.rateLimit': '--mock-rate-limit',
  'mock.chaos': '--mock-chaos',
};

function keyOf(error: ErrorObject): string {
  return error.instancePath.slice(1).replaceAll('/', '.') || '(root)';
}

function describe(error: ErrorObject, origin: string): string {
  const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  const allowed = error.keyword === 'enum' ? ` (one of ${(error.params.allowedValues as unknown[]).join(', ')})` : '';
  // A bad key (a header name, say) is named: ajv puts it beside the error, not in the path.
  const name = error.propertyName !== undefined ? ` key "${error.propertyName}"` : '';
  return `${origin}: ${keyOf(error)}${name} ${error.message ?? 'is invalid'}${extra}${allowed}`;
}

/**
 * The error that says what is wrong: where a value may take several forms (`anyOf`: a URL or a list of
 * servers), ajv reports every form's complaint; the one deepest in the value, and not merely "wrong
 * type", names the real problem (`targets.huawei-dc.0 must have required property 'url'`).
 */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject): number => e.instancePath.split('/').length * 2 + (e.keyword === 'type' || e.keyword === 'anyOf' ? 0 : 1);
  return errors.reduce((best, e) => (depth(e) > depth(best) ? e : best));
}

function describeConfigErrors(errors: readonly ErrorObject[], origin: string): string {
  return describe(mostSpecific(errors), origin);
}

/** `--fail-on must be new or any`, `--runs must be <= 100000`: the flag, never the config key. */
function describeFlag(error: ErrorObject): string {
  const key = keyOf(error);
  const match = Object.keys(FLAG_OF).filter((k) => key === k || key.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
  const flag = match ? FLAG_OF[match]! : key;
  if (error.keyword === 'enum') return `${flag} must be ${(error.params.allowedValues as unknown[]).join(' or ')}`;
  // From the API, a key the configuration does not have: name it.
  if (error.keyword === 'additionalProperties') return `unknown setting "${String(error.params['additionalProperty'])}"${key === '(root)' ? '' : ` in ${flag}`}`;
  return `${flag} ${error.message ?? 'is invalid'}`;
}

/** Header names and values (and the token) that could not be sent; the message names the key, never the value. */
function headerProblem(data: FileConfig): string | undefined {
  // A target's own headers (several servers of an operation) are sent as the run's are.
  const perTarget = Object.entries(data.targets ?? {}).flatMap(([key, setting]) =>
    typeof setting === 'string' ? [] : setting.flatMap((entry, index) => (typeof entry === 'string' ? [] : Object.entries(entry.headers ?? {}).map(([name, value]) => [`targets.${key}.${index}.headers.${name}`, value] as const))),
  );
  for (const [key, value] of [...Object.entries(data.headers ?? {}).map(([name, value]) => [`headers.${name}`, value] as const), ...perTarget]) {
    const problem = credentialTextProblem(value);
    if (problem) return `${key}: the value ${problem}`;
  }
  const problem = data.token === undefined ? undefined : credentialTextProblem(data.token);
  return problem ? `token: the value ${problem}` : undefined;
}

/** The first document listed again (by any spelling of its path). */
function duplicateSpec(specs: readonly string[]): string | undefined {
  return specs.find((spec, index) => specTwin(spec, specs.slice(0, index)) !== undefined);
}

/** Reads a JSON or YAML config file and validates it against the shipped schema; errors name the key. */
/** How a config file is read: the servers `--only-target` keeps, and whether the run is a dry run. */
export interface ConfigFileOptions {
  readonly onlyTargets?: readonly string[];
  /** A dry run sends nothing: an unset `${NAME}` in a credential stays as written instead of stopping it. */
  readonly dryRun?: boolean;
}

export async function loadConfigFile(path: string, options: ConfigFileOptions = {}): Promise<FileConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`cannot read config file ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (cause) {
    throw new ConfigError(`config file ${path} is neither JSON nor YAML: ${(cause as Error).message.split('\n')[0]}`);
  }
  return validateConfigObject(data ?? {}, `config file ${path}`, options);
}

/**
 * Validates an object against the config schema, keeps the targets `--only-target` names, then reads
 * `${NAME}` in its credentials from the environment (of the targets kept) and checks they can be sent.
 */
export function validateConfigObject(raw: unknown, origin: string, options: ConfigFileOptions = {}): FileConfig {
  const schemeless = schemelessTarget(raw);
  if (schemeless !== undefined) throw new ConfigError(`${origin}: ${schemeless}`);
  const authForm = authFormProblem(raw);
  if (authForm !== undefined) throw new ConfigError(`${origin}: ${authForm}`);
  if (!validateFile(raw)) {
    throw new ConfigError(describeConfigErrors(validateFile.errors!, origin));
  }
  const data = expandCredentials(selectTargets(raw, options.onlyTargets ?? [], origin), origin, process.env, { keepUnset: options.dryRun ?? false }) as FileConfig;
  const problem = headerProblem(data);
  if (problem) throw new ConfigError(`${origin}: ${problem}`);
  const twin = duplicateSpec(data.specs ?? []);
  if (twin !== undefined) throw new ConfigError(`${origin}: specs lists ${twin} twice`);
  if (data.shard !== undefined && parseShard(data.shard) === undefined) throw new ConfigError(`${origin}: shard "${data.shard}" must be I/N with 1 <= I <= N`);
  return data;
}

/** A `target` or `targets` URL written without its scheme, said before the schema's "must match format uri". */
function schemelessTarget(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { target, targets } = raw as { target?: unknown; targets?: unknown };
  const urls: Array<[string, unknown]> = [['target', target]];
  for (const [name, value] of Object.entries(typeof targets === 'object' && targets !== null ? targets : {})) {
    const entries: unknown[] = Array.isArray(value) ? value : [value];
    entries.forEach((e, i) => urls.push([Array.isArray(value) ? `targets.${name}[${i}]` : `targets.${name}`, typeof e === 'object' && e !== null ? (e as { url?: unknown }).url : e]));
  }
  for (const [key, url] of urls) {
    const problem = typeof url === 'string' ? missingSchemeProblem(key, url) : undefined;
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Validates the flags' part of a configuration by the same schema; errors name the flag (usage errors). */
function validateFlags(flags: Partial<ConformanceConfig>): void {
  const checkable = Object.fromEntries(Object.entries(flags).filter(([key, value]) => !FLAG_ONLY.has(key) && value !== undefined));
  if (!validateFile(checkable)) throw new UsageError(describeFlag(mostSpecific(validateFile.errors!)));
}

/**
 * Merges defaults, the config file (already validated by `loadConfigFile`) and the flags (later wins;
 * records merge key by key) into the one typed configuration of a run. The flags are validated here.
 */
export function resolveConfig(file: FileConfig, flags: Partial<ConformanceConfig>): ConformanceConfig {
  const { shard: fileShard, ...fileRest } = file;
  const shard = flags.shard ?? (fileShard === undefined ? undefined : parseShard(fileShard));
  const merged: ConformanceConfig = {
    ...DEFAULT_CONFIG,
    ...stripUndefined(fileRest),
    ...stripUndefined(flags),
    targets: { ...file.targets, ...flags.targets },
    fixtures: { ...file.fixtures, ...flags.fixtures },
    headers: { ...file.headers, ...flags.headers },
    // Input by input, the command line's allowed values replace the file's.
    ...(file.onlyValues || flags.onlyValues ? { onlyValues: { ...file.onlyValues, ...flags.onlyValues } } : {}),
    timeouts: { ...DEFAULT_CONFIG.timeouts, ...file.timeouts, ...flags.timeouts },
    mock: { ...file.mock, ...flags.mock },
    reports: flags.reports && flags.reports.length > 0 ? flags.reports : (file.reports ?? []),
    specs: flags.specs && flags.specs.length > 0 ? flags.specs : (file.specs ?? []),
    ...(shard !== undefined ? { shard } : {}),
    // Per operation, settings given in code (the API) win over the file's, operation by operation.
    operations: Object.fromEntries(
      Object.entries({ ...file.operations, ...flags.operations }).map(([id, o]) => [
        id,
        { acceptedStatuses: o.acceptedStatuses ?? [], skipChecks: o.skipChecks ?? [], ...(o.severity ? { severity: o.severity } : {}), ...(o.values ? { values: o.values } : {}) },
      ]),
    ),
  };
  // The flags alone, so an error speaks of the flag; the file was checked when it was read.
  validateFlags(flags);
  assertMockUsed(file, flags, merged);
  if (merged.baseline === undefined && flags.failOn !== undefined) throw new UsageError('--fail-on needs --baseline');
  if (merged.baseline === undefined && file.failOn !== undefined) throw new ConfigError('failOn needs baseline (in the config file or --baseline)');
  return merged;
}

/** Mock settings beside a named target would be silently ignored: no mock is started for such a run. */
function assertMockUsed(file: FileConfig, flags: Partial<ConformanceConfig>, merged: ConformanceConfig): void {
  if (merged.target === undefined && Object.keys(merged.targets).length === 0) return;
  const given = (mock: ConformanceConfig['mock'] | undefined): string[] => Object.keys(mock ?? {}).filter((key) => mock?.[key as keyof ConformanceConfig['mock']] !== undefined);
  const fromFlags = given(flags.mock).map((key) => FLAG_OF[`mock.${key}`] ?? key);
  const target = flags.target !== undefined || Object.keys(flags.targets ?? {}).length > 0 ? '--target' : 'the config file\'s target';
  if (fromFlags.length > 0) throw new UsageError(`${fromFlags.join(', ')}: the embedded mock is not used when a target is named (${target}); drop one or the other`);
  const fromFile = given(file.mock).map((key) => `mock.${key}`);
  if (fromFile.length > 0) throw new ConfigError(`${fromFile.join(', ')} (config file): the embedded mock is not used when a target is named (${target}); drop one or the other`);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
