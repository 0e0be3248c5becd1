import type { PreparedOperation } from '../engine/PreparedOperation.ts';
import { compilePathTemplate } from '../openapi/compilePathTemplate.ts';

export interface OperationMatch {
  readonly prepared: PreparedOperation;
  /** Path parameters, percent-decoded. */
  readonly pathParams: Readonly<Record<string, string>>;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Finds the documented operation of a request by method and path. A template matches at the end of the
 * path, so a server behind a path prefix (`/api/v3/...`) still matches; the longest template wins when
 * two could (a fixed segment beats a parameter).
 */
export function operationMatcher(operations: readonly PreparedOperation[]): (method: string, pathname: string) => OperationMatch | undefined {
  const compiled = operations
    .map((prepared) => {
      const { source, parameterNames } = compilePathTemplate(prepared.operation.pathTemplate);
      return { prepared, pattern: new RegExp(`${source}$`), parameterNames, length: prepared.operation.pathTemplate.length };
    })
    .sort((a, b) => b.length - a.length);
  return (method, pathname) => {
    for (const { prepared, pattern, parameterNames } of compiled) {
      if (prepared.operation.method.toUpperCase() !== method.toUpperCase()) continue;
      const match = pattern.exec(pathname);
      if (match) return { prepared, pathParams: Object.fromEntries(parameterNames.map((name, i) => [name, decode(match[i + 1]!)])) };
    }
    return undefined;
  };
}
