import { keywordFor } from '../keywords/keywordFor.ts';
import type { Case, CaseIntent } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Provenance } from '../model/Provenance.ts';
import type { Operation, ParameterSpec } from '../openapi/Operation.ts';
import { pathHierarchy } from '../openapi/pathHierarchy.ts';
import { parameterText, type BaseRequest } from './baseRequest.ts';
import { constraintSite } from './constraintSite.ts';
import { oddPathValues } from './oddPathValues.ts';
import type { PlanDraft } from './PlanDraft.ts';
import type { PlanOptions } from './PlanOptions.ts';
import { placeholderValue } from './placeholderValue.ts';
import { valueSite } from './valueSite.ts';
import { withParameter } from './withParameter.ts';

/**
 * Whether a planned case is one of a path id's edges or odd shapes (its variant is `edge-<parameter>-…` or
 * `odd-<parameter>-…`): the unknown-resource or other-owner promise again, with another id.
 */
export function isPathValueCase(c: Pick<Case, 'id' | 'intent'>): boolean {
  return (c.intent.kind === 'unknown-resource' || c.intent.kind === 'other-owner') && /:(?:edge|odd)-[^:@]+@[^:@]+$/.test(c.id);
}

/** A rule's edge, an odd shape, or an odd shape carrying the real id (which a careless server reaches). */
type ValueKind = 'edge' | 'odd' | 'reaches-real';

/** One planned value of a path parameter, with what it is (for `conformance constraints --values`). */
export interface PathValueDraft {
  readonly draft: PlanDraft;
  readonly parameter: string;
  /** The path rule whose edge the value sits on; absent for an odd shape. */
  readonly constraintId?: string;
  /** The value as `--values` lists it. */
  readonly label: string;
}

export interface PathValueDrafts {
  /** Values of the resource parameter: each names no resource (judged as an unknown resource). */
  readonly resource: readonly PathValueDraft[];
  /** Values of the owner and the parameters above it: the resource under them must not be reached. */
  readonly ancestors: readonly PathValueDraft[];
}

/**
 * The families of the path parameters that say which resource a request is about (`pathHierarchy`): the
 * resource parameter (`x-conformance.resourceParameter`) and the parameters in front of it. Each gets its
 * keywords' edges (valid values other than the real ids: a resource the id does not name, or the
 * resource under an owner it does not belong to) and the odd shapes of `oddPathValues`: any 4xx is
 * right, a 5xx is not (not-server-error), nor a 2xx: for the resource, the not-found rule as the document
 * states it, and `robustness` where the value carries the real id (a careless server answered the real
 * resource for an id that is not its id); for an owner, tenant isolation (`robustness`). Odd shapes may
 * break the parameter's own rules (that is no disagreement: any 4xx is right), so the planner does not
 * ask them to validate (`PlanDraft.anyRefusal`). A hierarchy read from the path, not named by the
 * document, makes its findings readings.
 */
export function pathValueDrafts(operation: Operation, constraints: readonly Constraint[], base: BaseRequest, options: PlanOptions): PathValueDrafts {
  const hierarchy = pathHierarchy(operation);
  const fixtures = Object.values(options.fixtures);
  const lastSegment = operation.pathTemplate.match(/\{([^}]+)\}\/?$/)?.[1];
  const pathParameter = (name: string | undefined): ParameterSpec | undefined => operation.parameters.find((p) => p.in === 'path' && p.name === name);
  const sitesOf = (parameter: ParameterSpec): Constraint[] => constraints.filter((c) => c.where === 'path' && c.name === parameter.name && !c.credential);
  const family = (parameter: ParameterSpec, intentOf: (label: string, kind: ValueKind) => CaseIntent, needsFixture: boolean, edges = true): PathValueDraft[] => {
    const fixture = options.fixtures[parameter.name];
    const unknown = placeholderValue(parameter, options.seed, `odd:${parameter.name}`, { avoid: fixtures, ...(fixture !== undefined ? { like: fixture } : {}) });
    const seen = new Set<string>(fixtures);
    const out: PathValueDraft[] = [];
    const add = (value: string, variant: string, label: string, kind: ValueKind, constraintId?: string): void => {
      if (seen.has(value)) return;
      seen.add(value);
      const request = withParameter(base.request, operation.pathTemplate, 'path', parameter.name, value);
      const draft: PlanDraft = { intent: intentOf(`${parameter.name} ${label}`, kind), variant, request, needsFixture, ...(kind !== 'edge' ? { anyRefusal: true } : {}) };
      out.push({ draft, parameter: parameter.name, label, ...(constraintId !== undefined ? { constraintId } : {}) });
    };
    for (const c of edges ? sitesOf(parameter) : []) {
      const keyword = keywordFor(c.kind);
      const site = constraintSite(operation, c, base.request);
      if (!keyword || !site?.node) continue;
      for (const sample of keyword.boundaries(c, valueSite(site))) {
        if (typeof sample.value === 'object' && sample.value !== null) continue;
        add(parameterText(sample.value, parameter), `edge-${parameter.name}-${sample.variant}`, sample.label, 'edge', c.id);
      }
    }
    for (const odd of oddPathValues(unknown, fixture, { lastSegment: parameter.name === lastSegment }))
      add(odd.value, `odd-${parameter.name}-${odd.shape}`, odd.label, odd.reachesReal ? 'reaches-real' : 'odd');
    return out;
  };

  const resourceParameter = hierarchy.resourceDeclared ? pathParameter(hierarchy.resource) : undefined;
  const others = operation.parameters.some((p) => p.in === 'path' && p !== resourceParameter && options.fixtures[p.name] === undefined);
  const resource = resourceParameter
    ? family(
        resourceParameter,
        (label, kind) => ({ kind: 'unknown-resource', label: `${label}: names no resource`, ...(kind === 'reaches-real' ? { provenance: 'robustness' as const } : {}) }),
        others,
      )
    : [];
  // A well-formed other owner is the tenant-isolation rule (a reading when the path alone says it is the
  // owner); an odd shape is robustness, unless the whole hierarchy is read from the path.
  const edgeProvenance: Provenance | undefined = hierarchy.ownerDeclared ? undefined : 'reading';
  const oddProvenance: Provenance = hierarchy.resourceDeclared || hierarchy.ownerDeclared ? 'robustness' : 'reading';
  // Like the other-owner case: only with every id of the path known, so the resource is known to exist.
  const ancestors =
    hierarchy.resource === undefined || operation.parameters.some((p) => p.in === 'path' && options.fixtures[p.name] === undefined)
      ? []
      : hierarchy.ancestors.flatMap((name) => {
          const parameter = pathParameter(name);
          if (!parameter) return [];
          const intentOf = (label: string, kind: ValueKind): CaseIntent => {
            const p = kind === 'edge' ? edgeProvenance : oddProvenance;
            return { kind: 'other-owner', label: `the resource under ${label}`, ...(p ? { provenance: p } : {}) };
          };
          // Another valid value of an ancestor that is not the owner (an API version) may well serve the resource: no edges.
          return family(parameter, intentOf, true, name === hierarchy.owner);
        });
  return { resource, ancestors };
}
