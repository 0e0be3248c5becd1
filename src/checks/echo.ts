import { isDeepStrictEqual } from 'node:util';
import type { Verdict } from '../model/Verdict.ts';
import type { EchoRule, OperationHints } from '../openapi/Operation.ts';
import type { PlannedRequest } from '../model/Case.ts';
import { valueAt } from '../openapi/pointer.ts';
import { describeValue } from './describeValue.ts';
import { matchesStatusKey } from './matchesStatusKey.ts';
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

function checkReflects(rule: EchoRule & { reflects: NonNullable<EchoRule['reflects']> }, request: PlannedRequest, body: unknown): Verdict | undefined {
  if (!request.body || !('json' in request.body)) return undefined;
  const sent = valueAt(request.body.json, rule.reflects.pointer);
  if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) return undefined;
  const answered = valueAt(body, rule.pointer);
  const differing = Object.entries(sent).filter(([field, value]) => {
    const back = answered !== null && typeof answered === 'object' ? (answered as Record<string, unknown>)[field] : undefined;
    return !isDeepStrictEqual(back, value);
  });
  if (differing.length === 0) return { check: 'echo', outcome: 'pass', message: `${rule.pointer} reflects every sent field (${Object.keys(sent).join(', ') || 'none'})` };
  const details = differing.map(([field, value]) => {
    const back = answered !== null && typeof answered === 'object' ? (answered as Record<string, unknown>)[field] : undefined;
    return `${field}: sent ${describeValue(value)}, got ${describeValue(back)}`;
  });
  return { check: 'echo', outcome: 'fail', message: `${rule.pointer} does not reflect the update: ${details.join('; ')} (${rule.source})` };
}

/** The documented in-progress state the answer reports (e.g. `status PENDING_UPDATE`), if any. */
function pendingState(pending: OperationHints['pending'], status: number, body: unknown): string | undefined {
  if (!pending || !matchesStatusKey(pending.status, status)) return undefined;
  const value = valueAt(body, pending.pointer);
  return typeof value === 'string' && pending.values.includes(value) ? `${pending.pointer} is ${value}` : undefined;
}

/** Response fields named in `x-conformance.echoes` repeat the request: the path id, or every updated field. */
export const echo = whenResponse({
  name: 'echo',
  title: 'The response repeats what the request named',
  provenance: 'reading',
  plans: ['valid', 'boundary'],
  run({ case: testCase, response }, { operation, validators }) {
    const { intent, request } = testCase;
    // Observed traffic is judged only where it is known to be a valid request that was accepted.
    const observedValid = intent.kind === 'observed' && response.status >= 200 && response.status <= 299 && validators.validateRequest(request).valid;
    if (intent.kind !== 'valid' && intent.kind !== 'boundary' && !observedValid) return undefined;
    const rules = operation.hints.echoes.filter((r) => matchesStatusKey(r.status, response.status));
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
          ? checkReflects({ ...rule, reflects: rule.reflects }, request, body)
          : undefined;
      if (verdict) verdicts.push(verdict.outcome === 'fail' ? { ...verdict, provenance: rule.provenance } : verdict);
    }
    return verdicts;
  },
});
