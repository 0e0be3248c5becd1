import type { ErrorDialect } from '../ErrorDialect.ts';
import { condenseIssues } from '../condenseIssues.ts';
import { describeIssue } from '../describeIssue.ts';

/** Huawei Cloud: `{ error_code, error_msg, request_id }`; DC.* from the service, APIGW.* from the gateway. */
export const dcErrors: ErrorDialect = {
  unauthorized: (requestId) => ({
    status: 401,
    json: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information.', request_id: requestId },
  }),
  badRequest: (issues, requestId) => ({
    status: 400,
    json: { error_code: 'DC.0001', error_msg: `Invalid parameter: ${condenseIssues(issues).map(describeIssue).join('; ')}`, request_id: requestId },
  }),
  // The real service answers a missing resource with 400 DC.0002, not 404.
  notFound: (requestId) => ({
    status: 400,
    json: { error_code: 'DC.0002', error_msg: 'The resource does not exist.', request_id: requestId },
  }),
  tooManyRequests: (requestId) => ({
    status: 429,
    headers: { 'retry-after': '1' },
    json: { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached.', request_id: requestId },
  }),
  serverError: (requestId) => ({
    status: 500,
    json: { error_code: 'DC.0500', error_msg: 'Internal server error.', request_id: requestId },
  }),
};
