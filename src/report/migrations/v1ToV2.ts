import type { CaseIntent } from '../../model/Case.ts';
import { causePrefix } from '../../model/causePrefix.ts';
import { familyFromCaseId } from '../../model/familyFromCaseId.ts';
import { findingKey, type FindingIdentity } from '../../model/findingKey.ts';
import { EMBEDDED_TARGET_NAME } from '../../model/targetName.ts';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1 was written before targets were named (one target per operation) by early runs: each
 * operation gets its target name, as a run names it now, on its operations, cells, coverage, not-run
 * cases and findings; a finding so named gets its key again (the key holds the target).
 */
function withTargets(value: Json): Json {
  if (!Array.isArray(value.operations)) return value;
  const invocation = isRecord(value.invocation) ? value.invocation : undefined;
  const nameOf = (o: Json): unknown => (invocation?.embeddedMock === true ? EMBEDDED_TARGET_NAME : o.target);
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
 * Version 1 was also written before identity was data: each operation gets whether its target's name was
 * given (a name other than its URL), each finding its target's URL and that flag (named when the request
 * did not go under the name, as keys were made then) and its intent's value family (from its planned
 * case id). Keys already written are kept.
 */
function withIdentity(value: Json): Json {
  if (!Array.isArray(value.operations)) return value;
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

/** Version 1 findings written before findings carried their `key` get it derived; one too malformed is left for the schema to reject. */
function withKeys(value: Json): Json {
  if (!Array.isArray(value.findings)) return value;
  const findings = value.findings.map((f: unknown) => {
    if (!isRecord(f) || 'key' in f || typeof f.operationId !== 'string' || typeof f.caseId !== 'string' || !isRecord(f.intent)) return f;
    return { key: findingKey(f as unknown as FindingIdentity), ...f };
  });
  return { ...value, findings };
}

/**
 * Version 2 gives each cause as data beside its line (`summary.inconclusiveCauses`): a version 1 line
 * names its operation (and target) in a prefix, read back here once; a line that names none is about
 * the whole run. The kind of an old cause is not recorded: `not-run` says least about it.
 */
function withStructuredCauses(value: Json): Json {
  if (!isRecord(value.summary) || !Array.isArray(value.summary.causes) || !Array.isArray(value.operations)) return value;
  const operations = value.operations.filter(isRecord).filter((o) => typeof o.operationId === 'string' && typeof o.targetName === 'string') as Array<{ operationId: string; targetName: string }>;
  const inconclusiveCauses = value.summary.causes
    .filter((c): c is string => typeof c === 'string')
    .map((line) => {
      for (const o of operations) {
        const prefix = [causePrefix(o.operationId, o.targetName), causePrefix(o.operationId, undefined)].find((p) => line.startsWith(p));
        if (prefix !== undefined) return { operationId: o.operationId, target: o.targetName, kind: 'not-run', text: line.slice(prefix.length) };
      }
      return { kind: line.startsWith('no case ran') ? 'nothing-ran' : 'not-run', text: line };
    });
  return { ...value, summary: { ...value.summary, inconclusiveCauses } };
}

/** A version 1 report as version 2 states it. */
export function v1ToV2(report: Json): Json {
  return { ...withKeys(withStructuredCauses(withIdentity(withTargets(report)))), version: 2 };
}
