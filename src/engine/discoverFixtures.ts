import type { Case } from '../model/Case.ts';
import type { Exchange } from '../model/Exchange.ts';
import { AcceptedLimitError } from '../runner/AcceptedLimitError.ts';
import type { HttpRunner } from '../runner/HttpRunner.ts';
import { REDACTED } from '../runner/redact.ts';
import { fixtureProbe } from './fixtureProbe.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { sendPolicyFor } from './sendPolicyFor.ts';

/**
 * Path ids the user did not give are taken from the document's parameter examples (the vendor pages'
 * own ids) when, and only when, the server knows them: the document's example request with those ids
 * is sent once and must be answered 2xx. Otherwise the cases that need a resource stay not run.
 */
export interface FixtureProbe {
  readonly operationId: string;
  readonly what: string;
  /** The redacted URL the probe was sent to. */
  readonly url: string;
  readonly status?: number;
  readonly failure?: string;
  /** Names of the credential headers the probe carried (their values are never kept). */
  readonly credentialHeaders: readonly string[];
}

export async function discoverFixtures(
  operations: readonly PreparedOperation[],
  given: Readonly<Record<string, string>>,
  runner: HttpRunner,
  plan: (prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>) => { readonly cases: readonly Case[] },
  onProbe: (probe: FixtureProbe) => void = () => undefined,
  /** Waits for what the probe's answer started (a task) to end, before anything else is sent. */
  settle: (exchange: Exchange, prepared: PreparedOperation) => Promise<void> = async () => undefined,
): Promise<Record<string, string>> {
  const fixtures: Record<string, string> = { ...given };
  for (const prepared of operations) {
    const found = fixtureProbe(prepared, fixtures, plan);
    if (!found) continue;
    const { candidate, probe, names } = found;
    const what = `the fixture probe with the document's example ${names.join(', ')}`;
    let exchange;
    try {
      exchange = await runner.send(probe, prepared.baseUrl, prepared.operation.credentialSchemes, sendPolicyFor(prepared.operation, probe));
    } catch (error) {
      // The example resource already took as many changes as allowed (the credential probe): not probed.
      if (!(error instanceof AcceptedLimitError)) throw error;
      onProbe({ operationId: prepared.operation.operationId, what, url: probe.request.path, credentialHeaders: [], failure: error.message });
      continue;
    }
    onProbe({
      operationId: prepared.operation.operationId,
      what,
      url: exchange.sent.url,
      credentialHeaders: Object.entries(exchange.sent.headers).flatMap(([name, value]) => (value === REDACTED ? [name] : [])),
      ...(exchange.response ? { status: exchange.response.status } : {}),
      ...(exchange.failure ? { failure: exchange.failure.message } : {}),
    });
    await settle(exchange, prepared);
    const status = exchange.response?.status ?? 0;
    if (status >= 200 && status <= 299) Object.assign(fixtures, candidate);
  }
  return fixtures;
}
