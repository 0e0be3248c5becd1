import type { Case, CaseIntent, PlannedRequest } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import { valueFamily } from '../model/valueFamily.ts';
import type { Operation } from '../openapi/Operation.ts';
import { pointerOf } from '../openapi/pointer.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { authDrafts } from './authDrafts.ts';
import { baseRequest, type BaseRequest } from './baseRequest.ts';
import { boundaryDrafts } from './boundaryDrafts.ts';
import { caseId } from './caseId.ts';
import { classifyRequest } from './classifyRequest.ts';
import { edgeOf } from './edgeOf.ts';
import { invalidDrafts } from './invalidDrafts.ts';
import type { PlanDraft } from './PlanDraft.ts';
import type { PlanOptions } from './PlanOptions.ts';
import type { DroppedCase } from './DroppedCase.ts';
import { otherOwnerDraft } from './otherOwnerDraft.ts';
import { inputFacts, pairwiseDrafts } from './pairwiseDrafts.ts';
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
  /** Its optional inputs as facts a server may branch on (`force=true`, `name:absent`): see `inputFacts`. */
  readonly facts: ReadonlySet<string>;
}

function contextsOf(base: BaseRequest, pairwise: readonly PlanDraft[], factsOf: (request: PlannedRequest) => string[]): PlanContext[] {
  const context = (b: BaseRequest, label: string): PlanContext => ({ base: b, label, facts: new Set(factsOf(b.request)) });
  return [context(base, ''), ...pairwise.map((d) => context({ ...base, request: d.request }, d.intent.label.replace(/^pairwise: /, '')))];
}

/** The rule a draft tries: its intent kind and constraint (a family of values or of wrong credentials). */
const ruleOf = (draft: PlanDraft): string => `${draft.intent.kind}:${'constraintId' in draft.intent ? draft.intent.constraintId : draft.intent.label}`;

/**
 * The drafts `build` gives, each in one of the contexts in turn (the first in the base request, the next
 * in the first context, ...), so a rule's family of values, or the family of wrong credentials, meets the
 * other inputs in many combinations. Then each rule's first draft is tried once more in further contexts
 * until every fact of every context (each optional input absent, present, with each listed value) has met
 * the rule at least once (greedy set cover, only copies that still show their intent: `shows`), so a
 * server that enforces the rule only when some input is given, absent or has one value is caught
 * whichever input it is. Ids stay those of the base drafts (a copy's id names its context); a dealt draft
 * whose context changed what it is falls back to its base version.
 */
function inContexts(contexts: readonly PlanContext[], build: (base: BaseRequest) => PlanDraft[], shows: (draft: PlanDraft) => boolean, factsOf: (request: PlannedRequest) => string[]): PlanDraft[] {
  const own = build(contexts[0]!.base);
  const rules = new Map<string, number[]>();
  own.forEach((draft, i) => rules.set(ruleOf(draft), [...(rules.get(ruleOf(draft)) ?? []), i]));
  // A draft is the same case in another context when it tries the same rule with the same member of the
  // rule's family (its variant: `prefixed`, the value in that context may differ), or, unnamed, the same label.
  const keyOf = (draft: PlanDraft): string => `${ruleOf(draft)}|${draft.variant ?? `label:${draft.intent.label}`}`;
  const firsts = new Set([...rules.values()].map((indices) => keyOf(own[indices[0]!]!)));
  const dealtTo = new Map(own.map((draft, i) => [keyOf(draft), i % contexts.length]));
  // Only the drafts each context is dealt, and each rule's first, are kept (a document's huge limits make every draft large).
  const kept = contexts.map((context, k) => {
    const mine = new Map<string, PlanDraft>();
    for (const draft of k === 0 ? own : build(context.base)) {
      const key = keyOf(draft);
      if (dealtTo.get(key) === k || firsts.has(key)) mine.set(key, draft);
    }
    return mine;
  });
  const spread = own.map((draft, i) => {
    const k = i % contexts.length;
    const there = kept[k]!.get(keyOf(draft));
    if (k === 0 || there === undefined) return draft;
    return { ...there, context: contexts[k]!.label, fallback: draft };
  });
  const copies: PlanDraft[] = [];
  for (const indices of rules.values()) {
    const first = own[indices[0]!]!;
    const missing = new Set(contexts.flatMap((c) => [...c.facts]));
    const meet = (draft: PlanDraft): void => factsOf(draft.request).forEach((fact) => missing.delete(fact));
    for (const i of indices) meet(spread[i]!);
    const candidates = new Map<number, PlanDraft>();
    kept.forEach((drafts, k) => {
      const there = drafts.get(keyOf(first));
      if (there) {
        // A copy tries the same member of the rule's family as the case it copies: the same value family.
        const copy = { ...there, sampleOf: first.variant ?? '0' };
        candidates.set(
          k,
          k === 0 ? { ...copy, variant: `${first.variant ?? 'case'}-base`, context: 'the base request' } : { ...copy, variant: `${first.variant ?? 'case'}-context-${k}`, context: contexts[k]!.label },
        );
      }
    });
    const gain = (draft: PlanDraft): number => factsOf(draft.request).filter((f) => missing.has(f)).length;
    while (missing.size > 0 && candidates.size > 0) {
      const [k, best] = [...candidates].sort(([, x], [, y]) => gain(y) - gain(x))[0]!;
      if (gain(best) === 0) break;
      candidates.delete(k);
      if (!shows(best)) continue;
      copies.push(best);
      meet(best);
    }
  }
  return [...spread, ...copies];
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

/** An intent that tests one rule carries the family of the value it tried (src/model/valueFamily.ts). */
function withFamily(intent: CaseIntent, variant: string): CaseIntent {
  if (!('constraintId' in intent)) return intent;
  const family = valueFamily(variant);
  return family === '' ? intent : { ...intent, family };
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
function computePlan(operation: Operation, constraints: readonly Constraint[], validators: OperationValidators, options: PlanOptions): Case[] {
  const base = baseRequest(operation, validators, options);
  const otherOwner = otherOwnerDraft(operation, base, options);
  const pairwise = pairwiseDrafts(operation, constraints, validators, base);
  const pathValues = pathValueDrafts(operation, constraints, base, options);
  // Valid contexts for the other intents: the pairwise requests over the optional inputs, so a rule, the
  // credential or the resource lookup that a server skips only when another input has one value is
  // broken in that context too.
  const factsOf = inputFacts(operation, base);
  const contexts = contextsOf(base, pairwise, factsOf);
  const shows = (draft: PlanDraft): boolean => {
    const verdict = classifyRequest(constraints, validators, draft.request);
    return disagreement(draft, verdict.valid ? [] : verdict.constraintIds) === undefined && excludedBy(draft.request, options.restrictions ?? []) === undefined;
  };
  const drafts: PlanDraft[] = [
    ...validDrafts(operation, base),
    ...pairwise,
    ...boundaryDrafts(operation, constraints, base),
    ...inContexts(contexts, (b) => invalidDrafts(operation, constraints, b), shows, factsOf),
    ...inContexts(contexts, (b) => authDrafts(operation, constraints, b), shows, factsOf),
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
    const variant = draft.variant ?? String(index);
    const planned: Case = {
      id: caseId({ operationId: operation.operationId, intent: draft.intent, variant, seed: options.seed }),
      operationId: operation.operationId,
      intent: withFamily(draft.intent, draft.sampleOf ?? variant),
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
    const reason =
      hole !== undefined ? `no value could be built for the body at ${hole}` : (disagreement(draft, broken) ?? (excluded !== undefined ? `excluded by a value restriction: ${excluded}` : undefined));
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
  return withEdges(operation, constraints, cases);
}

/**
 * State sequence steps carry values drawn under the seed: like a random case, a step whose value stands
 * at a rule's edge (the bandwidth maximum) is keyed as that rule's boundary case (src/plan/edgeOf.ts).
 */
function withEdges(operation: Operation, constraints: readonly Constraint[], cases: Case[]): Case[] {
  if (!cases.some((c) => c.sequence)) return cases;
  const edge = edgeOf(
    operation,
    constraints,
    cases.filter((c) => !c.sequence),
  );
  return cases.map((c) => {
    const at = c.sequence && c.intent.kind === 'valid' ? edge(c.request) : undefined;
    return at && c.intent.kind === 'valid' ? { ...c, intent: { ...c.intent, edge: at } } : c;
  });
}

/** The last plan of each operation, with what it was planned from. */
interface HeldPlan {
  readonly constraints: readonly Constraint[];
  readonly validators: OperationValidators;
  readonly restrictions: PlanOptions['restrictions'];
  readonly seed: number;
  readonly fixtures: string;
  readonly cases: readonly Case[];
  readonly dropped: readonly DroppedCase[];
}
const lastPlans = new WeakMap<Operation, HeldPlan>();

/**
 * Every planned case of an operation, as `computePlan` builds it. A run asks for the same plan more
 * than once (the preflight, the run, the random cases' duplicates): the last plan of each operation is
 * kept and given again (its dropped cases told again) while its inputs are the same objects and values.
 */
export function planCases(operation: Operation, constraints: readonly Constraint[], validators: OperationValidators, options: PlanOptions): Case[] {
  const fixtures = JSON.stringify(options.fixtures);
  const held = lastPlans.get(operation);
  if (held && held.constraints === constraints && held.validators === validators && held.restrictions === options.restrictions && held.seed === options.seed && held.fixtures === fixtures) {
    for (const d of held.dropped) options.onDropped?.(d);
    return [...held.cases];
  }
  const dropped: DroppedCase[] = [];
  const cases = computePlan(operation, constraints, validators, {
    ...options,
    onDropped: (d) => {
      dropped.push(d);
      options.onDropped?.(d);
    },
  });
  lastPlans.set(operation, { constraints, validators, restrictions: options.restrictions, seed: options.seed, fixtures, cases, dropped });
  return [...cases];
}
