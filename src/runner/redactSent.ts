import type { SentRequest } from '../model/Exchange.ts';
import type { BuiltRequest } from './buildRequest.ts';
import { redactHeaders, redactText } from './redact.ts';

/** The public, redacted view of a built request: credential headers hidden, secrets scrubbed from URL and body. */
export function redactSent(built: BuiltRequest): SentRequest {
  return {
    method: built.method,
    url: redactText(built.url, built.secrets),
    headers: redactHeaders(built.headers, built.secretHeaderNames),
    ...(built.bodyText !== undefined ? { bodyText: redactText(built.bodyText, built.secrets) } : {}),
  };
}
