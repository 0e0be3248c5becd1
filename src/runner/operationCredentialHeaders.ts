import type { Operation } from '../openapi/Operation.ts';

/** Lower-case names of the headers an operation takes a credential in: its security schemes and credential header parameters. */
export function operationCredentialHeaders(operation: Operation): Set<string> {
  const names = new Set<string>();
  for (const scheme of operation.credentialSchemes) names.add(scheme.header.toLowerCase());
  for (const parameter of operation.parameters) if (parameter.in === 'header' && parameter.credential) names.add(parameter.name.toLowerCase());
  return names;
}
