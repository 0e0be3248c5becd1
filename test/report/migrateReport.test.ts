import { describe, expect, it } from 'vitest';
import { REPORT_VERSION } from '../../src/model/RunReport.ts';
import { MIGRATIONS, migrateReport } from '../../src/report/migrateReport.ts';
import { v1ToV2 } from '../../src/report/migrations/v1ToV2.ts';
import { validateReport } from '../../src/regression/validateReport.ts';
import { buildMultiTargetReport, buildReport, DC, EU_WEST, MULTI_CAUSE } from '../reporters/fixtures.ts';

/** A report as version 1 wrote it: no causes as data. */
function asVersion1(report: ReturnType<typeof buildReport>): Record<string, unknown> {
  const { inconclusiveCauses: _causes, ...summary } = report.summary;
  return { ...report, version: 1, summary };
}

describe('report migrations', () => {
  it('has one migration per version step up to this version', () => {
    expect(MIGRATIONS).toHaveLength(REPORT_VERSION - 1);
  });

  it('v1 to v2: reads each cause line back as data (operation, target, text)', () => {
    const current = buildMultiTargetReport();
    const old = asVersion1(current);
    expect(validateReport(old)).toMatchObject({ ok: false });
    const migrated = v1ToV2(old);
    expect(migrated.version).toBe(2);
    expect((migrated.summary as { inconclusiveCauses: unknown }).inconclusiveCauses).toEqual([{ operationId: DC, target: EU_WEST.name, kind: 'not-run', text: MULTI_CAUSE }]);
    expect(validateReport(migrated)).toMatchObject({ ok: true });
  });

  it('v1 to v2: a line that names no operation is about the whole run', () => {
    const old = asVersion1(buildReport());
    const migrated = v1ToV2({ ...old, summary: { ...(old.summary as object), causes: ['no case ran: nothing was tested'] } });
    expect((migrated.summary as { inconclusiveCauses: unknown }).inconclusiveCauses).toEqual([{ kind: 'nothing-ran', text: 'no case ran: nothing was tested' }]);
  });

  it('leaves a report of this version, a later one and a non-report alone', () => {
    const current = buildReport();
    expect(migrateReport(current)).toBe(current);
    const later = { ...current, version: REPORT_VERSION + 1 };
    expect(migrateReport(later)).toBe(later);
    expect(migrateReport([1])).toEqual([1]);
    expect(migrateReport(asVersion1(current))).toEqual(JSON.parse(JSON.stringify(current)));
  });
});
