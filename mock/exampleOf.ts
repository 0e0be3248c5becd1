import { ConfigError } from '../src/errors/ConformanceError.ts';
import type { Operation } from '../src/openapi/Operation.ts';

/** The example value a document gives for a path parameter; seeds use the document's own ids. */
export function parameterExample(operation: Operation | undefined, name: string, fallback: string): string {
  const example = operation?.parameters.find((p) => p.name === name)?.example;
  if (example === undefined) return fallback;
  if (typeof example !== 'string') throw new ConfigError(`${operation?.operationId}: example of parameter ${name} is not a string`);
  return example;
}
