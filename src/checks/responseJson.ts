import type { RecordedResponse } from '../model/Exchange.ts';

/** The parsed JSON body, or undefined when the body is empty, cut short or not JSON. */
export function responseJson(response: RecordedResponse): unknown {
  if (response.json !== undefined) return response.json;
  if (response.truncated || response.bodyText.trim() === '') return undefined;
  try {
    return JSON.parse(response.bodyText) as unknown;
  } catch {
    return undefined;
  }
}
