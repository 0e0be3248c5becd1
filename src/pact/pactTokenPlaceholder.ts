/**
 * The credential placeholder the pacts carry instead of a real token; the verifier's request filter
 * swaps it for the configured credential.
 */
export const PACT_TOKEN_PLACEHOLDER = 'REDACTED-TOKEN';
