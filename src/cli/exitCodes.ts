/** Documented exit codes: 0 conforming, 1 violations found, 2 usage/configuration/connection error. */
export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_ERROR = 2;
