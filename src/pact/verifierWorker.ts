/**
 * Child-process entry of verifyPacts. Pact's native verifier prints its report on the process's own
 * stdout; running it here lets the parent capture, scrub and forward that output instead of letting it
 * reach the terminal.
 */
import { Verifier } from '@pact-foundation/pact';
import type { VerifierOptions } from '@pact-foundation/pact';
import { credentialFilter } from './credentialFilter.ts';
import type { VerifierWorkerRequest, VerifierWorkerResponse } from './VerifierWorkerMessages.ts';

function send(message: VerifierWorkerResponse): void {
  process.send?.(message, () => process.disconnect());
}

async function run(request: VerifierWorkerRequest): Promise<VerifierWorkerResponse> {
  const stateHandlers: NonNullable<VerifierOptions['stateHandlers']> = {};
  for (const name of request.stateNames) {
    // The ids the pact shows are examples: each state answers with the target's own fixture ids.
    stateHandlers[name] = async (params?: unknown) => ({ ...((params ?? {}) as Record<string, string>), ...request.fixtures });
  }
  const verifier = new Verifier({
    providerBaseUrl: request.providerBaseUrl,
    pactUrls: [...request.pactFiles],
    logLevel: request.logLevel,
    timeout: request.requestTimeoutMs,
    stateHandlers,
    requestFilter: credentialFilter(request.credentials) as NonNullable<VerifierOptions['requestFilter']>,
  });
  try {
    return { kind: 'result', resultsJson: String(await verifier.verifyProvider()) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A failed verification rejects with the results JSON; anything else is a crash.
    return message.trimStart().startsWith('{') ? { kind: 'result', resultsJson: message } : { kind: 'crash', message };
  }
}

process.once('message', (request: VerifierWorkerRequest) => {
  run(request).then(send, (error: unknown) => send({ kind: 'crash', message: error instanceof Error ? error.message : String(error) }));
});
