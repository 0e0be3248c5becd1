import { valueAt } from '../openapi/pointer.ts';
import { responseJson } from './responseJson.ts';
import { whenResponse } from './whenResponse.ts';

/**
 * An answer that accepts the request (2xx) and lists errors where the document says an answer lists
 * them (`x-conformance.errors`) says two things at once: the caller cannot tell whether the work is done.
 */
export const successErrors = whenResponse({
  name: 'success-errors',
  title: 'A 2xx answer lists no errors',
  provenance: 'reading',
  run({ response }, { operation }) {
    const pointer = operation.hints.errorsPointer;
    if (pointer === undefined || response.status < 200 || response.status > 299) return undefined;
    const errors = valueAt(responseJson(response), pointer);
    if (Array.isArray(errors) && errors.length > 0) {
      return {
        check: 'success-errors',
        outcome: 'fail',
        message: `answered ${response.status} with ${errors.length} error${errors.length === 1 ? '' : 's'} at ${pointer}: ${JSON.stringify(errors).slice(0, 200)}`,
      };
    }
    return { check: 'success-errors', outcome: 'pass', message: `answered ${response.status} with no error at ${pointer}` };
  },
});
