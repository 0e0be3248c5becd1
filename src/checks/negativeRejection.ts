import type { Verdict } from '../model/Verdict.ts';
import type { AnsweredExchange } from './AnsweredExchange.ts';
import type { CheckContext } from './Check.ts';
import { isThrottled } from './isThrottled.ts';
import { observedRequestBreaks } from './observedRequestBreaks.ts';
import { whenResponse } from './whenResponse.ts';

/**
 * A request of observed traffic (a proxy's, a HAR's) that breaks a catalogued rule: the server that
 * accepts it fails that rule, named, as a planned invalid case would (the client's own bug is
 * `request-valid`'s warning). A rule no catalogue entry names, and a body cut when recorded, are not
 * judged; neither is an answer refused for the credential, which says nothing about the rule.
 */
function observedRejection({ case: testCase, response }: AnsweredExchange, { validators, catalogue }: CheckContext): Verdict[] | undefined {
  const { byConstraint } = observedRequestBreaks(testCase, validators, catalogue ?? []);
  const named = [...byConstraint].filter(([id]) => !id.startsWith('?'));
  if (named.length === 0) return undefined;
  const { status } = response;
  const label = testCase.intent.label;
  return named.map(([constraintId, reasons]): Verdict => {
    if (status >= 200 && status <= 299)
      return { check: 'negative-rejection', outcome: 'fail', constraintId, message: `${label}: a request breaking ${constraintId} (${reasons.join('; ')}) was accepted with ${status}` };
    if (status === 401 || status === 403) return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: refused ${status} for the credential, not judged` };
    if (status >= 400 && status <= 499 && !isThrottled(status)) return { check: 'negative-rejection', outcome: 'pass', constraintId, message: `${label}: rejected with ${status}` };
    return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: answered ${status}, neither accepted nor rejected` };
  });
}

/**
 * A request that breaks one documented constraint is not accepted. Any 4xx is a rejection; a 5xx is
 * the not-server-error check's finding, not a sign the request was accepted. Observed traffic is
 * judged by the rules its request breaks.
 */
export const negativeRejection = whenResponse({
  name: 'negative-rejection',
  title: 'An invalid request is rejected',
  provenance: 'page',
  plans: ['invalid'],
  judges: 'intent',
  run(exchange, context) {
    const { case: testCase, response } = exchange;
    const { intent } = testCase;
    if (intent.kind === 'observed') return observedRejection(exchange, context);
    if (intent.kind !== 'invalid') return undefined;
    const { validators, catalogue } = context;
    const { constraintId, label } = intent;
    const { status } = response;
    if (status >= 200 && status <= 299) {
      // Never cry wolf: a planned "invalid" request that the document in fact allows proves nothing.
      const valid = testCase.breaks !== undefined ? testCase.breaks.length === 0 : validators.validateRequest(testCase.request).valid;
      if (valid) {
        return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: the request does not break the document, not judged` };
      }
      return {
        check: 'negative-rejection',
        outcome: 'fail',
        constraintId,
        ...(intent.provenance ? { provenance: intent.provenance } : {}),
        message: `${label}: a request breaking ${constraintId} was accepted with ${status}`,
      };
    }
    if (isThrottled(status)) return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: still ${status} after retries, not judged` };
    // 406 and 415 are about media types: unless the broken rule is the media type, the answer does not
    // show that the rule itself was judged (a server refusing the body's type never read the value).
    const mediaTypeRule = catalogue?.find((c) => c.id === constraintId)?.kind === 'mediaType';
    if ((status === 406 || status === 415) && !mediaTypeRule) {
      return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: answered ${status} (a media-type answer), the rule itself not judged` };
    }
    // The run sends an operation's other cases only once a valid request was accepted with the credential:
    // a 401 to one that carries it refuses the credential, not the input (a reading: the page does not say
    // which status an invalid input gets, and a token may expire during a run).
    if (status === 401 && testCase.request.auth === 'configured') {
      // One defect whichever rule the request broke: no constraint in the verdict, so one finding.
      return {
        check: 'negative-rejection',
        outcome: 'fail',
        provenance: 'reading',
        message: `${label}: answered 401 (the credential refused) though valid requests are accepted with the same credential: the input's rejection is not shown`,
      };
    }
    if (status >= 400 && status <= 499) return { check: 'negative-rejection', outcome: 'pass', constraintId, message: `${label}: rejected with ${status}` };
    return { check: 'negative-rejection', outcome: 'skip', constraintId, message: `${label}: answered ${status}, neither accepted nor rejected` };
  },
});
