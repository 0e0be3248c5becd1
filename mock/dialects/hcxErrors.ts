import type { ErrorDialect } from '../ErrorDialect.ts';
import { condenseIssues } from '../condenseIssues.ts';
import { describeIssue } from '../describeIssue.ts';

/** HCX: `{ errors: [{ code, message }] }` as JSON; 401 and 404 document no body, so none is sent. */
export const hcxErrors: ErrorDialect = {
  unauthorized: () => ({ status: 401 }),
  badRequest: (issues) => ({
    status: 400,
    json: { errors: condenseIssues(issues).map((issue) => ({ code: 'INVALID_PARAMETER', message: describeIssue(issue) })) },
  }),
  notFound: () => ({ status: 404 }),
  tooManyRequests: () => ({
    status: 429,
    headers: { 'retry-after': '1' },
    json: { errors: [{ code: 'TOO_MANY_REQUESTS', message: 'Request rate limit exceeded.' }] },
  }),
  serverError: () => ({ status: 500, json: { errors: [{ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' }] } }),
};
