import type { Operation } from '../src/openapi/Operation.ts';
import { MatchersV3 } from '@pact-foundation/pact';

/**
 * The path a consumer test sends for these path parameters, and its matcher: a fixture id becomes a
 * provider-state expression (`${hosted_connect_id}`), so the provider verifies with its own ids.
 */
export function providerStatePath(operation: Operation, fixtures: Readonly<Record<string, string>>, params: Readonly<Record<string, string>>): { path: string; pathMatcher: unknown } {
  let expression = operation.pathTemplate;
  let path = operation.pathTemplate;
  let usesState = false;
  for (const name of operation.parameters.filter((p) => p.in === 'path').map((p) => p.name)) {
    const value = params[name] ?? '';
    const fromFixture = fixtures[name] !== undefined && value === fixtures[name];
    usesState ||= fromFixture;
    path = path.replace(`{${name}}`, encodeURIComponent(value));
    expression = expression.replace(`{${name}}`, fromFixture ? `\${${name}}` : encodeURIComponent(value));
  }
  return { path, pathMatcher: usesState ? MatchersV3.fromProviderState(expression, path) : path };
}
