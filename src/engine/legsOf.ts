import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * The operations sent to one server, with what that server needs of its own. A run has one leg per
 * target: each has its own connection pool, rate limit, request budget, credential probe and fixtures,
 * so one server's failures, slowness or budget never stop another's cases.
 */
export interface Leg {
  readonly name: string;
  readonly url: string;
  readonly operations: readonly PreparedOperation[];
  /** The run's fixtures with the target's own over them. */
  readonly given: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
}

export function legsOf(operations: readonly PreparedOperation[], given: Readonly<Record<string, string>>): Leg[] {
  const legs = new Map<string, Leg & { operations: PreparedOperation[] }>();
  for (const p of operations) {
    const key = JSON.stringify([p.targetName, p.baseUrl, p.targetFixtures, p.targetHeaders]);
    const leg = legs.get(key) ?? { name: p.targetName, url: p.baseUrl, operations: [], given: { ...given, ...p.targetFixtures }, headers: p.targetHeaders };
    leg.operations.push(p);
    legs.set(key, leg);
  }
  return [...legs.values()];
}
