/**
 * The document's response rules that judge every answer `verify-pacts` receives, on top of what the
 * contract states (status, and the members the page requires): as in a run. The checks that judge a
 * request's intent are the contract's business; `request-valid` judges clients, not providers.
 */
export const PACT_DOCUMENT_CHECKS: readonly string[] = ['transport', 'not-server-error', 'status-documented', 'content-type', 'response-schema', 'echo'];
