import type { Operation } from '../../src/openapi/Operation.ts';
import { responseFor } from '../../src/validation/OperationValidators.ts';
import { minimalValue } from '../../src/values/minimalValue.ts';
import type { ErrorDialect } from '../ErrorDialect.ts';
import type { MockResponse } from '../MockResponse.ts';

/**
 * The error answers of an operation the mock has no handler for, from its document: the status, with
 * the documented example (or a minimal value of the documented JSON schema) as body, or no body where
 * the document gives none.
 */
export function documentErrors(operation: Operation): ErrorDialect {
  const answer = (status: number, headers?: Readonly<Record<string, string>>): MockResponse => {
    const documented = responseFor(operation.responses, status);
    const json = documented?.contentTypes.some((t) => /json/i.test(t)) ? (documented.examples[0] ?? (documented.schema ? minimalValue(documented.schema) : undefined)) : undefined;
    return { status, ...(headers ? { headers } : {}), ...(json !== undefined ? { json } : {}) };
  };
  const notFound = Number(operation.hints.notFoundStatuses[0] ?? '404');
  return {
    unauthorized: () => answer(401),
    badRequest: () => answer(400),
    notFound: () => answer(notFound),
    tooManyRequests: () => answer(429, { 'retry-after': '1' }),
    serverError: () => answer(500),
  };
}
