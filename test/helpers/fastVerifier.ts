import { devNull } from 'node:os';
import { afterAll, beforeAll } from 'vitest';

const NAMES = ['SSL_CERT_FILE', 'SSL_CERT_DIR'] as const;

/**
 * Gives Pact's native verifier an empty CA store for the tests of the calling file (or describe block).
 *
 * The verifier makes no TLS connection in verifyPacts: it talks only to pact-js's own proxy on loopback
 * over plain HTTP (which forwards to the tap), and reads the pacts from files. Yet it reads the CA store
 * that SSL_CERT_FILE and SSL_CERT_DIR name (else the system's) again for every HTTP client it creates,
 * three per interaction (state setup, request, teardown), about 10 ms each with a full store: most of the
 * time of a verification. The worker verifyPacts forks inherits this process's environment, so with an
 * empty store it judges the same answers several times faster.
 *
 * At that pace the verifier sends the next upgrade of an appliance within a few milliseconds of an
 * accepted one. The mock, as HCX does, refuses an upgrade while one runs (422), and its tasks run 20 ms
 * by default: a mock verified this way on the shipped pacts runs its tasks in no time
 * (`taskDurationMs: 0`); the representative pacts (test/helpers/pactSubset.ts) hold one accepted
 * upgrade.
 */
export function emptyCaStoreForTheVerifier(): void {
  const saved = new Map<string, string | undefined>();
  beforeAll(() => {
    for (const name of NAMES) {
      saved.set(name, process.env[name]);
      process.env[name] = devNull;
    }
  });
  afterAll(() => {
    for (const name of NAMES) {
      const value = saved.get(name);
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}
