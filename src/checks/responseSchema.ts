import type { Verdict } from '../model/Verdict.ts';
import { responseFor } from '../validation/OperationValidators.ts';
import { describeViolation } from './describeViolation.ts';
import { mapResponseIssues, type ResponseViolation } from './mapResponseIssues.ts';
import { keywordFor } from '../keywords/keywordFor.ts';
import type { Provenance } from '../model/Provenance.ts';
import { responseJson } from './responseJson.ts';
import { whenResponse } from './whenResponse.ts';

/**
 * Where a broken response rule comes from: its constraint's provenance, a reading when another reasonable
 * reading of the page gives the value the other verdict (its keyword module says), else the response's.
 */
function provenanceOf(violation: ResponseViolation, fallback: Provenance): Provenance {
  const { constraint } = violation;
  if (!constraint) return fallback;
  const firm = constraint.provenance === 'page' || constraint.provenance === 'robustness';
  return firm && keywordFor(constraint.kind)?.contested?.(constraint, violation.actual) ? 'reading' : constraint.provenance;
}

/**
 * The body validates against the schema of its status. One verdict per distinct broken constraint, named
 * by its catalogue id, so a report counts rules rather than ajv messages.
 */
export const responseSchema = whenResponse({
  name: 'response-schema',
  title: 'The response body matches its documented schema',
  provenance: 'page',
  plans: ['valid', 'boundary'],
  judges: 'response',
  run({ response }, { operation, validators, catalogue }) {
    const documented = responseFor(operation.responses, response.status);
    if (!documented?.schema) return undefined;
    const body = responseJson(response);
    // A body that is not JSON is the content-type check's finding; there is nothing to validate here.
    if (body === undefined) return { check: 'response-schema', outcome: 'skip', message: `${response.status} body is not JSON: not validated` };
    const result = validators.validateResponse(response.status, body);
    if (!result) return undefined;
    if (result.valid) return { check: 'response-schema', outcome: 'pass', message: `${response.status} body matches the schema of ${documented.status}` };

    const violations = mapResponseIssues(result.issues, body, documented.status, catalogue ?? []);
    const grouped = new Map<string, { first: Verdict; count: number }>();
    for (const violation of violations) {
      const key = violation.constraint?.id ?? `${violation.issue.at}|${violation.issue.keyword}|${violation.issue.message}`;
      const held = grouped.get(key);
      if (held) {
        held.count += 1;
        continue;
      }
      const message = describeViolation(violation);
      grouped.set(key, {
        first: {
          check: 'response-schema',
          outcome: 'fail',
          ...(violation.constraint ? { constraintId: violation.constraint.id } : {}),
          provenance: provenanceOf(violation, documented.provenance),
          message,
        },
        count: 1,
      });
    }
    // Several ajv issues can name one constraint (array items, several missing properties of one object).
    return [...grouped.values()].map(({ first, count }) => (count > 1 ? { ...first, message: `${first.message} (and ${count - 1} more)` } : first));
  },
});
