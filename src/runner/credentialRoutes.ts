import type { Operation } from '../openapi/Operation.ts';
import { operationCredentialHeaders } from './operationCredentialHeaders.ts';

/**
 * Where each user header goes: for each of `headerNames` that some operation takes a credential in, the
 * operationIds that do (keys lower case). A header no operation names is absent: it goes to every operation.
 * So one `--header` per vendor reaches only that vendor's operations (HCX never gets the IAM token).
 */
export function credentialRoutes(operations: Iterable<Operation>, headerNames: Iterable<string>): Map<string, Set<string>> {
  const wanted = new Set([...headerNames].map((name) => name.toLowerCase()));
  const routes = new Map<string, Set<string>>();
  for (const operation of operations) {
    for (const name of operationCredentialHeaders(operation)) {
      if (!wanted.has(name)) continue;
      const route = routes.get(name) ?? new Set<string>();
      route.add(operation.operationId);
      routes.set(name, route);
    }
  }
  return routes;
}
