import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../model/report.schema.json' with { type: 'json' };
import type { RunReport } from '../model/RunReport.ts';
import { schemaValidator } from '../validation/standaloneValidator.ts';

// Compiled on first use: most commands never read a report, and compiling the schema costs start time.
let compiled: ValidateFunction<RunReport> | undefined;
function validator(): ValidateFunction<RunReport> {
  compiled ??= schemaValidator<RunReport>(schema);
  return compiled;
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '(root)';
  const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  return `${at} ${error.message ?? 'is invalid'}${extra}`;
}

/**
 * Checks a value against `src/model/report.schema.json` as it is (a report of an earlier version fails:
 * loaders migrate first, src/report/migrateReport.ts); returns the first problem, or the report.
 */
export function validateReport(value: unknown): { ok: true; report: RunReport } | { ok: false; problem: string } {
  const validate = validator();
  if (validate(value)) return { ok: true, report: value };
  return { ok: false, problem: describe(validate.errors![0]!) };
}
