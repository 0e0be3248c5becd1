/** What every inconclusive cause of one operation (at one target, when the report has several) starts with. */
export function causePrefix(operationId: string, target: string | undefined): string {
  return target === undefined ? `${operationId}: ` : `${operationId} @ ${target}: `;
}
