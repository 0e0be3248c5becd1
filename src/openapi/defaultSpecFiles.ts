import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The folder of the OpenAPI documents shipped with the suite. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Every `*.openapi.yaml` shipped in `schemas/`, in name order. */
export function defaultSpecFiles(): string[] {
  return readdirSync(SCHEMAS_DIR)
    .filter((f) => f.endsWith('.openapi.yaml'))
    .sort()
    .map((f) => join(SCHEMAS_DIR, f));
}
