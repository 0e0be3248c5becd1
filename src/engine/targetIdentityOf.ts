import type { TargetIdentity } from '../model/targetName.ts';
import { redactUrl } from '../runner/redactUrl.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/** The target an operation is sent to, as findings name it: its name, its base URL (redacted) and whether the name was given. */
export function targetIdentityOf(prepared: PreparedOperation): TargetIdentity {
  return { name: prepared.targetName, url: redactUrl(prepared.baseUrl), named: prepared.targetNamed };
}
