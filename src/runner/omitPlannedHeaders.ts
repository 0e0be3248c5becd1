import type { Case } from '../model/Case.ts';
import type { BuiltRequest } from './buildRequest.ts';

/**
 * The built request without the headers its case leaves out on purpose (`PlannedRequest.omitHeaders`:
 * a required header parameter removed): a `--header` of that name is not sent either, so the case tests
 * what it says.
 */
export function omitPlannedHeaders(built: BuiltRequest, testCase: Case): BuiltRequest {
  const omitted = testCase.request.omitHeaders;
  if (omitted === undefined || omitted.length === 0) return built;
  const headers = { ...built.headers };
  for (const name of omitted) delete headers[name.toLowerCase()];
  return { ...built, headers };
}
