import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { dereference, validate } from '@readme/openapi-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { parse as parseYaml } from 'yaml';
import { SpecError } from '../errors/ConformanceError.ts';
import { extractOperations } from './extractOperations.ts';
import { sniffOpenApiVersion, type DocumentVersion } from './sniffOpenApiVersion.ts';
import type { Spec } from './Spec.ts';
import { upgradeToOpenApi31 } from './upgradeToOpenApi31.ts';
import { jsonText } from './jsonText.ts';

/**
 * Reads an OpenAPI 3.1 or 3.0 document (YAML or JSON), validates it with a maintained parser (unless it
 * is one of the shipped documents), reads a 3.0 document as the 3.1 document it maps to, dereferences it
 * and extracts its operations. Every problem is a typed `SpecError` naming the file.
 */
export async function loadSpec(file: string, options: { readonly shipped?: boolean } = {}): Promise<Spec> {
  const path = resolve(file);
  // Validating a document compiles the OpenAPI meta-schema: a process that loads the same unchanged
  // file again (the embedded mock and the run, repeated runs) reuses the loaded document.
  const stamp = await stat(path).then(
    (s) => `${s.mtimeMs}:${s.size}`,
    () => undefined,
  );
  const cached = stamp === undefined ? undefined : loaded.get(path);
  if (cached && cached.stamp === stamp) return cached.spec;
  const spec = await readAndValidate(path, file, options.shipped ?? false);
  if (stamp !== undefined) loaded.set(path, { stamp, spec });
  return spec;
}

const loaded = new Map<string, { stamp: string; spec: Spec }>();

/** Why a version is not read, or `undefined` when it is (OpenAPI 3.0.x and 3.1.x). */
function versionProblem(file: string, version: DocumentVersion): string | undefined {
  if (version.kind === 'swagger') return `${file} is a Swagger ${version.version} document: only OpenAPI 3.0 and 3.1 are read (convert it to OpenAPI 3, e.g. with swagger2openapi)`;
  if (version.kind === 'openapi' && !/^3\.[01](\.|$)/.test(version.version)) return `${file} is an OpenAPI ${version.version} document: only OpenAPI 3.0 and 3.1 are read`;
  return undefined;
}

function versionOf(raw: unknown): DocumentVersion {
  if (typeof raw !== 'object' || raw === null) return { kind: 'unknown' };
  const record = raw as { openapi?: unknown; swagger?: unknown };
  if (record.openapi !== undefined) return { kind: 'openapi', version: jsonText(record.openapi) };
  if (record.swagger !== undefined) return { kind: 'swagger', version: jsonText(record.swagger) };
  return { kind: 'unknown' };
}

/** Skipped operations grouped by reason: `GET /a, GET /b: reason; ...`, the first few named. */
function skippedLine(skipped: readonly { readonly operation: string; readonly reason: string }[]): string {
  const byReason = new Map<string, string[]>();
  for (const { operation, reason } of skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), operation]);
  return [...byReason].map(([reason, operations]) => `${operations.slice(0, 3).join(', ')}${operations.length > 3 ? ` and ${operations.length - 3} more` : ''}: ${reason}`).join('; ');
}

function parseDocument(text: string, file: string): unknown {
  try {
    // JSON.parse is many times faster than a YAML parser on a large JSON document.
    if (text.trimStart().startsWith('{')) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Not strict JSON: YAML reads JSON with comments or trailing text.
      }
    }
    return parseYaml(text, { maxAliasCount: -1 }) as unknown;
  } catch (cause) {
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${file} is neither YAML nor JSON: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
}

async function readAndValidate(path: string, file: string, shipped: boolean): Promise<Spec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SpecError('CONF_ERR_SPEC_NOT_FOUND', `cannot read OpenAPI document ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, { cause });
  }
  // The version is read from the head of the text: a large document of another version is refused at once.
  const early = versionProblem(file, sniffOpenApiVersion(text));
  if (early !== undefined) throw new SpecError('CONF_ERR_SPEC_INVALID', early);
  const raw = parseDocument(text, file);
  const version = versionOf(raw);
  if (version.kind === 'unknown') throw new SpecError('CONF_ERR_SPEC_INVALID', `${file} is not an OpenAPI 3.0 or 3.1 document (no "openapi: 3.x" at its top)`);
  const problem = versionProblem(file, version);
  if (problem !== undefined) throw new SpecError('CONF_ERR_SPEC_INVALID', problem);
  // The parser mutates what it is given: validate and dereference separate copies. The shipped
  // documents are validated by the package's own tests (test/schemas), so a run does not compile the
  // OpenAPI meta-schema for them (a quarter of a second before the first request).
  const result = shipped ? { valid: true as const, errors: [] } : await validate(structuredClone(raw) as OpenAPIV3_1.Document);
  if (!result.valid) {
    const first = result.errors[0]?.message.split('\n')[0] ?? 'unknown error';
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${file} is not a valid OpenAPI ${version.version} document: ${first}`);
  }
  const warnings: string[] = [];
  const upgraded = structuredClone(raw) as Record<string, unknown>;
  const notes = upgradeToOpenApi31(upgraded);
  // A 3.1 document that still says `nullable` (a 3.0 keyword JSON Schema does not know) means what 3.0 meant.
  if (version.version.startsWith('3.1') && notes.rewritten > 0)
    warnings.push(`${file}: ${notes.rewritten} schema(s) use OpenAPI 3.0 keywords (nullable, boolean exclusiveMinimum/exclusiveMaximum); read as OpenAPI 3.0 meant them`);
  const document = (await dereference(upgraded as unknown as OpenAPIV3_1.Document)) as OpenAPIV3_1.Document;
  const extracted = extractOperations(document, file, { lenient: !shipped });
  warnings.push(...extracted.warnings);
  const skipped = skippedLine(extracted.skipped);
  if (extracted.operations.length === 0) {
    const why =
      extracted.skipped.length > 0
        ? `every operation is skipped (${skipped})`
        : document.webhooks !== undefined
          ? 'it describes webhooks only (requests the API sends, not ones it answers)'
          : 'it has no paths';
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${file}: no operation to test: ${why}`);
  }
  if (extracted.skipped.length > 0) warnings.push(`${file}: ${extracted.skipped.length} operation(s) not tested: ${skipped}`);
  return {
    file: path,
    title: document.info.title,
    document,
    operations: extracted.operations,
    warnings,
  };
}
