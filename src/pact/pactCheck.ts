/** The check name under which pact interactions are reported. */
export const PACT_CHECK = 'pact-verification';
