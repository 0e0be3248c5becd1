import type { Operation, ParameterSpec } from './Operation.ts';

/** The path parameters that say which resource a request is about, and what it is scoped under. */
export interface PathHierarchy {
  /** The path parameter naming the resource (`x-conformance.resourceParameter`, else the path's last segment when it is one). */
  readonly resource?: string;
  /** The owner the resource is scoped under (Huawei's `project_id`), when there is one. */
  readonly owner?: string;
  /**
   * Path parameters in front of the resource, outermost first: the owner and the ancestors above it. A
   * request naming the resource under another value of one of them must not reach it.
   */
  readonly ancestors: readonly string[];
  /** False when the resource is read from the path (it ends in a path parameter), not named by the document. */
  readonly resourceDeclared: boolean;
  /**
   * False when the owner is read from the path's order (`/tenants/{tenant}/widgets/{widgetId}`: the
   * parameter before the resource), not named by the document: a finding it leads to is a reading.
   */
  readonly ownerDeclared: boolean;
}

/** An enumerated, boolean or numeric value selects a variant (a version, a mode), not an owner's id. */
function idLike(parameter: ParameterSpec): boolean {
  const { schema } = parameter;
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? ['string'] : [schema.type];
  return schema.enum === undefined && schema.const === undefined && types.some((t) => t === 'string' || t === 'integer');
}

/**
 * Reads the hierarchy of an operation's path: the resource (`x-conformance.resourceParameter`, else the
 * path parameter the path ends in) and its owner (`x-conformance.ownerParameter`, else the id-like path
 * parameter just before the resource). One owner of this reading for the planner and the mock.
 */
export function pathHierarchy(operation: Operation): PathHierarchy {
  const order = [...operation.pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const declaredResource = operation.hints.resourceParameter;
  const declaredOwner = operation.hints.ownerParameter;
  const endsInParameter = /\{[^}]+\}\/?$/.test(operation.pathTemplate);
  const resource = declaredResource ?? (endsInParameter ? order.at(-1) : undefined);
  const index = resource === undefined ? -1 : order.indexOf(resource);
  const ancestors = index < 0 ? [] : order.slice(0, index);
  const known = { ...(resource !== undefined ? { resource } : {}), ancestors, resourceDeclared: declaredResource !== undefined };
  if (declaredOwner !== undefined) return { ...known, owner: declaredOwner, ownerDeclared: true };
  const before = ancestors.at(-1);
  const candidate = before === undefined ? undefined : operation.parameters.find((p) => p.in === 'path' && p.name === before);
  return { ...known, ...(candidate && idLike(candidate) ? { owner: candidate.name } : {}), ownerDeclared: false };
}
