import type { CaseIntent } from '../model/Case.ts';

function slug(label: string): string {
  return label.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'case';
}

/**
 * Stable, readable id of a planned case: `operationId:kind:constraintId:variant@seed` (e.g.
 * `updateHostedConnect:invalid:DC.body.hosted_connect.bandwidth.minimum:zero@42`), or
 * `operationId:kind:variant@seed` for a named valid variant (`pairwise-3`), or
 * `operationId:kind:label:index@seed` for a numbered one. The variant names the
 * value a keyword tried (or is the draft's number when it has no name). The same inputs always give the
 * same id; the seed is part of it so a report entry names the run that can replay it.
 */
export function caseId(parts: { operationId: string; intent: CaseIntent; variant: string; seed: number }): string {
  const { operationId, intent, variant, seed } = parts;
  if (variant === '' || /[:@\s]/.test(variant)) throw new RangeError(`caseId: a variant is a non-empty word without ":", "@" or spaces, got "${variant}"`);
  if ('constraintId' in intent) return `${operationId}:${intent.kind}:${intent.constraintId}:${variant}@${seed}`;
  // A named variant (`pairwise-3`) is the id; a numbered draft is known by its label.
  return /^\d+$/.test(variant) ? `${operationId}:${intent.kind}:${slug(intent.label)}:${variant}@${seed}` : `${operationId}:${intent.kind}:${variant}@${seed}`;
}
