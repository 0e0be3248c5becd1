import { isDeepStrictEqual } from 'node:util';
import type { Verdict } from '../model/Verdict.ts';
import type { EchoRule, Operation } from '../openapi/Operation.ts';
import { schemaAt } from '../plan/schemaAt.ts';
import type { PlannedRequest } from '../model/Case.ts';
import { valueAt } from '../openapi/pointer.ts';
import { describeValue } from './describeValue.ts';
import { matchesStatusKey } from './matchesStatusKey.ts';
import { pendingState } from './pendingState.ts';
import { observedRequestBreaks } from './observedRequestBreaks.ts';
import { responseJson } from './responseJson.ts';
import { whenResponse } from './whenResponse.ts';

/** Path and query values travel as text: a number or boolean that spells the same text is the same value. */
function sameText(actual: unknown, expected: string): boolean {
  return actual === expected || ((typeof actual === 'number' || typeof actual === 'boolean') && String(actual) === expected);
}

function checkEquals(rule: EchoRule & { equals: NonNullable<EchoRule['equals']> }, request: PlannedRequest, body: unknown): Verdict | undefined {
  const { name } = rule.equals;
  const expected = (rule.equals.in === 'path' ? request.pathParams : request.query)[name];
  if (expected === undefined) return undefined;
  const actual = valueAt(body, rule.pointer);
  // An absent field is the response schema's business (required or not): the echo compares values only.
  if (actual === undefined || actual === null) return { check: 'echo', outcome: 'skip', message: `${rule.pointer} absent: nothing to compare` };
  if (sameText(actual, expected)) return { check: 'echo', outcome: 'pass', message: `${rule.pointer} repeats ${rule.equals.in} ${name}` };
  return { check: 'echo', outcome: 'fail', message: `${rule.pointer} = ${describeValue(actual)}, expected the ${rule.equals.in} ${name} ${describeValue(expected)} (${rule.source})` };
}

function checkReflects(rule: EchoRule & { reflects: NonNullable<EchoRule['reflects']> }, request: PlannedRequest, body: unknown, operation: Operation): Verdict | undefined {
  if (!request.body || !('json' in request.body)) return undefined;
  const value = valueAt(request.body.json, rule.reflects.pointer);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  // Only the members the request documents are the update; others are not reflected (mass-assignment's business).
  const documented = operation.requestBody ? schemaAt(operation.requestBody.schema, rule.reflects.pointer)?.properties : undefined;
  const sent = documented ? Object.fromEntries(Object.entries(value).filter(([field]) => field in documented)) : value;
  const answered = valueAt(body, rule.pointer);
  const shown = answered !== null && typeof answered === 'object' && !Array.isArray(answered) ? (answered as Record<string, unknown>) : {};
  // A member the answer leaves out says nothing about the stored value (whether it must be shown is the
  // response schema's business): only members shown with another value contradict the update.
  const compared = Object.entries(sent).filter(([field]) => shown[field] !== undefined);
  if (compared.length === 0) return { check: 'echo', outcome: 'skip', message: `${rule.pointer} shows none of the sent fields: nothing to compare` };
  const differing = compared.filter(([field, value]) => !isDeepStrictEqual(shown[field], value));
  if (differing.length === 0) return { check: 'echo', outcome: 'pass', message: `${rule.pointer} reflects every sent field it shows (${compared.map(([field]) => field).join(', ')})` };
  const details = differing.map(([field, value]) => `${field}: sent ${describeValue(value)}, got ${describeValue(shown[field])}`);
  return { check: 'echo', outcome: 'fail', message: `${rule.pointer} does not reflect the update: ${details.join('; ')} (${rule.source})` };
}

/** Response fields named in `x-conformance.echoes` repeat the request: the path id, or every updated field. */
export const echo = whenResponse({
  name: 'echo',
  title: 'The response repeats what the request named',
  provenance: 'reading',
  plans: ['valid', 'boundary'],
  run({ case: testCase, response }, { operation, validators, catalogue }) {
    const { intent, request } = testCase;
    // Observed traffic is judged only where it is known to be a valid request that was accepted.
    const observedValid = () => {
      const { byConstraint, whole } = observedRequestBreaks(testCase, validators, catalogue ?? []);
      return whole && byConstraint.size === 0;
    };
    const accepted = response.status >= 200 && response.status <= 299;
    // The update is only known to be the one sent for a valid request; the resource an answer names must
    // be the one the path named whatever was sent (an unknown id answered as another resource included).
    const update = intent.kind === 'valid' || intent.kind === 'boundary' || (intent.kind === 'observed' && accepted && observedValid());
    const rules = operation.hints.echoes.filter((r) => matchesStatusKey(r.status, response.status) && (update || (accepted && r.equals !== undefined)));
    if (rules.length === 0) return undefined;
    const body = responseJson(response);
    if (body === undefined) return { check: 'echo', outcome: 'skip', message: `${response.status} body is not JSON: not compared` };
    const pending = pendingState(operation.hints.pending, response.status, body);
    const verdicts: Verdict[] = [];
    for (const rule of rules) {
      // An update accepted but not yet applied (a documented PENDING_* state) may still show old values.
      if (pending !== undefined && rule.reflects) {
        verdicts.push({ check: 'echo', outcome: 'skip', message: `${rule.pointer}: ${pending}, the update is not applied yet: not compared` });
        continue;
      }
      const verdict = rule.equals
        ? checkEquals({ ...rule, equals: rule.equals }, request, body)
        : rule.reflects
          ? checkReflects({ ...rule, reflects: rule.reflects }, request, body, operation)
          : undefined;
      if (verdict) verdicts.push(verdict.outcome === 'fail' ? { ...verdict, provenance: rule.provenance } : verdict);
    }
    return verdicts;
  },
});
