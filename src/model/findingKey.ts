import type { CaseIntent } from './Case.ts';
import type { Finding } from './Finding.ts';

/** The fields a finding's identity is made of. */
export type FindingIdentity = Pick<Finding, 'operationId' | 'target' | 'targetNamed' | 'check' | 'constraintId' | 'intent' | 'response' | 'failure'>;

/** The rule a case stands for and the family of the value it tried: its own rule, or the edge a random valid value sits on. */
function ruleOf(intent: CaseIntent): { readonly kind: string; readonly constraintId: string; readonly family?: string } | undefined {
  if ('constraintId' in intent) return intent;
  return intent.kind === 'valid' && intent.edge ? { kind: 'boundary', ...intent.edge } : undefined;
}

/**
 * Which kind of violation it is, when the finding breaks the very rule its case stands for (an invalid
 * value accepted, a boundary refused, a missing credential served): the intent kind and the value's
 * family (`invalid:length`, `boundary:at-edge`), so a different seed or case index never changes it, and
 * a random request at a rule's edge is that edge's boundary case. A broken response rule, or a check that
 * names no rule (a 5xx, a valid request refused), is the same defect whichever request showed it: no
 * family, so neither `--runs` nor random exploration can split or move it.
 */
function familyOf(finding: FindingIdentity): string {
  const rule = ruleOf(finding.intent);
  if (!rule || rule.constraintId !== finding.constraintId) return '';
  return rule.family ? `${rule.kind}:${rule.family}` : rule.kind;
}

/** How the server answered: its status class, or the transport failure when there was no answer. */
function answerClassOf(finding: FindingIdentity): string {
  if (finding.response) return `${Math.floor(finding.response.status / 100)}xx`;
  return finding.failure ? `transport:${finding.failure.kind}` : 'no-answer';
}

/**
 * The target as part of a finding's identity: its name when it was given (a region the config file
 * names, the embedded mock), so the same defect in two regions is two findings; nothing when the target
 * is known only by its URL, so a server on another host or port (a CI server on a random port) keeps its
 * findings' keys.
 */
export function keyTarget(finding: Pick<Finding, 'target' | 'targetNamed'>): string {
  return finding.targetNamed ? finding.target : '';
}

/**
 * Stable identity of a finding across runs (`Finding.key`), computed from its fields: operation, check,
 * constraint, the case's kind and value family, the class of the server's answer and the target's given
 * name (`keyTarget`). Never the random values, the seed, `--runs`, the case id or index, so the same
 * defect keeps its key from one nightly run to the next and a baseline comparison tracks defects, not
 * samples or wording.
 */
export function findingKey(finding: FindingIdentity): string {
  return [finding.operationId, finding.check, finding.constraintId ?? '', familyOf(finding), answerClassOf(finding), keyTarget(finding)].join('|');
}
