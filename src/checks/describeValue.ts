const LIMIT = 60;

/** A value as it would appear in JSON, shortened for a one-line message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > LIMIT ? `${text.slice(0, LIMIT - 1)}…` : text;
}
