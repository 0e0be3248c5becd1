import type { Verdict } from '../model/Verdict.ts';
import type { Check } from './Check.ts';
import { observedRequestBreaks } from './observedRequestBreaks.ts';

/**
 * Observed traffic (a proxy, a HAR file) only: the request the client sent is one the document allows.
 * A broken rule is the client's bug, not the server's: one verdict per constraint, with the page's
 * provenance; the traffic auditor makes it a warning (src/proxy/observedOperations.ts) so that it never
 * decides a verdict about the server. Planned cases break rules on purpose and are never judged here.
 */
export const requestValid: Check = {
  name: 'request-valid',
  title: 'The client sends a request the document allows',
  provenance: 'page',
  plans: ['observed'],
  run({ case: testCase }, { validators, catalogue }) {
    if (testCase.intent.kind !== 'observed') return undefined;
    const { byConstraint } = observedRequestBreaks(testCase, validators, catalogue ?? []);
    if (byConstraint.size === 0)
      return {
        check: 'request-valid',
        outcome: 'pass',
        message: testCase.bodyCut ? 'the request validates against the document (the body, cut when recorded, not judged)' : 'the request validates against the document',
      };
    return [...byConstraint.entries()].map(([id, reasons]): Verdict => ({
      check: 'request-valid',
      outcome: 'fail',
      // `?where:at:keyword` names no catalogue rule: it stays in the message only.
      ...(id.startsWith('?') ? {} : { constraintId: id }),
      provenance: 'page',
      message: `the client sent a request that breaks ${id.startsWith('?') ? 'the document' : id} (${reasons.join('; ')})`,
    }));
  },
};
