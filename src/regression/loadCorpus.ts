import type { ValidateFunction } from 'ajv';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors/ConformanceError.ts';
import { familyFromCaseId } from '../model/familyFromCaseId.ts';
import { schemaValidator } from '../validation/standaloneValidator.ts';
import type { CorpusEntry } from './CorpusEntry.ts';

/** A corpus file, as `saveCorpus` writes it (exported for the build, which generates its validator). */
export const ENTRY_SCHEMA = {
  type: 'object',
  required: ['key', 'caseId', 'operationId', 'check', 'intent', 'seed', 'request'],
  properties: {
    key: { type: 'string' },
    caseId: { type: 'string' },
    sequence: { type: 'string' },
    operationId: { type: 'string' },
    check: { type: 'string' },
    constraintId: { type: 'string' },
    intent: { type: 'object', required: ['kind', 'label'], properties: { kind: { type: 'string' }, label: { type: 'string' } } },
    seed: { type: 'integer' },
    request: {
      type: 'object',
      required: ['method', 'url', 'headers'],
      properties: { method: { type: 'string' }, url: { type: 'string' }, headers: { type: 'object' }, bodyText: { type: 'string' } },
    },
  },
} as const;

// Compiled on first use: only a run with --corpus reads entries.
let compiled: ValidateFunction<CorpusEntry> | undefined;

/** Reads the failure corpus written by `saveCorpus`, sorted by key; a folder that does not exist yet is empty. */
export async function loadCorpus(dir: string): Promise<CorpusEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(`cannot read corpus folder ${dir}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  }
  const entries: CorpusEntry[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path, 'utf8'));
    } catch (cause) {
      throw new ConfigError(`corpus file ${path} is not readable JSON: ${(cause as Error).message.split('\n')[0]}`);
    }
    const validate = (compiled ??= schemaValidator<CorpusEntry>(ENTRY_SCHEMA));
    if (!validate(data)) {
      const error = validate.errors![0]!;
      throw new ConfigError(`corpus file ${path} is not a corpus entry: ${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`);
    }
    // An entry written before intents carried their value family gets it from its case id.
    entries.push({ ...data, intent: familyFromCaseId(data.operationId, data.caseId, data.intent) });
  }
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}
