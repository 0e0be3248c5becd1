/**
 * Child-process entry of verifyPacts. Pact's native verifier prints its report on the process's own
 * stdout; running it here lets the parent capture, scrub and forward that output instead of letting it
 * reach the terminal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Verifier } from '@pact-foundation/pact';
import type { VerifierOptions } from '@pact-foundation/pact';
import { credentialFilter } from './credentialFilter.ts';
import type { ProviderAnswer, VerifierWorkerRequest, VerifierWorkerResponse } from './VerifierWorkerMessages.ts';

// Where Pact's proxy takes provider-state calls: they are the verifier's, not requests to the provider.
const STATE_SETUP_PATH = '/_pactSetup';

function send(message: VerifierWorkerResponse): void {
  process.send?.(message, () => process.disconnect());
}

async function run(request: VerifierWorkerRequest): Promise<VerifierWorkerResponse> {
  const stateHandlers: NonNullable<VerifierOptions['stateHandlers']> = {};
  for (const name of request.stateNames) {
    // The ids the pact shows are examples: each state answers with the target's own fixture ids.
    stateHandlers[name] = async (params?: unknown) => ({ ...((params ?? {}) as Record<string, string>), ...request.fixtures });
  }
  // The verifier's results give no status for an interaction that passed, yet a 4xx that "passed" may be
  // a refused credential: every answer's status is taken as it goes back through Pact's proxy.
  const answers: Array<{ method: string; path: string; status?: number }> = [];
  const filter = credentialFilter(request.credentials);
  const requestFilter = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith(STATE_SETUP_PATH)) {
      const answer: { method: string; path: string; status?: number } = { method: req.method ?? 'GET', path };
      answers.push(answer);
      res.once('finish', () => (answer.status = res.statusCode));
    }
    filter(req, res, next);
  };
  const verifier = new Verifier({
    providerBaseUrl: request.providerBaseUrl,
    pactUrls: [...request.pactFiles],
    logLevel: request.logLevel,
    timeout: request.requestTimeoutMs,
    stateHandlers,
    requestFilter: requestFilter,
  });
  const answered = (): readonly ProviderAnswer[] => answers.map((a) => ({ ...a }));
  try {
    return { kind: 'result', resultsJson: String(await verifier.verifyProvider()), answers: answered() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A failed verification rejects with the results JSON; anything else is a crash.
    return message.trimStart().startsWith('{') ? { kind: 'result', resultsJson: message, answers: answered() } : { kind: 'crash', message };
  }
}

process.once('message', (request: VerifierWorkerRequest) => {
  run(request).then(send, (error: unknown) => send({ kind: 'crash', message: error instanceof Error ? error.message : String(error) }));
});
