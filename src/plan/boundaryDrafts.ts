import { keywordFor } from '../keywords/keywordFor.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import { textWithinBytes } from '../values/textOfLength.ts';
import type { BaseRequest } from './baseRequest.ts';
import { constraintSite } from './constraintSite.ts';
import type { PlanDraft } from './PlanDraft.ts';
import { sampleRequest } from './sampleRequest.ts';
import { valueSite } from './valueSite.ts';

/**
 * Valid requests at the edges the document states, one variation of the base request each, as each
 * keyword module gives them (every enum value, each length and bound at its limit, each member of an
 * at-least-one group alone, ...), plus a non-ASCII text within each maxLength under every counting.
 * Credential rules and path parameters are left out: a path id at its edge is the unknown-resource case.
 */
export function boundaryDrafts(operation: Operation, constraints: readonly Constraint[], base: BaseRequest): PlanDraft[] {
  const drafts: PlanDraft[] = [];
  for (const c of constraints) {
    if (c.credential || c.where === 'path' || c.where === 'response') continue;
    const keyword = keywordFor(c.kind);
    const site = constraintSite(operation, c, base.request);
    if (!keyword || !site?.node) continue;
    const name = c.name || 'body';
    for (const sample of keyword.boundaries(c, valueSite(site))) {
      if (!site.sendable(sample.value)) continue;
      drafts.push({
        intent: { kind: 'boundary', constraintId: c.id, label: `${name} ${sample.label}`, ...(sample.provenance ? { provenance: sample.provenance } : {}) },
        variant: sample.variant,
        request: sampleRequest(site, base.request, sample.value),
        needsFixture: base.needsFixture,
      });
    }
    // Within the limit under every counting (UTF-8 bytes included): a server may count either way.
    const wide = c.kind === 'maxLength' && site.channel === 'text' ? textWithinBytes(c.value as number, site.node) : undefined;
    if (wide !== undefined) drafts.push({ intent: { kind: 'valid', label: `${name} non-ASCII, ${Buffer.byteLength(wide)} bytes` }, request: site.set(wide), needsFixture: base.needsFixture });
  }
  return drafts;
}
