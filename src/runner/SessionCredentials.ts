import type { CredentialScheme } from '../openapi/Operation.ts';

/** The credential a login gave an operation, as it is now. */
export interface SessionCredential {
  readonly token: string;
  /** Where it is sent: the header (lower case) and the prefix (`Bearer `, or none). */
  readonly scheme: CredentialScheme;
  /** Which token of the login this is (1, then 2 after a renewal, ...): a 401 names the token it refused. */
  readonly generation: number;
}

/**
 * Credentials that logins fetch (a config file's `auth:`) and renew during a run. The runner sends an
 * operation's session credential in place of `--token`, scrubs every `secrets()` value from what it
 * records, and asks `renew` when a request that carried it is answered 401.
 */
export interface SessionCredentials {
  /** The operation's credential now; undefined when no login serves the operation. */
  current(operationId: string): SessionCredential | undefined;
  /** Every token issued so far and every password the logins sent: scrubbed from every text. */
  secrets(): readonly string[];
  /** A request that carried this generation was answered other than 401: the token works. */
  accepted(operationId: string, generation: number): void;
  /**
   * A request that carried this generation was answered 401. Resolves true when a fresher token is
   * there to re-send it with (one that worked and then was refused is renewed once, by one login
   * however many requests saw the 401); false when the 401 stands (the token never worked).
   */
  renew(operationId: string, generation: number): Promise<boolean>;
}
