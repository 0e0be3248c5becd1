import type { Operation } from '../openapi/Operation.ts';
import type { BaseRequest } from './baseRequest.ts';
import type { PlanDraft } from './PlanDraft.ts';
import { placeholderValue } from './placeholderValue.ts';
import type { PlanOptions } from './PlanOptions.ts';
import { withParameter } from './withParameter.ts';

/**
 * The base request for the existing resource, asked for under another well-formed owner id (another
 * tenant's project): `x-conformance.ownerParameter` names the owner; the resource keeps its fixture.
 * Only planned when the owner has a fixture, so the other id is known to differ from the real one.
 */
export function otherOwnerDraft(operation: Operation, base: BaseRequest, options: PlanOptions): PlanDraft | undefined {
  const name = operation.hints.ownerParameter;
  const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
  const own = parameter ? options.fixtures[parameter.name] : undefined;
  if (!parameter || own === undefined) return undefined;
  const other = placeholderValue(parameter, options.seed, 'other-owner', { avoid: Object.values(options.fixtures), like: own });
  return {
    intent: { kind: 'other-owner', label: `the resource under another ${parameter.name}` },
    request: withParameter(base.request, operation.pathTemplate, 'path', parameter.name, other),
    needsFixture: true,
  };
}
