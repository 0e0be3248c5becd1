import { isThrottled } from './isThrottled.ts';
import { whenResponse } from './whenResponse.ts';

/**
 * An existing resource asked for under another owner (another tenant's project) is not reached: any 2xx
 * means one tenant can act on another's resource (object-level authorization, OWASP API1). Any 4xx passes.
 */
export const tenantIsolation = whenResponse({
  name: 'tenant-isolation',
  title: "Another owner's id does not reach the resource",
  provenance: 'robustness',
  plans: ['other-owner'],
  run({ case: testCase, response }) {
    const { intent } = testCase;
    if (intent.kind !== 'other-owner') return undefined;
    const { status } = response;
    if (status >= 200 && status <= 299)
      return {
        check: 'tenant-isolation',
        outcome: 'fail',
        ...(intent.provenance ? { provenance: intent.provenance } : {}),
        message: `${intent.label}: answered ${status}, so the resource is reachable through an owner it does not belong to`,
      };
    if (isThrottled(status)) return { check: 'tenant-isolation', outcome: 'skip', message: `${intent.label}: still ${status} after retries, not judged` };
    if (status >= 400 && status <= 499) return { check: 'tenant-isolation', outcome: 'pass', message: `${intent.label}: refused with ${status}` };
    return { check: 'tenant-isolation', outcome: 'skip', message: `${intent.label}: answered ${status}, neither reached nor refused` };
  },
});
