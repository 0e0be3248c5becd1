import type { ErrorObject } from 'ajv';
import schema from '../model/report.schema.json' with { type: 'json' };
import type { RunReport } from '../model/RunReport.ts';
import { createAjv } from '../validation/createAjv.ts';

const validate = createAjv([schema]).compile<RunReport>(schema);

function describe(error: ErrorObject): string {
  const at = error.instancePath || '(root)';
  const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  return `${at} ${error.message ?? 'is invalid'}${extra}`;
}

/** Checks a value against `src/model/report.schema.json`; returns the first problem, or undefined when valid. */
export function validateReport(value: unknown): { ok: true; report: RunReport } | { ok: false; problem: string } {
  if (validate(value)) return { ok: true, report: value };
  return { ok: false, problem: describe(validate.errors![0]!) };
}
