import { MatchersV3 } from '@pact-foundation/pact';
import type { Case } from '../src/model/Case.ts';
import type { Operation } from '../src/openapi/Operation.ts';
import { credentialHeaderNames } from '../src/runner/credentialHeaderNames.ts';
import { TOKEN_PLACEHOLDER, WRONG_TOKEN_PLACEHOLDER } from './contractSettings.ts';

export interface ContractHeaders {
  readonly headers: Record<string, string>;
  readonly headerMatchers: Record<string, unknown>;
}

/**
 * The headers of an interaction: the credential as a placeholder in the operation's first scheme (a
 * wrong one exact, the right one any value after the scheme's prefix), then the case's own headers,
 * never a credential and never the content type (pact-js sets it from the body).
 */
export function credentialPlaceholders(operation: Operation, auth: Case['request']['auth'], planned: Readonly<Record<string, string>> = {}): ContractHeaders {
  const scheme = operation.credentialSchemes[0];
  const headers: Record<string, string> = {};
  const headerMatchers: Record<string, unknown> = {};
  if (scheme && auth !== 'none') {
    const value = `${scheme.prefix}${auth === 'wrong' ? WRONG_TOKEN_PLACEHOLDER : TOKEN_PLACEHOLDER}`;
    headers[scheme.header] = value;
    headerMatchers[scheme.header] = auth === 'wrong' ? value : MatchersV3.regex(`^${scheme.prefix}.+$`, value);
  }
  const secret = credentialHeaderNames([operation]);
  for (const [name, value] of Object.entries(planned)) {
    if (secret.has(name.toLowerCase()) || name.toLowerCase() === 'content-type') continue;
    headers[name] = value;
    headerMatchers[name] = value;
  }
  return { headers, headerMatchers };
}
