import type { Finding } from './Finding.ts';

/** The fields a finding's identity is made of. */
export type FindingIdentity = Pick<Finding, 'operationId' | 'target' | 'request' | 'check' | 'constraintId' | 'intent' | 'caseId' | 'response' | 'failure'>;

/**
 * Which kind of violation it is, when the finding breaks the very rule its request was built to test
 * (an invalid value accepted, a boundary refused, a missing credential served): the intent kind and the
 * case id's variant without its numbers (`invalid:length`, `invalid:upper`), so a different seed or case
 * index never changes it. A broken response rule, or a check that names no rule (a 5xx, a valid request
 * refused), is the same defect whichever request showed it: no family, so neither `--runs` nor random
 * exploration (whose cases test no single rule) can split or move it.
 */
function familyOf(finding: FindingIdentity): string {
  const { operationId, intent, caseId, constraintId } = finding;
  if (!('constraintId' in intent) || intent.constraintId !== constraintId) return '';
  const prefix = `${operationId}:${intent.kind}:${intent.constraintId}:`;
  const at = caseId.lastIndexOf('@');
  if (!caseId.startsWith(prefix) || at < prefix.length) return intent.kind;
  const variant = caseId.slice(prefix.length, at).replace(/\d+/g, '').replace(/[-_.:]{2,}/g, '-').replace(/^[-_.:]+|[-_.:]+$/g, '');
  return variant === '' ? intent.kind : `${intent.kind}:${variant}`;
}

/** How the server answered: its status class, or the transport failure when there was no answer. */
function answerClassOf(finding: FindingIdentity): string {
  if (finding.response) return `${Math.floor(finding.response.status / 100)}xx`;
  return finding.failure ? `transport:${finding.failure.kind}` : 'no-answer';
}

/**
 * The target as part of a finding's identity: its name when it has one (a region the config file names,
 * the embedded mock), so the same defect in two regions is two findings; nothing when the target is
 * known only by its URL, so a server on another host or port (a CI server on a random port) keeps its
 * findings' keys.
 */
export function keyTarget(finding: Pick<Finding, 'target' | 'request'>): string {
  return finding.request.url.startsWith(finding.target) ? '' : finding.target;
}

/**
 * Stable identity of a finding across runs (`Finding.key`): operation, check, constraint, violation
 * family, the class of the server's answer and the target's name (`keyTarget`). Never the random values,
 * the seed, `--runs` or the case index, so the same defect keeps its key from one nightly run to the
 * next and a baseline comparison tracks defects, not samples or wording.
 */
export function findingKey(finding: FindingIdentity): string {
  return [finding.operationId, finding.check, finding.constraintId ?? '', familyOf(finding), answerClassOf(finding), keyTarget(finding)].join('|');
}
