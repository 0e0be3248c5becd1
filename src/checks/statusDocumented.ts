import { statusKey } from '../openapi/statusKey.ts';
import { responseFor } from '../validation/OperationValidators.ts';
import { matchesStatusKey } from './matchesStatusKey.ts';
import { whenResponse } from './whenResponse.ts';

/** The status is one the document lists (range keys count), or one the user accepts on top of it. */
export const statusDocumented = whenResponse({
  name: 'status-documented',
  title: 'The response status is documented',
  provenance: 'page',
  run({ response }, { operation, expectations }) {
    const { status } = response;
    const documented = responseFor(operation.responses, status);
    if (documented) return { check: 'status-documented', outcome: 'pass', message: `${status} is documented (as ${documented.status})` };
    const accepted = expectations.acceptedStatuses.find((key) => matchesStatusKey(key, status));
    if (accepted !== undefined) return { check: 'status-documented', outcome: 'pass', message: `${status} is accepted by configuration (${accepted})` };
    const listed = [...operation.responses.map((r) => r.status), ...expectations.acceptedStatuses];
    // The document says per status class how strictly its list of statuses is meant (a page that lists
    // its success status states it; an unlisted client error is often only a reading of the list).
    const classRule = Object.entries(operation.hints.undocumentedStatusProvenance).find(([key]) => statusKey(key, status) === 'range');
    const provenance = classRule?.[1] ?? 'page';
    return { check: 'status-documented', outcome: 'fail', provenance, message: `status ${status} is not documented (documented: ${listed.join(', ') || 'none'})` };
  },
});
