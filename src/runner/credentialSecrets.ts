import { secretsOf } from './secretsOf.ts';

/** The secret values carried by the credential headers of a request (see `secretsOf`). */
export function credentialSecrets(headers: Readonly<Record<string, string>>, credentialNames: ReadonlySet<string>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (credentialNames.has(name.toLowerCase())) secrets.push(...secretsOf(value, name));
  }
  return secrets;
}
