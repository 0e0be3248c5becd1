/**
 * One path parameter's value as a path segment: percent-encoded (RFC 3986 pchar), and a value of only
 * dots encoded whole (`%2E%2E`), so it names the parameter and is never read as a dot-segment.
 */
export function encodePathSegment(value: string): string {
  return /^\.+$/.test(value) ? value.replace(/\./g, '%2E') : encodeURIComponent(value);
}

/** Substitutes `{name}` segments of a path template with percent-encoded values (empty when missing). */
export function buildPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodePathSegment(params[name] ?? ''));
}
