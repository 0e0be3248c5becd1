import { isThrottled } from './isThrottled.ts';
import { whenResponse } from './whenResponse.ts';

/** A request the document allows (typical or at a boundary) is answered 2xx. */
export const positiveAcceptance = whenResponse({
  name: 'positive-acceptance',
  title: 'A valid request is accepted',
  provenance: 'page',
  plans: ['valid', 'boundary'],
  judges: 'intent',
  run({ case: testCase, response }, { validators, operation }) {
    const { intent } = testCase;
    if (intent.kind !== 'valid' && intent.kind !== 'boundary') return undefined;
    // A random request at a rule's edge is judged, and named, as that rule's boundary case.
    const rule = intent.kind === 'boundary' ? intent : intent.edge;
    const constraint = rule ? { constraintId: rule.constraintId } : {};
    const { status } = response;
    if (status >= 200 && status <= 299) return { check: 'positive-acceptance', outcome: 'pass', ...constraint, message: `${intent.label}: accepted with ${status}` };
    if (isThrottled(status)) return { check: 'positive-acceptance', outcome: 'skip', ...constraint, message: `${intent.label}: still ${status} after retries, not judged` };
    // A documented state conflict (HCX 422: an upgrade already running) says nothing about the request.
    if (operation.hints.stateConflictStatuses.includes(String(status))) {
      return { check: 'positive-acceptance', outcome: 'skip', ...constraint, message: `${intent.label}: ${status}, a documented answer for the resource's state, not judged` };
    }
    // Never blame the server for a request the document itself forbids (validated once, when planned).
    const broken = testCase.breaks ?? (validators.validateRequest(testCase.request).valid ? [] : ['the document']);
    if (broken.length > 0) {
      return { check: 'positive-acceptance', outcome: 'skip', ...constraint, message: `${intent.label}: the request breaks ${broken.join(', ')}, not judged` };
    }
    // The case's own provenance first (a step carrying undocumented members is a reading), then its edge's.
    const provenance = intent.provenance ?? rule?.provenance;
    return { check: 'positive-acceptance', outcome: 'fail', ...constraint, ...(provenance ? { provenance } : {}), message: `${intent.label}: a valid request was answered ${status}, expected 2xx` };
  },
});
