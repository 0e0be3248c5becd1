import type { BaselineClassification } from './BaselineClassification.ts';

export type FailOn = 'new' | 'any';

/** `any`: every violation fails the run; `new`: only violations the baseline did not have. */
export function shouldFail(classification: BaselineClassification, failOn: FailOn): boolean {
  if (failOn === 'new') return classification.new.length > 0;
  return classification.new.length + classification.stillFailing.length > 0;
}
