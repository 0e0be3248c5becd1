import { causePrefix } from './causePrefix.ts';

/**
 * One inconclusive cause as the summary lists it: prefixed with its operation, and with the operation's
 * target when the report has several targets for it.
 */
export function causeLine(operationId: string, target: string | undefined, text: string): string {
  return `${causePrefix(operationId, target)}${text}`;
}
