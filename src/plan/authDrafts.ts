import type { Constraint } from '../model/Constraint.ts';
import type { PlannedRequest } from '../model/Case.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { BaseRequest } from './baseRequest.ts';
import type { PlanDraft } from './PlanDraft.ts';

/** The base request without a credential and with a wrong one, when the operation needs one. */
export function authDrafts(operation: Operation, constraints: readonly Constraint[], base: BaseRequest): PlanDraft[] {
  const rule = constraints.find((c) => c.kind === 'auth');
  if (operation.credentialSchemes.length === 0 || !rule) return [];
  return [
    { intent: { kind: 'no-auth', constraintId: rule.id, label: 'no credential' }, request: withoutCompanions({ ...base.request, auth: 'none' }, operation), needsFixture: base.needsFixture },
    { intent: { kind: 'wrong-auth', constraintId: rule.id, label: 'wrong credential' }, request: { ...base.request, auth: 'wrong' }, needsFixture: base.needsFixture },
  ];
}

/** A request that sends no credential leaves out the headers a security requirement needs with it, `--header` ones too. */
function withoutCompanions(request: PlannedRequest, operation: Operation): PlannedRequest {
  const companions = [...new Set(operation.credentialSchemes.flatMap((c) => c.companions ?? []))];
  return companions.length === 0 ? request : { ...request, omitHeaders: [...(request.omitHeaders ?? []), ...companions] };
}
