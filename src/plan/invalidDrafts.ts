import { keywordFor } from '../keywords/keywordFor.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { BaseRequest } from './baseRequest.ts';
import { constraintSite } from './constraintSite.ts';
import type { PlanDraft } from './PlanDraft.ts';
import { sampleRequest } from './sampleRequest.ts';
import { valueSite } from './valueSite.ts';

/**
 * For every breakable request constraint, the family of values its keyword module gives, each in the base
 * request: every request breaks that one constraint (the planner re-validates each). Credential rules
 * are not broken here: an over-long or short token is just a wrong one (the wrong-auth case), and a
 * front proxy may refuse an oversize header before the API sees it.
 */
export function invalidDrafts(operation: Operation, constraints: readonly Constraint[], base: BaseRequest): PlanDraft[] {
  const drafts: PlanDraft[] = [];
  for (const c of constraints) {
    if (c.where === 'response' || c.credential) continue;
    const keyword = keywordFor(c.kind);
    const site = constraintSite(operation, c, base.request);
    if (!keyword || !site) continue;
    const name = c.name || 'body';
    for (const sample of keyword.violations(c, valueSite(site))) {
      if (!site.sendable(sample.value)) continue;
      drafts.push({
        intent: { kind: 'invalid', constraintId: c.id, label: `${name} ${sample.label}`, ...(sample.provenance ? { provenance: sample.provenance } : {}) },
        variant: sample.variant,
        request: sampleRequest(site, base.request, sample.value),
        needsFixture: base.needsFixture,
      });
    }
  }
  return drafts;
}
