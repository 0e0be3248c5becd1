/**
 * The name of the embedded mock as a target. Its fault profile is not part of it: a run against the
 * correct mock is the same server fixed, so a baseline of the faulty one shows its defects as fixed.
 */
export const EMBEDDED_TARGET_NAME = 'embedded mock';

/**
 * Who answered a case: the name reports show and `--only-target` selects, the base URL it was sent to
 * (a password in it redacted), and whether the name was given (the config file's `name`, the embedded
 * mock) or is only the URL. Only a given name is part of a finding's key (src/model/findingKey.ts).
 */
export interface TargetIdentity {
  readonly name: string;
  readonly url: string;
  readonly named: boolean;
}
