import type { ValidationIssue } from '../src/validation/OperationValidators.ts';
import type { MockResponse } from './MockResponse.ts';

/** How one vendor spells its error answers. */
export interface ErrorDialect {
  unauthorized(requestId: string): MockResponse;
  badRequest(issues: readonly ValidationIssue[], requestId: string): MockResponse;
  notFound(requestId: string): MockResponse;
  tooManyRequests(requestId: string): MockResponse;
  serverError(requestId: string): MockResponse;
}
