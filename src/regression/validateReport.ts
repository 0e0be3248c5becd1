import type { ErrorObject, ValidateFunction } from 'ajv';
import type { CaseIntent } from '../model/Case.ts';
import { familyFromCaseId } from '../model/familyFromCaseId.ts';
import { findingKey, type FindingIdentity } from '../model/findingKey.ts';
import { EMBEDDED_TARGET_NAME } from '../model/targetName.ts';
import schema from '../model/report.schema.json' with { type: 'json' };
import type { RunReport } from '../model/RunReport.ts';
import { createAjv } from '../validation/createAjv.ts';

// Compiled on first use: most commands never read a report, and compiling the schema costs start time.
let compiled: ValidateFunction<RunReport> | undefined;
function validator(): ValidateFunction<RunReport> {
  compiled ??= createAjv([schema]).compile<RunReport>(schema);
  return compiled;
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '(root)';
  const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  return `${at} ${error.message ?? 'is invalid'}${extra}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A report written before findings carried their `key` gets it derived, so last night's baseline still
 * compares; a finding too malformed to derive one is left for the schema to reject.
 */
function withKeys(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value.findings)) return value;
  const findings = value.findings.map((f: unknown) => {
    if (!isRecord(f) || 'key' in f || typeof f.operationId !== 'string' || typeof f.caseId !== 'string' || !isRecord(f.intent)) return f;
    return { key: findingKey(f as unknown as FindingIdentity), ...f };
  });
  return { ...value, findings };
}

/**
 * A report written before targets were named (one target per operation) gets each operation's target
 * name, as a run names it now, on its operations, cells, coverage, not-run cases and findings; a finding
 * so named gets its key again (the key holds the target).
 */
function withTargets(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value.operations)) return value;
  const invocation = isRecord(value.invocation) ? value.invocation : undefined;
  const nameOf = (o: Record<string, unknown>): unknown => (invocation?.embeddedMock === true ? EMBEDDED_TARGET_NAME : o.target);
  const operations = value.operations.map((o: unknown) => (isRecord(o) && !('targetName' in o) ? { ...o, targetName: nameOf(o) } : o));
  const names = new Map(operations.filter(isRecord).map((o) => [o.operationId, o.targetName]));
  const named = (list: unknown, rekey = false): unknown =>
    Array.isArray(list)
      ? list.map((item: unknown) => {
          if (!isRecord(item) || 'target' in item || !names.has(item.operationId)) return item;
          const { key: _key, ...rest } = item;
          return { ...(rekey ? rest : item), target: names.get(item.operationId) };
        })
      : list;
  return { ...value, operations, checks: named(value.checks), coverage: named(value.coverage), notRun: named(value.notRun), findings: named(value.findings, true) };
}

/**
 * A report written before identity was data gets it: each operation whether its target's name was given
 * (a name other than its URL), each finding its target's URL and that flag (named when the request did
 * not go under the name, as keys were made then) and its intent's value family (from its planned case
 * id). Keys already written are kept.
 */
function withIdentity(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value.operations)) return value;
  const operations = value.operations.map((o: unknown) => (isRecord(o) && !('targetNamed' in o) && typeof o.target === 'string' ? { ...o, targetNamed: o.targetName !== o.target } : o));
  const urlOf = new Map(operations.filter(isRecord).map((o) => [`${String(o.operationId)}|${String(o.targetName)}`, o.target]));
  const findings = Array.isArray(value.findings)
    ? value.findings.map((f: unknown) => {
        if (!isRecord(f) || typeof f.operationId !== 'string' || typeof f.target !== 'string' || !isRecord(f.request) || typeof f.request.url !== 'string') return f;
        const url = urlOf.get(`${f.operationId}|${f.target}`) ?? f.target;
        const intent = typeof f.caseId === 'string' && isRecord(f.intent) ? familyFromCaseId(f.operationId, f.caseId, f.intent as unknown as CaseIntent) : f.intent;
        return { ...f, intent, ...('targetUrl' in f ? {} : { targetUrl: url }), ...('targetNamed' in f ? {} : { targetNamed: !f.request.url.startsWith(f.target) }) };
      })
    : value.findings;
  return { ...value, operations, findings };
}

/** Checks a value against `src/model/report.schema.json`; returns the first problem, or undefined when valid. */
export function validateReport(value: unknown): { ok: true; report: RunReport } | { ok: false; problem: string } {
  const report = withKeys(withIdentity(withTargets(value)));
  const validate = validator();
  if (validate(report)) return { ok: true, report };
  return { ok: false, problem: describe(validate.errors![0]!) };
}
