import type { Case } from '../model/Case.ts';
import type { Exchange } from '../model/Exchange.ts';
import { AcceptedLimitError } from '../runner/AcceptedLimitError.ts';
import type { HttpRunner } from '../runner/HttpRunner.ts';
import { outageOf } from './outageOf.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { sendPolicyFor } from './sendPolicyFor.ts';

/**
 * With `--token`, the credential goes in one security scheme of the operation. When the operation offers
 * several (HCX: x-hm-authorization, Authorization: Bearer, Authorization), each is tried in document
 * order with the operation's base request until the server does not answer 401/403; that scheme goes
 * first for the whole run. Nothing is probed with explicit `--header` credentials or a single scheme,
 * and no other scheme after a probe got no answer at all (a hanging server costs one timeout here).
 */
export async function chooseCredentialSchemes(
  operations: readonly PreparedOperation[],
  fixtures: Readonly<Record<string, string>>,
  runner: HttpRunner,
  plan: (prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>) => { readonly cases: readonly Case[] },
  /** Waits for what a probe's answer started (a task) to end, before anything else is sent. */
  settle: (exchange: Exchange, prepared: PreparedOperation) => Promise<void> = async () => undefined,
): Promise<PreparedOperation[]> {
  const chosen: PreparedOperation[] = [];
  for (const prepared of operations) {
    const schemes = prepared.operation.credentialSchemes;
    // Ids the user did not give come from the document's examples, so the probe names a real resource
    // whenever it can (a server may look the resource up before it authenticates).
    const examples = Object.fromEntries(prepared.operation.parameters.filter((p) => p.in === 'path' && typeof p.example === 'string').map((p) => [p.name, p.example as string]));
    const probe = schemes.length > 1 ? plan(prepared, { ...examples, ...fixtures }).cases.find((c) => c.intent.kind === 'valid') : undefined;
    let order = schemes;
    for (const [index, scheme] of probe ? schemes.entries() : []) {
      const candidate = [scheme, ...schemes.filter((_, i) => i !== index)];
      let exchange;
      try {
        exchange = await runner.send(probe!, prepared.baseUrl, candidate, sendPolicyFor(prepared.operation, probe!));
      } catch (error) {
        // The resource took as many changes as allowed: the order stays the document's.
        if (error instanceof AcceptedLimitError) break;
        throw error;
      }
      await settle(exchange, prepared);
      // Another header will not make a server that does not answer at all answer: the run says so.
      if (outageOf(exchange) === 'no-answer') break;
      const status = exchange.response?.status;
      if (status !== undefined && status !== 401 && status !== 403) {
        order = candidate;
        break;
      }
    }
    chosen.push(order === schemes ? prepared : { ...prepared, operation: { ...prepared.operation, credentialSchemes: order } });
  }
  return chosen;
}
