import type { Case } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import { pointerOf } from '../openapi/pointer.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { authDrafts } from './authDrafts.ts';
import { baseRequest, type BaseRequest } from './baseRequest.ts';
import { boundaryDrafts } from './boundaryDrafts.ts';
import { caseId } from './caseId.ts';
import { classifyRequest } from './classifyRequest.ts';
import { invalidDrafts } from './invalidDrafts.ts';
import type { PlanDraft } from './PlanDraft.ts';
import type { PlanOptions } from './PlanOptions.ts';
import { otherOwnerDraft } from './otherOwnerDraft.ts';
import { pairwiseDrafts } from './pairwiseDrafts.ts';
import { pathValueDrafts } from './pathValueDrafts.ts';
import { stateSequenceDrafts } from './stateSequenceDrafts.ts';
import { unknownResourceDraft } from './unknownResourceDraft.ts';
import { validDrafts } from './validDrafts.ts';
import { excludedBy } from './restrictedValue.ts';
import { requestFingerprint } from './requestFingerprint.ts';
import { withMediaType } from './withMediaType.ts';

/** The pointer of the first `undefined` inside a JSON body (a value the planner could not build), if any. */
function undefinedAt(value: unknown, pointer = ''): string | undefined {
  if (value === undefined) return pointer || '/';
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = undefinedAt(child, `${pointer}${pointerOf(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

interface PlanContext {
  readonly base: BaseRequest;
  /** What the context sets beside the base request (`force=true, local=false`); empty for the base. */
  readonly label: string;
}

function contextsOf(base: BaseRequest, pairwise: readonly PlanDraft[]): PlanContext[] {
  return [{ base, label: '' }, ...pairwise.map((d) => ({ base: { ...base, request: d.request }, label: d.intent.label.replace(/^pairwise: /, '') }))];
}

/**
 * The drafts `build` gives, each in one of the contexts in turn (the first in the base request, the next
 * in the first context, ...), so a rule's family of values, or the family of wrong credentials, meets the
 * other inputs in many combinations at no more cases. Ids stay those of the base drafts; a draft whose
 * context changed what it is falls back to its base version.
 */
function inContexts(contexts: readonly PlanContext[], build: (base: BaseRequest) => PlanDraft[]): PlanDraft[] {
  const own = build(contexts[0]!.base);
  // Only the drafts each context is dealt are kept (a document's huge limits make every draft large).
  const dealt = new Map<number, PlanDraft>();
  contexts.forEach((context, k) => {
    if (k > 0) build(context.base).forEach((draft, i) => i % contexts.length === k && dealt.set(i, draft));
  });
  return own.map((draft, i) => {
    const k = i % contexts.length;
    const there = dealt.get(i);
    if (k === 0 || !there || there.variant !== draft.variant || there.intent.label !== draft.intent.label) return draft;
    return { ...there, context: contexts[k]!.label, fallback: draft };
  });
}

/** Why a draft does not show what its intent says, or `undefined` when it does. */
function disagreement(draft: PlanDraft, broken: readonly string[]): string | undefined {
  if (draft.anyRefusal) return undefined;
  if (draft.intent.kind === 'invalid') {
    const own = draft.intent.constraintId;
    if (broken.length === 0) return `meant to break ${own} but the request validates`;
    if (broken.length !== 1 || broken[0] !== own) return `meant to break only ${own} but breaks ${broken.join(', ')}`;
    return undefined;
  }
  return broken.length === 0 ? undefined : `meant to be valid but breaks ${broken.join(', ')}`;
}

/**
 * The deterministic cases of one operation, in this order: valid and boundary, invalid (one broken
 * constraint each), no-auth and wrong-auth, unknown resource (and the resource parameter's edges and odd
 * shapes), the resource under another owner (and the owner's edges and odd shapes). Pure: the same operation, catalogue,
 * fixtures and seed give the same cases with the same ids.
 *
 * Every case is re-validated against the document before it is returned: a valid or boundary case must
 * validate, an invalid case must fail on its own constraint and on nothing else, and no body may hold a
 * value the planner could not build. A case that does not is left out and reported to
 * `options.onDropped`, so a negative check can never cry wolf over a request that was in fact valid (or
 * broke something else too), and a dropped case is counted, never lost. So is a case that carries a
 * value a restriction excludes (`options.restrictions`), invalid ones included: the user said which
 * values may be sent, and a value that breaks the input's own rule is not among them.
 */
export function planCases(operation: Operation, constraints: readonly Constraint[], validators: OperationValidators, options: PlanOptions): Case[] {
  const base = baseRequest(operation, validators, options);
  const otherOwner = otherOwnerDraft(operation, base, options);
  const pairwise = pairwiseDrafts(operation, constraints, validators, base);
  const pathValues = pathValueDrafts(operation, constraints, base, options);
  // Valid contexts for the other intents: the pairwise requests over the optional inputs, so a rule, the
  // credential or the resource lookup that a server skips only when another input has one value is
  // broken in that context too.
  const contexts = contextsOf(base, pairwise);
  const drafts: PlanDraft[] = [
    ...validDrafts(operation, base),
    ...pairwise,
    ...boundaryDrafts(operation, constraints, base),
    ...inContexts(contexts, (b) => invalidDrafts(operation, constraints, b)),
    ...inContexts(contexts, (b) => authDrafts(operation, constraints, b)),
    ...contexts.flatMap(({ base: b, label }) => {
      const unknown = unknownResourceDraft(operation, b, options);
      // Numbered apart by their context: one id each.
      return unknown ? [label ? { ...unknown, variant: `context-${contexts.findIndex((c) => c.label === label)}`, context: label } : unknown] : [];
    }),
    ...pathValues.resource.map((v) => v.draft),
    ...(otherOwner ? [otherOwner] : []),
    ...pathValues.ancestors.map((v) => v.draft),
    ...stateSequenceDrafts(operation, base, options.seed),
  ];
  const counters = new Map<string, number>();
  const cases: Case[] = [];
  const validSent = new Set<string>();
  for (const draft of drafts) {
    const key = `${draft.intent.kind}:${'constraintId' in draft.intent ? draft.intent.constraintId : draft.intent.label}`;
    const index = counters.get(key) ?? 0;
    counters.set(key, index + 1);
    const planned: Case = {
      id: caseId({ operationId: operation.operationId, intent: draft.intent, variant: draft.variant ?? String(index), seed: options.seed }),
      operationId: operation.operationId,
      intent: draft.intent,
      request: withMediaType(draft.request, operation),
      seed: options.seed,
      needsFixture: draft.needsFixture,
      ...(draft.sequence ? { sequence: draft.sequence } : {}),
      ...(draft.context ? { context: draft.context } : {}),
    };
    // JSON has no `undefined`: such a body would be sent without the member, not as planned.
    const hole = draft.request.body && 'json' in draft.request.body ? undefinedAt(draft.request.body.json) : undefined;
    const verdict = hole === undefined ? classifyRequest(constraints, validators, draft.request) : { valid: true as const };
    const broken = verdict.valid ? [] : verdict.constraintIds;
    const excluded = excludedBy(draft.request, options.restrictions ?? []);
    const reason = hole !== undefined ? `no value could be built for the body at ${hole}` : (disagreement(draft, broken) ?? (excluded !== undefined ? `excluded by a value restriction: ${excluded}` : undefined));
    // A case that does not show its intent in its context (or is excluded there) is planned in the base request.
    if (reason !== undefined && draft.fallback) {
      drafts.splice(drafts.indexOf(draft) + 1, 0, { ...draft.fallback, variant: draft.fallback.variant ?? String(index) });
      counters.set(key, index);
      continue;
    }
    if (reason !== undefined) options.onDropped?.({ case: planned, brokenConstraintIds: broken, reason });
    // A valid request already planned as another valid case is the same case: it is sent once. (One
    // that a boundary repeats stays: the boundary names the rule whose coverage it records.)
    else if (planned.intent.kind === 'valid' && validSent.has(requestFingerprint(planned.request))) continue;
    else {
      if (planned.intent.kind === 'valid') validSent.add(requestFingerprint(planned.request));
      cases.push({ ...planned, breaks: broken });
    }
  }
  return cases;
}
