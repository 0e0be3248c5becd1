import { isDeepStrictEqual } from 'node:util';
import { keywordFor } from '../keywords/keywordFor.ts';
import type { Sample } from '../keywords/Keyword.ts';
import type { Case, PlannedRequest, RuleEdge } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import { valueFamily } from '../model/valueFamily.ts';
import type { Operation } from '../openapi/Operation.ts';
import { parameterText } from './baseRequest.ts';
import { constraintSite } from './constraintSite.ts';
import { valueSite } from './valueSite.ts';

/** One boundary sample a request's value stands at: the rule's edge, and the sample's own name. */
interface EdgeHit {
  readonly edge: RuleEdge;
  /** `constraintId|variant`: the sample itself (`value-1` of an enum, not only its family `value`). */
  readonly sample: string;
}

/**
 * Every boundary sample a request's values stand at, in catalogue order: for each request rule the
 * boundary cases are planned for (src/plan/boundaryDrafts.ts), the keyword's samples at the request's
 * own site, compared with the value there (`Keyword.atSample`, else equality; a parameter as the text it
 * travels as).
 */
function edgeHits(operation: Operation, constraints: readonly Constraint[], request: PlannedRequest): EdgeHit[] {
  const hits: EdgeHit[] = [];
  for (const c of constraints) {
    if (c.credential || c.where === 'path' || c.where === 'response') continue;
    const keyword = keywordFor(c.kind);
    const site = constraintSite(operation, c, request);
    if (!keyword || !site?.node || site.current === undefined) continue;
    const { parameter } = site;
    const at = (sample: Sample): boolean => {
      const shown = parameter ? { ...sample, value: parameterText(sample.value, parameter) } : sample;
      return keyword.atSample ? keyword.atSample(c, shown, site.current) : isDeepStrictEqual(shown.value, site.current);
    };
    const sample = keyword.boundaries(c, valueSite(site)).find(at);
    if (sample) hits.push({ edge: { constraintId: c.id, family: valueFamily(sample.variant), ...(sample.provenance ? { provenance: sample.provenance } : {}) }, sample: `${c.id}|${sample.variant}` });
  }
  return hits;
}

/**
 * Which rule's edge a random valid request stands for, so that a failure of it is keyed as that rule's
 * boundary case (one defect, one key, whichever case found it): of the edges no planned valid case stands
 * at too, the first that `prefer` picks (the run knows which boundary cases failed), else the first, in
 * catalogue order. A value a planned valid case also carries (an enum value the pairwise cases cover) is
 * that case's context: a failure on it is keyed as a valid case's, as it is.
 */
export function edgeOf(
  operation: Operation,
  constraints: readonly Constraint[],
  planned: readonly Case[],
  prefer: (edge: RuleEdge) => boolean = () => false,
): (request: PlannedRequest) => RuleEdge | undefined {
  const covered = new Set(planned.filter((c) => c.intent.kind === 'valid').flatMap((c) => edgeHits(operation, constraints, c.request).map((h) => h.sample)));
  return (request) => {
    const edges = edgeHits(operation, constraints, request)
      .filter((h) => !covered.has(h.sample))
      .map((h) => h.edge);
    return edges.find(prefer) ?? edges[0];
  };
}
