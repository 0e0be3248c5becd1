import { beforeAll, describe, expect, it } from 'vitest';
import { checkRegistry } from '../../src/checks/registry.ts';
import { runChecks } from '../../src/checks/runChecks.ts';
import type { CaseIntent } from '../../src/model/Case.ts';
import { contextFor, exchangeFor, loadSubjects, mutate, type ExchangeSpec, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

const ARCHITECTURE_NAMES = [
  'transport',
  'not-server-error',
  'status-documented',
  'content-type',
  'response-schema',
  'positive-acceptance',
  'negative-rejection',
  'auth-required',
  'not-found',
  'tenant-isolation',
  'echo',
  'persistence',
  'mass-assignment',
  'request-valid',
  'success-errors',
  'task-ends',
  'task-known',
  'task-states',
  'late-validation',
  'max-response-time',
];

function run(subject: Subject, spec: ExchangeSpec = {}, skipChecks: string[] = []) {
  return runChecks(exchangeFor(subject, spec), { ...contextFor(subject, { skipChecks }), catalogue: undefined }, subject.catalogue);
}

describe('checkRegistry', () => {
  it('holds every documented check once, under its own name, in a stable order', () => {
    expect([...checkRegistry.keys()]).toEqual(ARCHITECTURE_NAMES);
    for (const [name, check] of checkRegistry) expect(check.name).toBe(name);
  });
});

describe('runChecks', () => {
  const noAuth = (id: string): CaseIntent => ({ kind: 'no-auth', constraintId: id, label: 'no credential' });
  const correct: Array<[string, 'hcx' | 'dc', ExchangeSpec]> = [
    ['HCX valid → documented 202', 'hcx', {}],
    ['HCX no credential → empty 401', 'hcx', { intent: noAuth('HCX.auth'), status: 401, text: '' }],
    ['HCX unknown appliance → empty 404', 'hcx', { intent: { kind: 'unknown-resource', label: 'unknown' }, status: 404, text: '' }],
    [
      'HCX force=maybe → 400 envelope',
      'hcx',
      {
        intent: { kind: 'invalid', constraintId: 'HCX.query.force.enum', label: 'force=maybe' },
        request: { query: { force: 'maybe' } },
        status: 400,
        json: { errors: [{ code: 'E', message: 'bad force' }] },
      },
    ],
    ['DC valid → documented 200', 'dc', {}],
    ['DC no credential → APIGW 401', 'dc', { intent: noAuth('DC.auth'), status: 401, json: { error_code: 'APIGW.0301', error_msg: 'x' } }],
    ['DC unknown connection → 400 DC.0002', 'dc', { intent: { kind: 'unknown-resource', label: 'unknown' }, status: 400, json: { error_code: 'DC.0002', error_msg: 'x' } }],
  ];
  it.each(correct)('%s: no failure', (_label, which, spec) => {
    const verdicts = run(which === 'hcx' ? hcx : dc, spec);
    expect(verdicts.filter((v) => v.outcome === 'fail')).toEqual([]);
    expect(verdicts.some((v) => v.outcome === 'pass')).toBe(true);
  });

  it('collects the failures of several checks on one broken exchange', () => {
    const verdicts = run(dc, { json: mutate(dc.example, (b) => (b.hosted_connect.vlan = 4000)), status: 201 });
    const failed = verdicts.filter((v) => v.outcome === 'fail').map((v) => `${v.check}${v.constraintId ? `/${v.constraintId}` : ''}`);
    expect(failed).toEqual(['status-documented']);
    const onDocumented = run(dc, { json: mutate(dc.example, (b) => (b.hosted_connect.vlan = 4000)) });
    expect(onDocumented.filter((v) => v.outcome === 'fail').map((v) => v.constraintId)).toEqual(['DC.response.200.hosted_connect.vlan.maximum']);
  });

  it('passes the catalogue to the checks (response-schema names the constraint)', () => {
    const verdicts = run(hcx, { json: mutate(hcx.example, (b) => (b.data.interconnectTaskId = 7)) });
    expect(verdicts.find((v) => v.outcome === 'fail')).toMatchObject({ check: 'response-schema', constraintId: 'HCX.response.202.data.interconnectTaskId.type' });
  });

  it('does not run the checks the operation skips', () => {
    const spec: ExchangeSpec = { status: 200 };
    expect(
      run(hcx, spec)
        .filter((v) => v.outcome === 'fail')
        .map((v) => v.check),
    ).toEqual(['status-documented']);
    const skipped = run(hcx, spec, ['status-documented']);
    expect(skipped.some((v) => v.check === 'status-documented')).toBe(false);
    expect(skipped.filter((v) => v.outcome === 'fail')).toEqual([]);
    expect(skipped.some((v) => v.check === 'positive-acceptance' && v.outcome === 'pass')).toBe(true);
  });

  it('reports a transport failure once, through the transport check', () => {
    const verdicts = run(dc, { failure: { kind: 'timeout', message: 'no answer in 10s', durationMs: 10_000 } });
    expect(verdicts).toEqual([expect.objectContaining({ check: 'transport', outcome: 'fail' })]);
  });
});
