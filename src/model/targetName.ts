/**
 * The name of the embedded mock as a target. Its fault profile is not part of it: a run against the
 * correct mock is the same server fixed, so a baseline of the faulty one shows its defects as fixed.
 */
export const EMBEDDED_TARGET_NAME = 'embedded mock';
