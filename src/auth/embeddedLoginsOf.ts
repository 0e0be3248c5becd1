import type { EmbeddedLogins } from '../model/EmbeddedTarget.ts';
import type { ResolvedLogin } from './ResolvedLogin.ts';

/** The users of the presets' logins, and the IAM path they use: what an embedded target must accept. Undefined without one. */
export function embeddedLoginsOf(logins: readonly ResolvedLogin[]): EmbeddedLogins | undefined {
  const users = logins.flatMap((l) => (l.user ? [l.user] : []));
  if (users.length === 0) return undefined;
  const iam = logins.find((l) => l.kind === 'iam');
  const iamPath = iam === undefined ? undefined : /^https?:\/\//i.test(iam.url) ? new URL(iam.url).pathname : iam.url;
  return { users, ...(iamPath !== undefined ? { iamPath } : {}) };
}
