import type { ConformanceError } from '../errors/ConformanceError.ts';
import type { RunReport } from '../model/RunReport.ts';
import { compareWithBaseline } from '../regression/compareWithBaseline.ts';
import { shouldFail, type FailOn } from '../regression/shouldFail.ts';
import { EXIT_ERROR, EXIT_INCONCLUSIVE, EXIT_OK, EXIT_VIOLATIONS } from './exitCodes.ts';
import type { MainIo } from './MainIo.ts';

/**
 * The exit code of a finished report, the same for every command that judges a server (run, replay,
 * merge, verify-pacts, proxy, check-har), with the one stderr line an interrupted or inconclusive end
 * gets: 1 when failures count (all, or with a baseline only those `--fail-on` names; warnings never), 2
 * when it stopped early without one, 3 when some part could not be tested enough to say, else 0.
 */
export function exitCodeOf(report: RunReport, io: MainIo, regression?: { readonly baseline: RunReport; readonly failOn: FailOn }): number {
  const failures = (r: RunReport): RunReport => ({ ...r, findings: r.findings.filter((f) => f.severity === 'failure') });
  const violating = regression ? shouldFail(compareWithBaseline(failures(report), failures(regression.baseline)), regression.failOn) : report.summary.violations > 0;
  if (violating) return EXIT_VIOLATIONS;
  if (report.interrupted) {
    io.err(`conformance: the run stopped early (${report.stopReason ?? 'interrupted'}); the reports cover what ran [${'CONF_ERR_INTERRUPTED' satisfies ConformanceError['code']}]\n`);
    return EXIT_ERROR;
  }
  // Failures a baseline already knows do not hide a part of the run that could not be tested (a region
  // whose token was refused): the run still could not say what it was asked to.
  const { causes } = report.summary;
  if (report.summary.verdict === 'inconclusive' || causes.length > 0) {
    const more = causes.length > 1 ? ` (and ${causes.length - 1} more in the report)` : '';
    io.err(`conformance: INCONCLUSIVE: ${causes[0] ?? 'too little could be tested'}${more}\n`);
    return EXIT_INCONCLUSIVE;
  }
  return EXIT_OK;
}
