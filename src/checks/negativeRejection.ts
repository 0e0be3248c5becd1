import { isThrottled } from './isThrottled.ts';
import { whenResponse } from './whenResponse.ts';

/**
 * A request that breaks one documented constraint is not accepted. Any 4xx is a rejection; a 5xx is
 * the not-server-error check's finding, not a sign the request was accepted.
 */
export const negativeRejection = whenResponse({
  name: 'negative-rejection',
  title: 'An invalid request is rejected',
  provenance: 'page',
  run({ case: testCase, response }, { validators, catalogue }) {
    const { intent } = testCase;
    if (intent.kind !== 'invalid') return undefined;
    const { constraintId, label } = intent;
    const { status } = response;
    if (status >= 200 && status <= 299) {
      // Never cry wolf: a planned "invalid" request that the document in fact allows proves nothing.
      const valid = testCase.breaks !== undefined ? testCase.breaks.length === 0 : validators.validateRequest(testCase.request).valid;
      if (valid) {
        return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: the request does not break the document, not judged` };
      }
      return { check: 'negative-rejection', outcome: 'fail', constraintId, message: `${label}: a request breaking ${constraintId} was accepted with ${status}` };
    }
    if (isThrottled(status)) return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: still ${status} after retries, not judged` };
    // 406 and 415 are about media types: unless the broken rule is the media type, the answer does not
    // show that the rule itself was judged (a server refusing the body's type never read the value).
    const mediaTypeRule = catalogue?.find((c) => c.id === constraintId)?.kind === 'mediaType';
    if ((status === 406 || status === 415) && !mediaTypeRule) {
      return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: answered ${status} (a media-type answer), the rule itself not judged` };
    }
    if (status >= 400 && status <= 499) return { check: 'negative-rejection', outcome: 'pass', constraintId, message: `${label}: rejected with ${status}` };
    return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: answered ${status}, neither accepted nor rejected` };
  },
});
