import { responseFor } from '../validation/OperationValidators.ts';
import { headerOf } from './headerOf.ts';
import { isJsonMediaType } from './isJsonMediaType.ts';
import { whenResponse } from './whenResponse.ts';

/**
 * A response documented as JSON is labelled JSON and parses. A status documented without a body (or
 * not documented at all) is not judged here: there is no promise about its media type.
 */
export const contentType = whenResponse({
  name: 'content-type',
  title: 'A documented JSON response is JSON',
  provenance: 'page',
  run({ response }, { operation, catalogue }) {
    const documented = responseFor(operation.responses, response.status);
    const jsonTypes = documented?.contentTypes.filter((t) => isJsonMediaType(t)) ?? [];
    if (!documented || jsonTypes.length === 0) return undefined;
    const expected = jsonTypes.join(' or ');

    if (response.bodyText.trim() === '' && !response.truncated) {
      // An empty body only breaks a schema that promises properties.
      const required = documented.schema?.required ?? [];
      if (required.length > 0) {
        // As strict as the rule that makes a member required (a body may be promised only by a reading).
        const rule = catalogue?.find((c) => c.where === 'response' && c.status === documented.status && c.kind === 'required' && c.target === `/${required[0]}`);
        return {
          check: 'content-type',
          outcome: 'fail',
          provenance: rule?.provenance ?? documented.provenance,
          message: `${response.status} has an empty body; documented ${expected} with required ${required.join(', ')}`,
        };
      }
      return { check: 'content-type', outcome: 'pass', message: `${response.status} has an empty body; its schema requires no property` };
    }

    const problems: string[] = [];
    const actual = headerOf(response.headers, 'content-type');
    if (!isJsonMediaType(actual)) problems.push(actual ? `content type is ${actual}, documented ${expected}` : `no content type, documented ${expected}`);
    if (response.json === undefined) {
      if (response.truncated) {
        if (problems.length === 0) return { check: 'content-type', outcome: 'skip', message: 'body was cut at the size cap: not parsed' };
      } else {
        try {
          JSON.parse(response.bodyText);
        } catch (cause) {
          problems.push(`body does not parse as JSON (${(cause as Error).message})`);
        }
      }
    }
    if (problems.length > 0) return { check: 'content-type', outcome: 'fail', provenance: documented.provenance, message: `${response.status}: ${problems.join('; ')}` };
    return { check: 'content-type', outcome: 'pass', message: `${response.status} is ${actual}` };
  },
});
