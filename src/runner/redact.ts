/** What every secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not scrubbed from free text (credential headers are always redacted). */
export const MIN_SECRET_LENGTH = 4;

/** A copy of `headers` where every header named in `secretHeaderNames` (any case) shows `[REDACTED]`. */
export function redactHeaders(headers: Record<string, string>, secretHeaderNames: Iterable<string>): Record<string, string> {
  const secret = new Set<string>();
  for (const name of secretHeaderNames) secret.add(name.toLowerCase());
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = secret.has(name.toLowerCase()) ? REDACTED : value;
  return out;
}

/**
 * A copy of the headers of an answer with no credential left: headers named in `secretHeaderNames` and
 * `Set-Cookie` (a session the server hands out) show `[REDACTED]`, and every `secret` is scrubbed from
 * every other value (a `Location` or a debug header echoing the request's credential).
 */
export function redactResponseHeaders(headers: Readonly<Record<string, string>>, secretHeaderNames: Iterable<string>, secrets: Iterable<string>): Record<string, string> {
  const named = redactHeaders({ ...headers }, [...secretHeaderNames, 'set-cookie']);
  const list = [...secrets];
  for (const [name, value] of Object.entries(named)) named[name] = redactText(value, list);
  return named;
}

/**
 * `text` with every occurrence of every (non-empty) secret replaced by `[REDACTED]`, in each form a
 * secret takes in text: as sent, URL encoded (paths, queries; also form encoded, spaces as `+`, and
 * encoded twice, a URL within a query) and JSON escaped (bodies, mismatch messages).
 */
export function redactText(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const form of formsOf(secrets)) {
    if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** The forms of a set of secrets, longest first, kept per set: a run scrubs the same few secrets from every exchange. */
const FORMS = new Map<string, readonly string[]>();

function formsOf(secrets: Iterable<string>): readonly string[] {
  const list = [...secrets];
  const key = list.join('\u0000');
  let forms = FORMS.get(key);
  if (!forms) {
    const all = new Set<string>();
    for (const secret of list) {
      // A very short value is not scrubbed from text: it would garble it (`t` in `true`) and protect nothing.
      if (secret.length < MIN_SECRET_LENGTH) continue;
      all.add(secret);
      all.add(encodeURIComponent(secret));
      // A URL that carries it, itself carried in a query (`next=`, a redirect back): encoded twice.
      all.add(encodeURIComponent(encodeURIComponent(secret)));
      all.add(new URLSearchParams([['', secret]]).toString().slice(1));
      all.add(JSON.stringify(secret).slice(1, -1));
    }
    // Longest first, so a secret that contains another is scrubbed whole.
    forms = [...all].sort((a, b) => b.length - a.length);
    if (FORMS.size > 1000) FORMS.clear();
    FORMS.set(key, forms);
  }
  return forms;
}
