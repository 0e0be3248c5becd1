import type { Operation } from '../openapi/Operation.ts';
import { pathHierarchy } from '../openapi/pathHierarchy.ts';
import type { BaseRequest } from './baseRequest.ts';
import type { PlanDraft } from './PlanDraft.ts';
import { placeholderValue } from './placeholderValue.ts';
import type { PlanOptions } from './PlanOptions.ts';
import { withParameter } from './withParameter.ts';

/**
 * The base request for the existing resource, asked for under another well-formed owner id (another
 * tenant's project). The owner is `x-conformance.ownerParameter`, else read from the path's hierarchy
 * (`pathHierarchy`: the parameter before the resource), and then the case is a reading. Only planned when
 * the owner has a fixture (and, for an owner read from the path, the resource too), so the other id is
 * known to differ from the real one and the resource to exist.
 */
export function otherOwnerDraft(operation: Operation, base: BaseRequest, options: PlanOptions): PlanDraft | undefined {
  const { owner: name, ownerDeclared, resource } = pathHierarchy(operation);
  const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
  const own = parameter ? options.fixtures[parameter.name] : undefined;
  if (!parameter || own === undefined) return undefined;
  if (!ownerDeclared && (resource === undefined || options.fixtures[resource] === undefined)) return undefined;
  const other = placeholderValue(parameter, options.seed, 'other-owner', { avoid: Object.values(options.fixtures), like: own });
  return {
    intent: ownerDeclared
      ? { kind: 'other-owner', label: `the resource under another ${parameter.name}` }
      : { kind: 'other-owner', label: `the resource under another ${parameter.name} (the owner as the path reads)`, provenance: 'reading' },
    request: withParameter(base.request, operation.pathTemplate, 'path', parameter.name, other),
    needsFixture: true,
  };
}
