import type { Constraint } from '../model/Constraint.ts';
import type { PlannedRequest, WrongCredential } from '../model/Case.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { BaseRequest } from './baseRequest.ts';
import type { PlanDraft } from './PlanDraft.ts';

/** The right credential changed the ways comparison code fails, each a case of its own. */
const NEAR_MISSES: ReadonlyArray<{ readonly how: WrongCredential; readonly label: string }> = [
  { how: 'last-changed', label: 'the right credential with its last character changed' },
  { how: 'truncated', label: 'the right credential cut short by one character' },
  { how: 'extended', label: 'the right credential with one character more' },
  { how: 'other-case', label: 'the right credential in other letter case' },
  { how: 'empty', label: 'an empty credential' },
];

/**
 * The base request without a credential and with a wrong one, when the operation needs one: a wholly
 * different credential, then the near misses a careless comparison lets through (a prefix, the first
 * characters, without letter case, an empty value).
 */
export function authDrafts(operation: Operation, constraints: readonly Constraint[], base: BaseRequest): PlanDraft[] {
  const rule = constraints.find((c) => c.kind === 'auth');
  if (operation.credentialSchemes.length === 0 || !rule) return [];
  return [
    { intent: { kind: 'no-auth', constraintId: rule.id, label: 'no credential' }, request: withoutCompanions({ ...base.request, auth: 'none' }, operation), needsFixture: base.needsFixture },
    { intent: { kind: 'wrong-auth', constraintId: rule.id, label: 'wrong credential' }, request: { ...base.request, auth: 'wrong' }, needsFixture: base.needsFixture },
    ...NEAR_MISSES.map(({ how, label }): PlanDraft => ({
      intent: { kind: 'wrong-auth', constraintId: rule.id, label, wrongAs: how },
      variant: how,
      request: { ...base.request, auth: 'wrong', wrongAs: how },
      needsFixture: base.needsFixture,
    })),
  ];
}

/** A request that sends no credential leaves out the headers a security requirement needs with it, `--header` ones too. */
function withoutCompanions(request: PlannedRequest, operation: Operation): PlannedRequest {
  const companions = [...new Set(operation.credentialSchemes.flatMap((c) => c.companions ?? []))];
  return companions.length === 0 ? request : { ...request, omitHeaders: [...(request.omitHeaders ?? []), ...companions] };
}
