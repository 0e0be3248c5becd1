import type { CaseIntent } from '../model/Case.ts';

function slug(label: string): string {
  return label.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'case';
}

/**
 * Stable, readable id of a planned case: `operationId:kind:constraintId-or-label:index@seed`, e.g.
 * `updateHostedConnect:invalid:DC.body.hosted_connect.name.maxLength:0@42`. The same inputs always give the
 * same id; the seed is part of it so a report entry names the run that can replay it.
 */
export function caseId(parts: { operationId: string; intent: CaseIntent; index: number; seed: number }): string {
  const { operationId, intent, index, seed } = parts;
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`caseId: index must be a non-negative integer, got ${index}`);
  const key = 'constraintId' in intent ? intent.constraintId : slug(intent.label);
  return `${operationId}:${intent.kind}:${key}:${index}@${seed}`;
}
