import type { Case } from '../model/Case.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * For an operation whose path ids the run does not have, the document's example ids and the request that
 * tries them (the page's example request): the ids are used only if the server answers it 2xx.
 * `undefined` when nothing is missing or the document has no example for a missing id.
 */
export function fixtureProbe(
  prepared: PreparedOperation,
  fixtures: Readonly<Record<string, string>>,
  plan: (prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>) => { readonly cases: readonly Case[] },
): { readonly candidate: Record<string, string>; readonly probe: Case; readonly names: readonly string[] } | undefined {
  const missing = prepared.operation.parameters.filter((p) => p.in === 'path' && fixtures[p.name] === undefined);
  if (missing.length === 0 || missing.some((p) => typeof p.example !== 'string')) return undefined;
  const candidate = { ...fixtures, ...Object.fromEntries(missing.map((p) => [p.name, p.example as string])) };
  const probe = plan(prepared, candidate).cases.find((c) => c.intent.kind === 'valid' && !c.needsFixture);
  return probe ? { candidate, probe, names: missing.map((p) => p.name) } : undefined;
}
