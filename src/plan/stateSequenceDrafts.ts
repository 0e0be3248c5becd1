import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { SequenceStep } from '../model/Case.ts';
import type { EchoRule, Operation } from '../openapi/Operation.ts';
import { valueAt } from '../openapi/pointer.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { schemaArbitrary } from './arbitraries/schemaArbitrary.ts';
import type { BaseRequest } from './baseRequest.ts';
import type { PlanDraft } from './PlanDraft.ts';
import { schemaAt } from './schemaAt.ts';
import { withBodyValue } from './withBodyValue.ts';

/** Values drawn per member before giving up on a fresh one. */
const SAMPLES = 24;

/** The update rule of an operation: which sent object its answer shows (the echo `reflects` rule). */
export function updateRuleOf(operation: Operation): (EchoRule & { reflects: NonNullable<EchoRule['reflects']> }) | undefined {
  const rule = operation.hints.echoes.find((r) => r.reflects !== undefined);
  return rule?.reflects ? { ...rule, reflects: rule.reflects } : undefined;
}

function successSchema(operation: Operation, status: string): SchemaNode | undefined {
  return operation.responses.find((r) => r.status === status)?.schema;
}

/**
 * Draws `count` distinct values of a schema, none equal to `avoid`, deterministically from the seed: the
 * first fitting ones of `SAMPLES` draws. A sample under one seed is a prefix of every longer one, so a
 * few draws are tried first and the full `SAMPLES` only when they do not give `count` values.
 */
function freshValues(schema: SchemaNode, seed: number, avoid: readonly unknown[], count: number): unknown[] {
  const arbitrary = schemaArbitrary(schema);
  for (const numRuns of [Math.min(SAMPLES, count), SAMPLES]) {
    const out: unknown[] = [];
    for (const value of fc.sample(arbitrary, { seed, numRuns })) {
      if (value === undefined || value === null || value === '') continue;
      if ([...avoid, ...out].some((a) => isDeepStrictEqual(a, value))) continue;
      out.push(value);
      if (out.length === count) return out;
    }
    if (numRuns === SAMPLES) return out;
  }
  return [];
}

/**
 * A short sequence that shows the update is stored, for an operation whose answer shows the object it
 * updates (an echo `reflects` rule): update members A, then send a valid update that also carries members
 * the request does not document but the answer shows (ids, states, allocated values: mass assignment),
 * then update members B. The engine sends the steps in order with nothing else in flight, and derives each
 * step's expectations from the answers before it (src/plan/stateExpectations.ts). Empty when the operation
 * has no such rule or its resource is not a known one (every step needs the fixture).
 */
export function stateSequenceDrafts(operation: Operation, base: BaseRequest, seed: number): PlanDraft[] {
  const rule = updateRuleOf(operation);
  const bodySchema = operation.requestBody?.schema;
  if (!rule || !bodySchema || base.needsFixture) return [];
  const sentObject = schemaAt(bodySchema, rule.reflects.pointer);
  const members = Object.keys(sentObject?.properties ?? {});
  if (!sentObject || members.length === 0) return [];
  const answered = successSchema(operation, rule.status);
  const shownObject = answered ? schemaAt(answered, rule.pointer) : undefined;
  const baseObject = valueAt(base.request.body && 'json' in base.request.body ? base.request.body.json : undefined, rule.reflects.pointer);
  const baseValues = (name: string): unknown[] => (baseObject !== null && typeof baseObject === 'object' ? [(baseObject as Record<string, unknown>)[name]] : []);

  // Two fresh values per member: one for each update that sends it.
  const values = new Map<string, unknown[]>();
  members.forEach((name, index) => {
    const drawn = freshValues(sentObject.properties![name]!, seed + index, baseValues(name), 2);
    if (drawn.length === 2) values.set(name, drawn);
  });
  const usable = members.filter((name) => values.has(name));
  if (usable.length === 0) return [];
  const half = Math.max(1, Math.floor(usable.length / 2));
  const first = usable.slice(0, half);
  // With one member only, the second update sends it again: what persists is then shown by the mass step.
  const second = usable.length > 1 ? usable.slice(half) : usable;

  // Members the answer shows that the request does not document, other than the state the server moves
  // by itself (a pending state): planted with values of their own schema.
  const pendingMember = operation.hints.pending && operation.hints.pending.pointer.startsWith(`${rule.pointer}/`) ? operation.hints.pending.pointer.slice(rule.pointer.length + 1) : undefined;
  const planted: Record<string, unknown> = {};
  Object.entries(shownObject?.properties ?? {}).forEach(([name, schema], index) => {
    if (members.includes(name) || name === pendingMember) return;
    const [value] = freshValues(schema, seed + 1000 + index, [], 1);
    if (value !== undefined) planted[name] = value;
  });

  const id = `${operation.operationId}:sequence@${seed}`;
  const object = (names: readonly string[], which: 0 | 1, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    ...Object.fromEntries(names.map((name) => [name, values.get(name)![which]])),
    ...extra,
  });
  const step = (index: number, role: SequenceStep['role'], sets: readonly string[], sent: Record<string, unknown>, label: string, plantedHere?: Record<string, unknown>): PlanDraft => {
    const sequence: SequenceStep = {
      id,
      step: index,
      role,
      reflects: { sent: rule.reflects.pointer, shown: rule.pointer, status: rule.status },
      sets,
      provenance: rule.provenance,
      ...(plantedHere ? { planted: plantedHere } : {}),
    };
    return {
      // The document allows undocumented members, but a server that refuses them follows a reasonable
      // reading of the page: refusing the mass-assignment step is a warning, never a failure.
      intent: { kind: 'valid', label, ...(plantedHere ? { provenance: 'reading' as const } : {}) },
      variant: `sequence-${index + 1}-${role}`,
      request: withBodyValue(base.request, bodySchema, rule.reflects.pointer, sent),
      needsFixture: true,
      sequence,
    };
  };
  const drafts = [step(0, 'first', first, object(first, 0), `update ${first.join(', ')} (sequence 1/3)`)];
  if (Object.keys(planted).length > 0) {
    drafts.push(step(1, 'mass', second, object(second, 0, planted), `update ${second.join(', ')} carrying undocumented ${Object.keys(planted).join(', ')} (sequence 2/3)`, planted));
  }
  drafts.push(step(drafts.length, 'second', second, object(second, 1), `update ${second.join(', ')}: ${first.join(', ')} must persist (sequence ${drafts.length + 1}/3)`));
  return drafts;
}
