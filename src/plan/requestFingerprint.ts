import type { PlannedRequest } from '../model/Case.ts';

/** What makes two planned requests the same request on the wire (header names in any case, parameters in any order). */
export function requestFingerprint(request: PlannedRequest): string {
  const sorted = (record: Readonly<Record<string, string>>, lower: boolean): Array<[string, string]> =>
    Object.entries(record)
      .map(([k, v]): [string, string] => [lower ? k.toLowerCase() : k, v])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([request.method.toUpperCase(), request.path, sorted(request.query, false), sorted(request.headers, true), request.body ?? null, request.auth]);
}
