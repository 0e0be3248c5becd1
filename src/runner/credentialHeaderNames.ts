import type { Operation } from '../openapi/Operation.ts';
import { operationCredentialHeaders } from './operationCredentialHeaders.ts';

/** Headers that carry a credential by HTTP convention, whatever a document declares. */
const CONVENTIONAL = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key'];

/**
 * Lower-case names of every header that carries a credential: the conventional ones, the operations'
 * security schemes and credential parameters, and `extra` names (the user's `--header`s). The one list
 * the runner, the corpus, the pact verifier and the mock's log redact by.
 */
export function credentialHeaderNames(operations: Iterable<Operation> = [], extra: Iterable<string> = []): Set<string> {
  const names = new Set(CONVENTIONAL);
  for (const operation of operations) for (const name of operationCredentialHeaders(operation)) names.add(name);
  for (const name of extra) names.add(name.toLowerCase());
  return names;
}
