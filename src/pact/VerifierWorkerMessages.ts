import type { CredentialFilterOptions } from './credentialFilter.ts';

/** Sent to the verifier worker over IPC (never argv or env: it holds the credential). */
export interface VerifierWorkerRequest {
  readonly kind: 'verify';
  readonly providerBaseUrl: string;
  readonly pactFiles: readonly string[];
  /** Every provider state the pacts use; each answers with the fixture ids. */
  readonly stateNames: readonly string[];
  readonly fixtures: Readonly<Record<string, string>>;
  readonly credentials: CredentialFilterOptions;
  readonly requestTimeoutMs: number;
  readonly logLevel: 'error' | 'warn' | 'info';
}

/** One request the verifier sent to the provider (provider-state calls aside), in the order sent. */
export interface ProviderAnswer {
  readonly method: string;
  readonly path: string;
  /** The provider's status; absent when no answer came. */
  readonly status?: number;
}

/**
 * The worker's answer: the verifier's JSON results (which hold no status of an interaction that passed)
 * and what the provider answered, or why there are none.
 */
export type VerifierWorkerResponse = { readonly kind: 'result'; readonly resultsJson: string; readonly answers: readonly ProviderAnswer[] } | { readonly kind: 'crash'; readonly message: string };
