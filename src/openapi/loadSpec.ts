import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { dereference, validate } from '@readme/openapi-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { parse as parseYaml } from 'yaml';
import { SpecError } from '../errors/ConformanceError.ts';
import { extractOperations } from './extractOperations.ts';
import type { Spec } from './Spec.ts';

/**
 * Reads an OpenAPI 3.1 document (YAML or JSON), validates it with a maintained parser (unless it is one
 * of the shipped documents), dereferences it and extracts its operations. Every problem is a typed `SpecError` naming the file.
 */
export async function loadSpec(file: string, options: { readonly shipped?: boolean } = {}): Promise<Spec> {
  const path = resolve(file);
  // Validating a document compiles the OpenAPI meta-schema: a process that loads the same unchanged
  // file again (the embedded mock and the run, repeated runs) reuses the loaded document.
  const stamp = await stat(path).then((s) => `${s.mtimeMs}:${s.size}`, () => undefined);
  const cached = stamp === undefined ? undefined : loaded.get(path);
  if (cached && cached.stamp === stamp) return cached.spec;
  const spec = await readAndValidate(path, file, options.shipped ?? false);
  if (stamp !== undefined) loaded.set(path, { stamp, spec });
  return spec;
}

const loaded = new Map<string, { stamp: string; spec: Spec }>();

async function readAndValidate(path: string, file: string, shipped: boolean): Promise<Spec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SpecError('CONF_ERR_SPEC_NOT_FOUND', `cannot read OpenAPI document ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, { cause });
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (cause) {
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${file} is neither YAML nor JSON: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  if (typeof raw !== 'object' || raw === null || !String((raw as { openapi?: unknown }).openapi ?? '').startsWith('3.1')) {
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${file} is not an OpenAPI 3.1 document (no "openapi: 3.1.x")`);
  }
  // The parser mutates what it is given: validate and dereference separate copies. The shipped
  // documents are validated by the package's own tests (test/schemas), so a run does not compile the
  // OpenAPI meta-schema for them (a quarter of a second before the first request).
  const result = shipped ? { valid: true as const, errors: [] } : await validate(structuredClone(raw) as OpenAPIV3_1.Document);
  if (!result.valid) {
    const first = result.errors[0]?.message.split('\n')[0] ?? 'unknown error';
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${file} is not a valid OpenAPI 3.1 document: ${first}`);
  }
  const document = (await dereference(structuredClone(raw) as OpenAPIV3_1.Document)) as OpenAPIV3_1.Document;
  return {
    file: path,
    title: document.info.title,
    document,
    operations: extractOperations(document, file),
  };
}
