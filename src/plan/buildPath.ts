/** Substitutes `{name}` segments of a path template with percent-encoded values (empty when missing). */
export function buildPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
