import { REPORT_VERSION } from '../model/RunReport.ts';
import { v1ToV2 } from './migrations/v1ToV2.ts';

type Json = Record<string, unknown>;

/** Ordered: entry `i` turns a report of version `i + 1` into one of version `i + 2`. */
export const MIGRATIONS: ReadonlyArray<(report: Json) => Json> = [v1ToV2];

/**
 * A report of an earlier version as this version states it, one migration at a time; a value that is no
 * report, or one of a later version, is returned as it is for the schema to reject.
 */
export function migrateReport(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  let report = value as Json;
  while (typeof report.version === 'number' && Number.isInteger(report.version) && report.version >= 1 && report.version < REPORT_VERSION) {
    report = MIGRATIONS[report.version - 1]!(report);
  }
  return report;
}
