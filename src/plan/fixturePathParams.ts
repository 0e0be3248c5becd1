import type { Operation } from '../openapi/Operation.ts';
import { placeholderValue } from './placeholderValue.ts';

/** Salt of placeholders: independent of the seed so a printed request does not change between runs. */
const PLACEHOLDER_SEED = 0;

/**
 * Path parameters from the fixtures; a parameter without one gets a schema-valid placeholder so the
 * request can still be printed, and `needsFixture` says a real resource id is missing.
 */
export function fixturePathParams(operation: Operation, fixtures: Readonly<Record<string, string>>): { pathParams: Record<string, string>; needsFixture: boolean } {
  const pathParams: Record<string, string> = {};
  let needsFixture = false;
  for (const p of operation.parameters) {
    if (p.in !== 'path') continue;
    const fixture = fixtures[p.name];
    if (fixture === undefined) needsFixture = true;
    pathParams[p.name] = fixture ?? placeholderValue(p, PLACEHOLDER_SEED, 'placeholder');
  }
  const resource = operation.hints.resourceParameter;
  if (resource !== undefined && fixtures[resource] === undefined) needsFixture = true;
  return { pathParams, needsFixture };
}
