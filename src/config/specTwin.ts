import { resolve } from 'node:path';

/**
 * The entry of `specs` that names the same document as `spec` (the same path, however written), if any:
 * the same document given twice would have its cases planned and counted twice.
 */
export function specTwin(spec: string, specs: readonly string[]): string | undefined {
  return specs.find((other) => resolve(other) === resolve(spec));
}
