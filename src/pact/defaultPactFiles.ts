import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the pact files shipped with the suite. */
export const PACTS_DIR = fileURLToPath(new URL('../../contracts/pacts/', import.meta.url));

/** Every `*.json` pact shipped in `contracts/pacts/`, in name order. */
export function defaultPactFiles(): string[] {
  return readdirSync(PACTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(PACTS_DIR, f));
}
