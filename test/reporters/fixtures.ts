import type { CaseIntent } from '../../src/model/Case.ts';
import type { Constraint } from '../../src/model/Constraint.ts';
import type { Finding } from '../../src/model/Finding.ts';
import { findingKey } from '../../src/model/findingKey.ts';
import type { Provenance } from '../../src/model/Provenance.ts';
import { REPORT_VERSION, type CheckCell, type ConstraintCoverage, type OperationSummary, type RunReport, type RunVerdict } from '../../src/model/RunReport.ts';

/** A response body a hostile server could send: must render as text everywhere. */
export const HOSTILE_BODY = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

/** A credential the run used: it must appear in no written file (the fixtures only carry the redacted form). */
export const SECRET = 'tok-9f8e7d6c5b4a-SECRET';

export const HCX = 'upgradeInterconnectAppliance';
export const DC = 'updateHostedConnect';

export const CHECKS = [
  'not-server-error',
  'status-documented',
  'content-type',
  'response-schema',
  'positive-acceptance',
  'negative-rejection',
  'auth-required',
  'not-found',
  'echo',
  'transport',
] as const;

/** The target of the hand-built report (its name is its URL, as for a target the config file does not name). */
export const TARGET = 'http://127.0.0.1:4010';
const HCX_URL = 'http://127.0.0.1:4010/hybridity/api/interconnect/appliances/appl-1/upgrade';
const DC_URL = 'http://127.0.0.1:4010/v3/0605767b6a00d5b12f8dc00e4d5c2cd1/dcaas/hosted-connects/6ec9cfae-1d42-4f46-9f9e-7e2a4c1bc7a1';

export function makeFinding(partial: Partial<Finding> & Pick<Finding, 'operationId' | 'check'>): Finding {
  const intent: CaseIntent = partial.intent ?? { kind: 'valid', label: 'valid request' };
  const finding: Omit<Finding, 'key'> = {
    target: TARGET,
    targetUrl: TARGET,
    targetNamed: false,
    caseId: `${partial.operationId}-${partial.check}-${partial.constraintId ?? 'x'}`,
    intent,
    provenance: 'page',
    severity: 'failure',
    message: `${partial.check} failed`,
    request: { method: 'POST', url: HCX_URL, headers: { 'content-type': 'application/json' } },
    curl: `curl -X POST '${HCX_URL}'`,
    seed: 7,
    replay: `conformance replay --case ${partial.operationId}-${partial.check} --seed 7`,
    ...partial,
  };
  return { ...finding, key: partial.key ?? findingKey(finding) };
}

export const FINDINGS: readonly Finding[] = [
  makeFinding({
    operationId: HCX,
    check: 'negative-rejection',
    constraintId: 'HCX.query.force.enum',
    caseId: 'hcx-inv-force-enum-0',
    intent: { kind: 'invalid', constraintId: 'HCX.query.force.enum', label: 'force=maybe' },
    message: 'force=maybe breaks HCX.query.force.enum but was answered 202',
    request: {
      method: 'POST',
      url: `${HCX_URL}?force=maybe`,
      headers: { 'content-type': 'application/json', 'x-hm-authorization': '[REDACTED]' },
      bodyText: '{}',
    },
    response: { status: 202, contentType: 'application/json', bodyExcerpt: '{"data":{"interconnectTaskId":"t-1","applianceId":"appl-1"}}' },
    curl: `curl -X POST '${HCX_URL}?force=maybe' -H 'x-hm-authorization: [REDACTED]' --data-raw '{}'`,
  }),
  makeFinding({
    operationId: HCX,
    check: 'echo',
    provenance: 'reading',
    severity: 'warning',
    caseId: 'hcx-valid-0',
    message: 'data.applianceId "other" differs from the path id "appl-1"',
    response: { status: 202, contentType: 'application/json', bodyExcerpt: `{"data":{"applianceId":"other"},"pad":"${'x'.repeat(900)}"}` },
  }),
  makeFinding({
    operationId: DC,
    check: 'response-schema',
    constraintId: 'DC.response.200.hosted_connect.vlan.maximum',
    caseId: 'dc-valid-3',
    message: 'hosted_connect.vlan 4000 is above the maximum 3999',
    request: { method: 'PUT', url: DC_URL, headers: { 'content-type': 'application/json', 'X-Auth-Token': '[REDACTED]' }, bodyText: '{"hosted_connect":{"name":"n"}}' },
    response: { status: 200, contentType: 'text/html', bodyExcerpt: HOSTILE_BODY },
    curl: `curl -X PUT '${DC_URL}' -H 'X-Auth-Token: [REDACTED]' --data-raw '{"hosted_connect":{"name":"n"}}'`,
  }),
  makeFinding({
    operationId: DC,
    check: 'transport',
    provenance: 'robustness',
    caseId: 'dc-bnd-bandwidth-max',
    intent: { kind: 'boundary', constraintId: 'DC.body.hosted_connect.bandwidth.maximum', label: 'bandwidth=400000' },
    message: 'no response within 10000 ms',
    request: { method: 'PUT', url: DC_URL, headers: { 'X-Auth-Token': '[REDACTED]' }, bodyText: '{"hosted_connect":{"bandwidth":400000}}' },
    failure: { kind: 'timeout', message: 'headers timeout after 10000 ms' },
    curl: `curl -X PUT '${DC_URL}' -H 'X-Auth-Token: [REDACTED]' --data-raw '{"hosted_connect":{"bandwidth":400000}}'`,
  }),
  makeFinding({
    operationId: DC,
    check: 'response-schema',
    constraintId: 'DC.response.400.error_code.required',
    provenance: 'convention',
    severity: 'warning',
    caseId: 'dc-inv-name-max',
    intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'name of 65 characters' },
    message: 'the 400 body has no error_code',
    replay: 'conformance replay --case dc-inv-name-max --seed 7',
    request: { method: 'PUT', url: DC_URL, headers: { 'X-Auth-Token': '[REDACTED]' }, bodyText: `{"hosted_connect":{"name":"${'n'.repeat(65)}"}}` },
    response: { status: 400, contentType: 'application/json', bodyExcerpt: '{"message":"name too long"}' },
    curl: `curl -X PUT '${DC_URL}' -H 'X-Auth-Token: [REDACTED]' --data-raw '{"hosted_connect":{"name":"${'n'.repeat(65)}"}}'`,
  }),
];

/** The findings of severity failure and warning in FINDINGS: 3 and 2, the HCX echo cell has only a warning. */
export const FAILURES = FINDINGS.filter((f) => f.severity === 'failure');
export const WARNINGS = FINDINGS.filter((f) => f.severity === 'warning');

function constraint(id: string, operationId: string, where: Constraint['where'], kind: Constraint['kind'], value: unknown, status?: string, provenance: Provenance = 'page'): Constraint {
  return {
    id,
    operationId,
    where,
    ...(status ? { status } : {}),
    name: id.split('.').slice(2, -1).join('.'),
    target: '',
    pointer: `/paths/x/${id}`,
    kind,
    value,
    source: `doc: ${id}`,
    credential: kind === 'auth',
    provenance,
  };
}

export const CATALOGUE: readonly Constraint[] = [
  constraint('HCX.auth', HCX, 'header', 'auth', ['hmSessionToken']),
  constraint('HCX.query.force.enum', HCX, 'query', 'enum', ['true', 'false']),
  constraint('HCX.query.method.enum', HCX, 'query', 'enum', ['legacy', 'inService']),
  constraint('HCX.response.202.data.applianceId.type', HCX, 'response', 'type', 'string', '202'),
  constraint('DC.body.hosted_connect.name.maxLength', DC, 'body', 'maxLength', 64),
  constraint('DC.body.hosted_connect.bandwidth.maximum', DC, 'body', 'maximum', 400000),
  constraint('DC.path.hosted_connect_id.minLength', DC, 'path', 'minLength', 36),
  constraint('DC.response.200.hosted_connect.vlan.maximum', DC, 'response', 'maximum', 3999, '200'),
  constraint('DC.response.400.error_code.required', DC, 'response', 'required', ['error_code'], '400', 'convention'),
];

type Tri = ConstraintCoverage['boundaryAccepted'];
const COVERAGE_RESULTS: Record<string, [Tri, Tri, ConstraintCoverage['responseHonoured']]> = {
  'HCX.auth': ['n/a', 'pass', 'n/a'],
  'HCX.query.force.enum': ['pass', 'fail', 'n/a'],
  'HCX.query.method.enum': ['pass', 'pass', 'n/a'],
  'HCX.response.202.data.applianceId.type': ['n/a', 'n/a', 'pass'],
  'DC.body.hosted_connect.name.maxLength': ['pass', 'pass', 'n/a'],
  'DC.body.hosted_connect.bandwidth.maximum': ['fail', 'pass', 'n/a'],
  'DC.path.hosted_connect_id.minLength': ['not-run', 'not-run', 'n/a'],
  'DC.response.200.hosted_connect.vlan.maximum': ['n/a', 'n/a', 'fail'],
  'DC.response.400.error_code.required': ['n/a', 'n/a', 'fail'],
};

export const COVERAGE: readonly ConstraintCoverage[] = CATALOGUE.map((c) => {
  const [boundaryAccepted, violationRejected, responseHonoured] = COVERAGE_RESULTS[c.id]!;
  return {
    constraintId: c.id,
    operationId: c.operationId,
    target: TARGET,
    where: c.status ? `${c.where} ${c.status}` : c.where,
    kind: c.kind,
    source: c.source,
    boundaryAccepted,
    violationRejected,
    responseHonoured,
  };
});

function cells(findings: readonly Finding[]): CheckCell[] {
  return [HCX, DC].flatMap((operationId) =>
    CHECKS.map((check): CheckCell => {
      const own = findings.filter((f) => f.operationId === operationId && f.check === check);
      const failed = own.filter((f) => f.severity === 'failure').length;
      const warned = own.length - failed;
      const notApplicable = check === 'not-found' && operationId === DC;
      if (notApplicable) return { operationId, target: TARGET, check, outcome: 'n/a', passed: 0, failed: 0, warned: 0 };
      return { operationId, target: TARGET, check, outcome: failed > 0 ? 'fail' : warned > 0 ? 'warn' : 'pass', passed: 10, failed, warned };
    }),
  );
}

function operation(base: Omit<OperationSummary, 'violations' | 'warnings' | 'verdict'>, findings: readonly Finding[]): OperationSummary {
  const own = findings.filter((f) => f.operationId === base.operationId);
  const violations = own.filter((f) => f.severity === 'failure').length;
  return { ...base, violations, warnings: own.length - violations, verdict: violations > 0 ? 'not-conforming' : 'conforming' };
}

/**
 * A hand-built report of two operations and five findings: three failures (one with a hostile body, one
 * without a response) and two warnings (a `reading` echo rule, a `convention` error body).
 */
export function buildReport(overrides: Partial<RunReport> = {}): RunReport {
  const findings = overrides.findings ?? FINDINGS;
  const violations = findings.filter((f) => f.severity === 'failure').length;
  const verdict: RunVerdict = violations > 0 ? 'not-conforming' : 'conforming';
  return {
    version: REPORT_VERSION,
    tool: { name: 'interconnect-conformance', version: '0.1.0' },
    command: 'run',
    startedAt: '2024-05-01T10:00:00.000Z',
    finishedAt: '2024-05-01T10:00:12.500Z',
    durationMs: 12_500,
    seed: 7,
    interrupted: false,
    summary: { operations: 2, cases: 120, ran: 118, notRun: 2, violations, warnings: findings.length - violations, conforming: verdict === 'conforming', verdict, causes: [], inconclusiveCauses: [] },
    operations: [
      operation(
        {
          operationId: HCX,
          method: 'POST',
          path: '/hybridity/api/interconnect/appliances/{applianceId}/upgrade',
          target: TARGET,
          targetName: TARGET,
          targetNamed: false,
          planned: 50,
          ran: 50,
          notRun: 0,
        },
        findings,
      ),
      operation(
        { operationId: DC, method: 'PUT', path: '/v3/{project_id}/dcaas/hosted-connects/{hosted_connect_id}', target: TARGET, targetName: TARGET, targetNamed: false, planned: 70, ran: 68, notRun: 2 },
        findings,
      ),
    ],
    invocation: {
      embeddedMock: false,
      specs: [],
      fixtures: { hosted_connect_id: '6ec9cfae-1d42-4f46-9f9e-7e2a4c1bc7a1' },
      credentialHeaders: ['X-Auth-Token'],
      token: false,
      allowMutations: true,
    },
    checks: cells(findings),
    coverage: COVERAGE,
    findings,
    occurrences: findings.map((_, i) => (i === 0 ? 3 : 1)),
    notRun: [
      { caseId: 'dc-bnd-id-min', operationId: DC, target: TARGET, intent: 'boundary', reason: 'needs a fixture id: give --fixture hosted_connect_id=...' },
      { caseId: 'dc-inv-id-min', operationId: DC, target: TARGET, intent: 'invalid', reason: 'needs a fixture id: give --fixture hosted_connect_id=...' },
    ],
    catalogue: CATALOGUE,
    ...overrides,
  };
}

export const CAUSES = [
  'updateHostedConnect: every valid request was answered 401: check the X-Auth-Token header sent with --header',
  'upgradeInterconnectAppliance: no valid request was ever accepted (every upgrade answered 422): acceptance could not be verified',
] as const;

/** A run where too little could be tested: no finding, both operations inconclusive, two causes. */
export function inconclusiveReport(): RunReport {
  const base = buildReport({ findings: [], occurrences: [] });
  return {
    ...base,
    summary: { ...base.summary, ran: 4, notRun: 116, conforming: false, verdict: 'inconclusive', causes: [...CAUSES] },
    // As the engine writes them: the run's causes name the operation, each operation's cause does not.
    operations: base.operations.map((o, i) => ({ ...o, verdict: 'inconclusive', cause: CAUSES[i === 0 ? 1 : 0].slice(o.operationId.length + 2) })),
  };
}

/** The named targets of the multi-target report: two regions of the same API. */
export const EU_WEST = { name: 'eu-west', url: 'http://127.0.0.1:4701' } as const;
export const AP_SOUTH = { name: 'ap-south', url: 'http://127.0.0.1:4702' } as const;
const AP_DC_URL = `${AP_SOUTH.url}/v3/0605767b6a00d5b12f8dc00e4d5c2cd1/dcaas/hosted-connects/6ec9cfae-1d42-4f46-9f9e-7e2a4c1bc7a1`;

/** The one inconclusive cause of the multi-target report: DC at eu-west refused the credential. */
export const MULTI_CAUSE = 'every valid request was answered 401: check the X-Auth-Token header sent with --header';

/** A failure only ap-south has (it accepts a bandwidth above the maximum), and a warning HCX has at eu-west. */
export const MULTI_FINDINGS: readonly Finding[] = [
  makeFinding({
    operationId: DC,
    target: AP_SOUTH.name,
    targetUrl: AP_SOUTH.url,
    targetNamed: true,
    check: 'negative-rejection',
    constraintId: 'DC.body.hosted_connect.bandwidth.maximum',
    caseId: 'dc-inv-bandwidth-max',
    intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.bandwidth.maximum', label: 'bandwidth=400001' },
    message: 'bandwidth=400001 breaks DC.body.hosted_connect.bandwidth.maximum but was answered 200',
    request: { method: 'PUT', url: AP_DC_URL, headers: { 'X-Auth-Token': '[REDACTED]' }, bodyText: '{"hosted_connect":{"bandwidth":400001}}' },
    response: { status: 200, contentType: 'application/json', bodyExcerpt: '{"hosted_connect":{"bandwidth":400001}}' },
    curl: `curl -X PUT '${AP_DC_URL}' -H 'X-Auth-Token: [REDACTED]' --data-raw '{"hosted_connect":{"bandwidth":400001}}'`,
    replay: `conformance run --seed 7 --case dc-inv-bandwidth-max --operation ${DC} --target ${DC}=${AP_SOUTH.url}`,
  }),
  makeFinding({
    operationId: HCX,
    target: EU_WEST.name,
    targetUrl: EU_WEST.url,
    targetNamed: true,
    check: 'echo',
    provenance: 'reading',
    severity: 'warning',
    caseId: 'hcx-valid-0',
    message: 'data.applianceId "other" differs from the path id "appl-1"',
    response: { status: 202, contentType: 'application/json', bodyExcerpt: '{"data":{"applianceId":"other"}}' },
    replay: 'conformance run --seed 7 --case hcx-valid-0',
  }),
];

/** Coverage that differs between the regions: ap-south accepts a too-high bandwidth, eu-west never got a 400. */
const MULTI_RESULTS: Readonly<Record<string, Record<string, [Tri, Tri, ConstraintCoverage['responseHonoured']]>>> = {
  [EU_WEST.name]: {
    'HCX.query.force.enum': ['pass', 'pass', 'n/a'],
    'DC.body.hosted_connect.bandwidth.maximum': ['pass', 'pass', 'n/a'],
    'DC.response.200.hosted_connect.vlan.maximum': ['n/a', 'n/a', 'pass'],
    'DC.response.400.error_code.required': ['n/a', 'n/a', 'n/a'],
  },
  [AP_SOUTH.name]: {
    'DC.body.hosted_connect.bandwidth.maximum': ['pass', 'fail', 'n/a'],
    'DC.response.200.hosted_connect.vlan.maximum': ['n/a', 'n/a', 'pass'],
    'DC.response.400.error_code.required': ['n/a', 'n/a', 'pass'],
  },
};

/**
 * A run against two regions: HCX at eu-west only, DC at eu-west and ap-south. DC at ap-south fails
 * (one finding), DC at eu-west is inconclusive (its credential was refused), HCX at eu-west conforms
 * with one warning. Columns of the target × check matrix: HCX @ eu-west, DC @ eu-west, DC @ ap-south.
 */
export function buildMultiTargetReport(): RunReport {
  const findings = MULTI_FINDINGS;
  const columns = [
    { operationId: HCX, target: EU_WEST, method: 'POST', path: '/hybridity/api/interconnect/appliances/{applianceId}/upgrade', planned: 50, ran: 50 },
    { operationId: DC, target: EU_WEST, method: 'PUT', path: '/v3/{project_id}/dcaas/hosted-connects/{hosted_connect_id}', planned: 70, ran: 68 },
    { operationId: DC, target: AP_SOUTH, method: 'PUT', path: '/v3/{project_id}/dcaas/hosted-connects/{hosted_connect_id}', planned: 70, ran: 68 },
  ];
  const at = (operationId: string, target: string) => findings.filter((f) => f.operationId === operationId && f.target === target);
  const inconclusive = (operationId: string, target: string) => operationId === DC && target === EU_WEST.name;
  const operations = columns.map(({ operationId, target, method, path, planned, ran }): OperationSummary => {
    const own = at(operationId, target.name);
    const violations = own.filter((f) => f.severity === 'failure').length;
    const verdict: RunVerdict = violations > 0 ? 'not-conforming' : inconclusive(operationId, target.name) ? 'inconclusive' : 'conforming';
    return {
      operationId,
      method,
      path,
      target: target.url,
      targetName: target.name,
      targetNamed: true,
      planned,
      ran,
      notRun: planned - ran,
      violations,
      warnings: own.length - violations,
      verdict,
      ...(verdict === 'inconclusive' ? { cause: MULTI_CAUSE } : {}),
    };
  });
  const checks = columns.flatMap(({ operationId, target }) =>
    CHECKS.map((check): CheckCell => {
      const own = at(operationId, target.name).filter((f) => f.check === check);
      const failed = own.filter((f) => f.severity === 'failure').length;
      const warned = own.length - failed;
      if (check === 'not-found' && operationId === DC) return { operationId, target: target.name, check, outcome: 'n/a', passed: 0, failed: 0, warned: 0 };
      const passed = inconclusive(operationId, target.name) ? 1 : 10;
      return { operationId, target: target.name, check, outcome: failed > 0 ? 'fail' : warned > 0 ? 'warn' : 'pass', passed, failed, warned };
    }),
  );
  const coverage = columns.flatMap(({ operationId, target }) =>
    COVERAGE.filter((c) => c.operationId === operationId).map((c): ConstraintCoverage => {
      const [boundaryAccepted, violationRejected, responseHonoured] = MULTI_RESULTS[target.name]![c.constraintId] ?? [c.boundaryAccepted, c.violationRejected, c.responseHonoured];
      return { ...c, target: target.name, boundaryAccepted, violationRejected, responseHonoured };
    }),
  );
  const notRun = [EU_WEST, AP_SOUTH].flatMap((target) => [
    { caseId: 'dc-bnd-id-min', operationId: DC, target: target.name, intent: 'boundary', reason: 'needs a fixture id: give --fixture hosted_connect_id=...' },
    { caseId: 'dc-inv-id-min', operationId: DC, target: target.name, intent: 'invalid', reason: 'needs a fixture id: give --fixture hosted_connect_id=...' },
  ]);
  const base = buildReport();
  return {
    ...base,
    summary: {
      operations: operations.length,
      cases: 190,
      ran: 186,
      notRun: notRun.length,
      violations: 1,
      warnings: 1,
      conforming: false,
      verdict: 'not-conforming',
      causes: [`${DC} @ ${EU_WEST.name}: ${MULTI_CAUSE}`],
      inconclusiveCauses: [{ operationId: DC, target: EU_WEST.name, kind: 'credential', text: MULTI_CAUSE }],
    },
    operations,
    checks,
    coverage,
    findings,
    occurrences: findings.map(() => 1),
    notRun,
  };
}
