import { responseFor } from '../validation/OperationValidators.ts';
import { isThrottled } from './isThrottled.ts';
import { whenResponse } from './whenResponse.ts';

/** A request without a credential, or with a wrong one, is answered 401 or 403. */
export const authRequired = whenResponse({
  name: 'auth-required',
  title: 'A request without a valid credential is refused',
  provenance: 'page',
  plans: ['no-auth', 'wrong-auth'],
  judges: 'intent',
  run({ case: testCase, response }, { operation }) {
    const { intent } = testCase;
    if (intent.kind !== 'no-auth' && intent.kind !== 'wrong-auth') return undefined;
    const { constraintId } = intent;
    const what = intent.kind === 'no-auth' ? 'without a credential' : 'with a wrong credential';
    const { status } = response;
    if (status === 401 || status === 403) return { check: 'auth-required', outcome: 'pass', constraintId, message: `a request ${what} was refused with ${status}` };
    if (isThrottled(status)) return { check: 'auth-required', outcome: 'skip', constraintId, message: `a request ${what} was still ${status} after retries, not judged` };
    // Refused, but not with the status the document gives for it: as strict as that documented answer.
    const refusal = status >= 400 && status <= 499 ? { provenance: responseFor(operation.responses, 401)?.provenance ?? 'page' } : {};
    return { check: 'auth-required', outcome: 'fail', constraintId, ...refusal, message: `a request ${what} was answered ${status}, expected 401 or 403` };
  },
});
