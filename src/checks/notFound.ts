import { isThrottled } from './isThrottled.ts';
import { matchesStatusKey } from './matchesStatusKey.ts';
import { whenResponse } from './whenResponse.ts';

/**
 * A well-formed id of a resource that does not exist is not answered 2xx. Any 4xx passes: vendors differ
 * (Huawei answers 400), so the documented `notFoundStatuses` are only preferred.
 */
export const notFound = whenResponse({
  name: 'not-found',
  title: 'An unknown resource is not found',
  provenance: 'page',
  plans: ['unknown-resource'],
  run({ case: testCase, response }, { operation }) {
    const { intent } = testCase;
    if (intent.kind !== 'unknown-resource') return undefined;
    const { status } = response;
    const preferred = operation.hints.notFoundStatuses;
    if (status >= 200 && status <= 299)
      return { check: 'not-found', outcome: 'fail', ...(intent.provenance ? { provenance: intent.provenance } : {}), message: `${intent.label}: an unknown resource was answered ${status}` };
    if (isThrottled(status)) return { check: 'not-found', outcome: 'skip', message: `${intent.label}: still ${status} after retries, not judged` };
    if (status >= 400 && status <= 499) {
      const usual = preferred.some((key) => matchesStatusKey(key, status));
      const note = usual ? '' : ` (not one of the documented ${preferred.join(', ')}, still a refusal)`;
      return { check: 'not-found', outcome: 'pass', message: `${intent.label}: refused with ${status}${note}` };
    }
    return { check: 'not-found', outcome: 'skip', message: `${intent.label}: answered ${status}, neither found nor refused` };
  },
});
