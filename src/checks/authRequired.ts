import { isThrottled } from './isThrottled.ts';
import { whenResponse } from './whenResponse.ts';

/** A request without a credential, or with a wrong one, is answered 401 or 403. */
export const authRequired = whenResponse({
  name: 'auth-required',
  title: 'A request without a valid credential is refused',
  run({ case: testCase, response }) {
    const { intent } = testCase;
    if (intent.kind !== 'no-auth' && intent.kind !== 'wrong-auth') return undefined;
    const { constraintId } = intent;
    const what = intent.kind === 'no-auth' ? 'without a credential' : 'with a wrong credential';
    const { status } = response;
    if (status === 401 || status === 403) return { check: 'auth-required', outcome: 'pass', constraintId, message: `a request ${what} was refused with ${status}` };
    if (isThrottled(status)) return { check: 'auth-required', outcome: 'skip', constraintId, message: `a request ${what} was still ${status} after retries, not judged` };
    return { check: 'auth-required', outcome: 'fail', constraintId, message: `a request ${what} was answered ${status}, expected 401 or 403` };
  },
});
