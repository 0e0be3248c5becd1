import type { Operation } from '../openapi/Operation.ts';
import type { BaseRequest } from './baseRequest.ts';
import type { PlanDraft } from './PlanDraft.ts';
import { placeholderValue } from './placeholderValue.ts';
import type { PlanOptions } from './PlanOptions.ts';
import { withParameter } from './withParameter.ts';

/**
 * The base request naming a resource that does not exist: the resource parameter replaced by a
 * schema-valid id drawn from the seed that is not a fixture; the other parameters stay on their fixtures.
 */
export function unknownResourceDraft(operation: Operation, base: BaseRequest, options: PlanOptions): PlanDraft | undefined {
  const name = operation.hints.resourceParameter;
  const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
  if (!parameter) return undefined;
  const value = placeholderValue(parameter, options.seed, 'unknown-resource', { avoid: Object.values(options.fixtures), like: options.fixtures[parameter.name] });
  const needsFixture = operation.parameters.some((p) => p.in === 'path' && p !== parameter && options.fixtures[p.name] === undefined);
  return {
    intent: { kind: 'unknown-resource', label: `${parameter.name} names no resource` },
    request: withParameter(base.request, operation.pathTemplate, 'path', parameter.name, value),
    needsFixture,
  };
}
