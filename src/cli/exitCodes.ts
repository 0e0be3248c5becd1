/**
 * Documented exit codes: 0 conforming (warnings allowed), 1 failures found, 2 usage/configuration/
 * connection error or an interrupted run, 3 inconclusive (too little could be tested to give a verdict).
 */
export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_ERROR = 2;
export const EXIT_INCONCLUSIVE = 3;
