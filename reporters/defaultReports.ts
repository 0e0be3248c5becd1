import { join } from 'node:path';
import type { ReportFormat, ReportSpec } from '../src/config/ConformanceConfig.ts';

/** File name of each file format inside the report folder. */
const FILE_NAMES: Readonly<Record<Exclude<ReportFormat, 'console'>, string>> = {
  json: 'report.json',
  junit: 'junit.xml',
  md: 'summary.md',
  html: 'report.html',
  har: 'run.har',
};

/**
 * The reports of a run: with no `--report`, every format into `reportDir` (report.json, junit.xml,
 * summary.md, report.html); otherwise the ones asked for, a missing path defaulting to the same names.
 * The console report is always there: it is what prints the verdict and the paths of the files.
 */
export function defaultReports(specs: readonly ReportSpec[], reportDir: string): ReportSpec[] {
  const asked: readonly ReportSpec[] = specs.length > 0 ? specs : (['json', 'junit', 'md', 'html'] as const).map((format) => ({ format }));
  const resolved = asked.map((spec): ReportSpec => {
    if (spec.format === 'console' || spec.path !== undefined) return spec;
    const name = (FILE_NAMES as Readonly<Record<string, string>>)[spec.format];
    // An unknown format keeps no path: createReporters rejects it by name.
    return name ? { format: spec.format, path: join(reportDir, name) } : spec;
  });
  return resolved.some((s) => s.format === 'console') ? resolved : [...resolved, { format: 'console' }];
}
