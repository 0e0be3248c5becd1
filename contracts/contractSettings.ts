import { basename } from 'node:path';
import type { Operation } from '../src/openapi/Operation.ts';

/** Fixed settings of the generated contracts: changing any of them changes every pact file. */
export const CONTRACT_CONSUMER = 'interconnect-conformance';
/** The planner's seed for the contracts, so that regeneration is byte-for-byte stable. */
export const CONTRACT_SEED = 20240601;
/** Placeholder credential written in the pacts; the provider verifier swaps it for the real one. */
export { PACT_TOKEN_PLACEHOLDER as TOKEN_PLACEHOLDER } from '../src/pact/pactTokenPlaceholder.ts';
/** A credential that must be refused; stays as it is during verification. */
export const WRONG_TOKEN_PLACEHOLDER = 'WRONG-TOKEN-PLACEHOLDER';

/** Readable names for the resources a path parameter names; others are derived from the name. */
const RESOURCE_NOUNS: Readonly<Record<string, string>> = { hosted_connect_id: 'hosted connection' };

/** The provider name of a document: its file name without `.openapi.yaml`. */
export function providerNameOf(specFile: string): string {
  return basename(specFile)
    .replace(/\.openapi\.ya?ml$/i, '')
    .replace(/\.(ya?ml|json)$/i, '');
}

/** `an appliance exists`, `a hosted connection exists`: the state every interaction of an operation needs. */
export function providerStateNameOf(operation: Operation): string {
  const parameter = operation.hints.resourceParameter ?? operation.parameters.find((p) => p.in === 'path')?.name ?? 'resource';
  const noun =
    RESOURCE_NOUNS[parameter] ??
    parameter
      .replace(/[_-]?id$/i, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[_-]+/g, ' ')
      .toLowerCase();
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} exists`;
}
