import { statusKey } from '../openapi/statusKey.ts';

/** True when a status code is covered by a response key: exact (`"404"`), range (`"4XX"`) or `"default"`. */
export function matchesStatusKey(key: string, status: number): boolean {
  return statusKey(key, status) !== undefined;
}
