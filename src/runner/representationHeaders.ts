/**
 * Headers HTTP defines as describing the message, never authenticating it: a `--header` of one of these
 * names (`Accept: application/json`) is sent as given and shown, not scrubbed from answers as a secret
 * (scrubbing `application/json` would break every response's Content-Type).
 */
export const REPRESENTATION_HEADERS: ReadonlySet<string> = new Set(['accept', 'accept-encoding', 'accept-language', 'content-type', 'user-agent']);
