import type { PlannedRequest } from '../model/Case.ts';
import { RawBody } from '../keywords/RawBody.ts';
import type { ConstraintSite } from './constraintSite.ts';

/** The request with a keyword's sample put at its site: a value, `REMOVE`, or raw body bytes. */
export function sampleRequest(site: ConstraintSite, base: PlannedRequest, value: unknown): PlannedRequest {
  return value instanceof RawBody ? { ...base, body: { raw: value.text } } : site.set(value);
}
