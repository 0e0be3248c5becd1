import type { RunReport } from '../model/RunReport.ts';
import type { BaselineClassification } from './BaselineClassification.ts';
import { findingKey } from '../model/findingKey.ts';

/** The `baseline` section of a run report: the classification as finding keys. */
export function baselineSummary(path: string, classification: BaselineClassification): NonNullable<RunReport['baseline']> {
  return {
    path,
    new: classification.new.map(findingKey),
    stillFailing: classification.stillFailing.map(findingKey),
    fixed: classification.fixed.map(findingKey),
  };
}
