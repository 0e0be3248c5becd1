import { readFile } from 'node:fs/promises';
import type { ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors/ConformanceError.ts';
import { createAjv } from '../validation/createAjv.ts';
import schema from './config.schema.json' with { type: 'json' };
import { DEFAULT_CONFIG, type ConformanceConfig } from './ConformanceConfig.ts';

type FileConfig = Partial<Omit<ConformanceConfig, 'operations'>> & {
  operations?: Record<string, { acceptedStatuses?: string[]; skipChecks?: string[] }>;
};

const FLAG_ONLY = new Set(['dryRun', 'caseIds', 'operations']);

const validateFile = createAjv([schema]).compile<FileConfig>(schema);

function describe(error: ErrorObject, origin: string): string {
  const key = error.instancePath.slice(1).replaceAll('/', '.') || '(root)';
  const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  const allowed = error.keyword === 'enum' ? ` (one of ${(error.params.allowedValues as unknown[]).join(', ')})` : '';
  return `${origin}: ${key} ${error.message ?? 'is invalid'}${extra}${allowed}`;
}

/** Reads a JSON or YAML config file and validates it against the shipped schema; errors name the key. */
export async function loadConfigFile(path: string): Promise<FileConfig> {
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
  return validateConfigObject(data ?? {}, `config file ${path}`);
}

/** Validates an object against the config schema. */
export function validateConfigObject(data: unknown, origin: string): FileConfig {
  if (!validateFile(data)) {
    throw new ConfigError(describe(validateFile.errors![0]!, origin));
  }
  return data;
}

/**
 * Merges defaults, the config file and the flags (later wins; records merge key by key) into the one
 * typed configuration of a run, and validates the result once.
 */
export function resolveConfig(file: FileConfig, flags: Partial<ConformanceConfig>): ConformanceConfig {
  const merged: ConformanceConfig = {
    ...DEFAULT_CONFIG,
    ...stripUndefined(file),
    ...stripUndefined(flags),
    targets: { ...file.targets, ...flags.targets },
    fixtures: { ...file.fixtures, ...flags.fixtures },
    headers: { ...file.headers, ...flags.headers },
    timeouts: { ...DEFAULT_CONFIG.timeouts, ...file.timeouts, ...flags.timeouts },
    mock: { ...file.mock, ...flags.mock },
    reports: flags.reports && flags.reports.length > 0 ? flags.reports : (file.reports ?? []),
    specs: flags.specs && flags.specs.length > 0 ? flags.specs : (file.specs ?? []),
    operations: Object.fromEntries(
      Object.entries(file.operations ?? {}).map(([id, o]) => [id, { acceptedStatuses: o.acceptedStatuses ?? [], skipChecks: o.skipChecks ?? [] }]),
    ),
  };
  // Flags are checked by the same schema as the file, so a bad flag value names its key. `dryRun` and
  // `caseIds` exist only as flags; `operations` was checked in its file form.
  const checkable = Object.fromEntries(Object.entries(merged).filter(([key, value]) => !FLAG_ONLY.has(key) && value !== undefined));
  validateConfigObject(checkable, 'option');
  return merged;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
