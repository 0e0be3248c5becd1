import { describe, expect, it } from 'vitest';
import { severityPolicy } from '../../src/report/severityPolicy.ts';
import { verdictOf } from '../../src/report/verdictOf.ts';

describe('verdictOf', () => {
  const none = { failures: 0, inconclusive: false, interrupted: false };
  it('lets a failure decide, whatever else holds', () => {
    for (const scope of ['run', 'operation'] as const) expect(verdictOf({ failures: 1, inconclusive: true, interrupted: true }, scope)).toBe('not-conforming');
  });
  it('calls a run without failure, cause or interruption conforming', () => {
    expect(verdictOf(none, 'run')).toBe('conforming');
    expect(verdictOf(none, 'operation')).toBe('conforming');
  });
  it('says an interrupted run was interrupted before listing causes, and an operation with a cause inconclusive', () => {
    const both = { failures: 0, inconclusive: true, interrupted: true };
    expect(verdictOf(both, 'run')).toBe('interrupted');
    expect(verdictOf(both, 'operation')).toBe('inconclusive');
    expect(verdictOf({ ...none, interrupted: true }, 'operation')).toBe('interrupted');
    expect(verdictOf({ ...none, inconclusive: true }, 'run')).toBe('inconclusive');
  });
});

describe('severityPolicy', () => {
  const verdict = { check: 'echo', outcome: 'fail' as const, message: 'm', constraintId: 'C', provenance: 'reading' as const };
  it('follows the provenance, then an override by check, then one by constraint, and --strict over all', () => {
    expect(severityPolicy(verdict, {}, false)).toBe('warning');
    expect(severityPolicy({ ...verdict, provenance: 'page' }, {}, false)).toBe('failure');
    expect(severityPolicy(verdict, { echo: 'failure' }, false)).toBe('failure');
    expect(severityPolicy({ ...verdict, provenance: 'page' }, { echo: 'failure', C: 'warning' }, false)).toBe('warning');
    expect(severityPolicy({ ...verdict, provenance: 'page' }, { C: 'warning' }, true)).toBe('failure');
  });
});
