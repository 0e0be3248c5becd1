/** The forms an `auth:` entry takes (src/config/AuthSetting.ts). */
const AUTH_FORMS = ['hcx', 'iam', 'login'] as const;

/**
 * An `auth:` entry that is none of the login forms, said before the schema's complaint about the first
 * form it tried ("must have required property 'hcx'").
 */
export function authFormProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { auth } = raw as { auth?: unknown };
  if (typeof auth !== 'object' || auth === null || Array.isArray(auth)) return undefined;
  for (const [key, entry] of Object.entries(auth as Record<string, unknown>)) {
    const forms = typeof entry === 'object' && entry !== null ? Object.keys(entry).filter((k) => (AUTH_FORMS as readonly string[]).includes(k)) : [];
    if (forms.length !== 1) return `auth.${key} must be one of ${AUTH_FORMS.map((f) => `{ ${f}: ... }`).join(', ')}`;
  }
  return undefined;
}
