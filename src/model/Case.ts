import type { Provenance } from './Provenance.ts';

/** How a wrong credential is made from the right one (see `PlannedRequest.wrongAs`). */
export type WrongCredential = 'other' | 'last-changed' | 'truncated' | 'extended' | 'other-case' | 'empty';

/**
 * The edge of a rule a valid value sits on (a random request whose bandwidth is the maximum): the
 * boundary case of that rule and family stands for the same value, so a failure of the random case is
 * keyed as that case's (src/model/findingKey.ts). `provenance` as on a boundary intent.
 */
export interface RuleEdge {
  readonly constraintId: string;
  readonly family: string;
  readonly provenance?: Provenance;
}

/**
 * What a case is meant to show. An intent that tests one rule names it (`constraintId`) and the family of
 * the value it tried (`family`: the keyword sample's variant without its numbers, `length`, `at-edge`,
 * `value`; absent for a numbered draft): with the kind, the case's identity in a finding's key.
 */
export type CaseIntent =
  /** `edge`: the rule's edge a random valid request sits on, when no planned valid case sits there too. */
  | { readonly kind: 'valid'; readonly label: string; readonly provenance?: Provenance; readonly edge?: RuleEdge }
  /**
   * `provenance`, when set, is how firmly the page settles this value's verdict where it is less than the
   * rule's own (a character count the page does not settle: a refusal is a reading, a 5xx still a failure).
   */
  | { readonly kind: 'boundary'; readonly constraintId: string; readonly label: string; readonly family?: string; readonly provenance?: Provenance }
  | { readonly kind: 'invalid'; readonly constraintId: string; readonly label: string; readonly family?: string; readonly provenance?: Provenance }
  | { readonly kind: 'no-auth'; readonly constraintId: string; readonly label: string; readonly family?: string }
  /** `wrongAs`: how the wrong credential was made from the right one (a corpus or report case is rebuilt with it). */
  | { readonly kind: 'wrong-auth'; readonly constraintId: string; readonly label: string; readonly family?: string; readonly wrongAs?: WrongCredential }
  /** `provenance`, when set: where the rule comes from for this id (an oddly shaped id: robustness). */
  | { readonly kind: 'unknown-resource'; readonly label: string; readonly provenance?: Provenance }
  /**
   * The existing resource asked for under another owner (another tenant's project): it must not be reached.
   * `provenance`, when set: an owner inferred from the path (reading), an oddly shaped owner id (robustness).
   */
  | { readonly kind: 'other-owner'; readonly label: string; readonly provenance?: Provenance }
  /** Traffic the suite did not plan (a proxy or a HAR file): only the checks that need no intent judge it. */
  | { readonly kind: 'observed'; readonly label: string };

export type IntentKind = CaseIntent['kind'];

/** A request as planned: no base URL, no credentials (those are added by the runner). */
export interface PlannedRequest {
  readonly method: string;
  /** Path with parameters substituted and percent-encoded. */
  readonly path: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body: `undefined` for none; `{ json }` for a JSON value; `{ raw }` for bytes sent as they are
   * (malformed JSON).
   */
  readonly body?: { readonly json: unknown } | { readonly raw: string };
  /**
   * The media type the body is sent as when it is not `application/json` (the document's request body
   * type: form, multipart, text, a `+json` type): the runner encodes a `{ json }` body by it.
   */
  readonly mediaType?: string;
  /** Header names this case leaves out on purpose (a required header removed): not sent even when given with `--header`. */
  readonly omitHeaders?: readonly string[];
  /** Which credential the runner attaches: the configured one, none, or a wrong one. */
  readonly auth: 'configured' | 'none' | 'wrong';
  /**
   * With `auth: 'wrong'`, how the wrong credential is made: a wholly different one (the default), or the
   * right one changed the ways comparison code fails: its last character changed, cut short by one,
   * one character longer, in other letter case, or empty.
   */
  readonly wrongAs?: WrongCredential;
}

/**
 * One step of a state sequence (src/plan/stateSequenceDrafts.ts): updates sent one after another to one
 * resource with nothing else in flight, each judged against what the answers before it showed.
 */
export interface SequenceStep {
  /** Shared by the steps of one sequence: `--case` with any step's id sends the whole sequence. */
  readonly id: string;
  readonly step: number;
  /** `first` updates members A; `mass` updates members B and carries undocumented members; `second` updates B again. */
  readonly role: 'first' | 'mass' | 'second';
  /** Where the sent object is in the request body and where the answer (of that status) shows it. */
  readonly reflects: { readonly sent: string; readonly shown: string; readonly status: string };
  /** The documented members this step sends. */
  readonly sets: readonly string[];
  /** Members the request does not document, sent with these values (mass assignment). */
  readonly planted?: Readonly<Record<string, unknown>>;
  /** Where the rule that the update is stored comes from (the reflects rule's provenance). */
  readonly provenance: Provenance;
}

/** What a step's answer must show, derived from the answers before it. */
export interface HeldValue {
  /** The member, under the answer's shown object. */
  readonly member: string;
  /** `persisted`: shows `value` (an earlier update stored it); `not-assigned`: does not show `value` (planted). */
  readonly kind: 'persisted' | 'not-assigned';
  readonly value: unknown;
  /** Which step sent it, in words. */
  readonly because: string;
}

export interface Case {
  /** Stable id derived from (operationId, intent, constraint, index, seed). */
  readonly id: string;
  readonly operationId: string;
  readonly intent: CaseIntent;
  readonly request: PlannedRequest;
  /** Seed of the run that planned it; with the id it replays the same request. */
  readonly seed: number;
  /** True when the case needs a resource that exists (a fixture id). */
  readonly needsFixture: boolean;
  /**
   * The constraint ids the request breaks, as the planner validated it once (empty: valid). Absent for a
   * request rebuilt from a report or the corpus; the checks then validate it themselves.
   */
  readonly breaks?: readonly string[];
  /** The valid context of the other inputs the case was planned in (`force=true, local=false`), when not the base request. */
  readonly context?: string;
  /** A step of a state sequence: sent in order after the other cases of its operation. */
  readonly sequence?: SequenceStep;
  /**
   * A case rebuilt from a report or the corpus that was a step of this state sequence: the engine sends
   * the whole sequence (planned under the case's seed) in its place.
   */
  readonly replaysSequence?: string;
  /** Set by the engine on a sequence step before it is sent: what its answer must show. */
  readonly expect?: readonly HeldValue[];
  /**
   * Observed traffic only: the body kept is a prefix of the one sent (a proxy's or a HAR's cap), so what
   * the body breaks is unknown and nothing is judged from it.
   */
  readonly bodyCut?: boolean;
}
