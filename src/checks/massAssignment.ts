import { judgeHeld } from './judgeHeld.ts';
import { whenResponse } from './whenResponse.ts';

/**
 * Members a request does not document never change the resource (mass assignment, OWASP API3): a valid
 * update that also carries members the answer shows (ids, owner, states, allocated values) must leave them
 * as they were, in its own answer and in the next one.
 */
export const massAssignment = whenResponse({
  name: 'mass-assignment',
  title: 'Undocumented request members do not change the resource',
  provenance: 'robustness',
  run: (exchange, context) => judgeHeld('mass-assignment', 'not-assigned', exchange, context),
});
