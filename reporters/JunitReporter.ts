import junitModule, { type Builder } from 'junit-report-builder';
import type { Finding } from '../src/model/Finding.ts';
import type { RunReport } from '../src/model/RunReport.ts';
import type { FileReporterOptions } from './FileReporterOptions.ts';
import type { Reporter } from './Reporter.ts';
import { ReportFiles } from './ReportFiles.ts';
import { truncate } from './truncate.ts';

// The package is CommonJS with an `exports.default`: depending on the loader the builder is the default
// import itself or sits under `.default`.
const junit = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as Builder;

/** XML 1.0 cannot carry these characters at all, escaped or not; a server can still send them. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

function details(f: Finding): string {
  const lines = [f.message, '', `case: ${f.caseId} (${f.intent.kind}: ${f.intent.label}), seed ${f.seed}`, `request: ${f.request.method} ${f.request.url}`];
  for (const [name, value] of Object.entries(f.request.headers)) lines.push(`  ${name}: ${value}`);
  if (f.request.bodyText !== undefined) lines.push(`  ${truncate(f.request.bodyText, 1_000)}`);
  if (f.response) lines.push(`response: ${f.response.status} ${f.response.contentType ?? ''}`.trimEnd(), `  ${truncate(f.response.bodyExcerpt, 1_000)}`);
  if (f.failure) lines.push(`failure: ${f.failure.kind}: ${f.failure.message}`);
  lines.push(`curl: ${f.curl}`, `replay: ${f.replay}`);
  return xmlSafe(lines.join('\n'));
}

/**
 * Writes JUnit XML for CI test tabs: one suite per operation, one test case per check (failed when the
 * check has a finding) and one per request constraint of the catalogue (failed when its boundary was not
 * accepted or its violation not rejected; skipped when never exercised). Escaping is the builder's job.
 */
export class JunitReporter implements Reporter {
  private readonly files: ReportFiles;

  constructor(private readonly options: FileReporterOptions) {
    this.files = options.files ?? new ReportFiles();
  }

  static render(report: RunReport): string {
    const builder = junit.newBuilder().name(xmlSafe(`${report.tool.name} ${report.command}`));
    for (const op of report.operations) {
      const suite = builder.testSuite().name(xmlSafe(op.operationId)).timestamp(report.startedAt);
      suite.property('method', op.method).property('path', xmlSafe(op.path)).property('target', xmlSafe(op.target)).property('seed', String(report.seed));
      for (const cell of report.checks.filter((c) => c.operationId === op.operationId)) {
        const testCase = suite.testCase().className(xmlSafe(op.operationId)).name(xmlSafe(`check ${cell.check}`));
        const findings = report.findings.filter((f) => f.operationId === op.operationId && f.check === cell.check);
        if (findings.length > 0) {
          const first = findings[0]!;
          const summary = findings.length === 1 ? first.message : `${findings.length} distinct violations; first: ${first.message}`;
          testCase.failure(xmlSafe(truncate(summary, 500)), cell.check);
          testCase.standardOutput(findings.map(details).join('\n\n----\n\n'));
        } else if (cell.outcome === 'n/a') {
          testCase.skipped();
        }
      }
      for (const cov of report.coverage.filter((c) => c.operationId === op.operationId && !c.where.startsWith('response'))) {
        const testCase = suite.testCase().className(xmlSafe(op.operationId)).name(xmlSafe(`constraint ${cov.constraintId}`));
        const failures = [
          cov.boundaryAccepted === 'fail' ? 'a value at the boundary was not accepted' : '',
          cov.violationRejected === 'fail' ? 'a request breaking it was not rejected' : '',
        ].filter(Boolean);
        const ran = [cov.boundaryAccepted, cov.violationRejected].some((r) => r === 'pass' || r === 'fail');
        if (failures.length > 0) {
          testCase.failure(xmlSafe(`${cov.constraintId}: ${failures.join('; ')}`), 'constraint');
          const related = report.findings.filter((f) => f.operationId === op.operationId && f.constraintId === cov.constraintId);
          if (related.length > 0) testCase.standardOutput(related.map(details).join('\n\n----\n\n'));
        } else if (!ran) {
          testCase.skipped();
        }
      }
    }
    return builder.build();
  }

  async onRunEnd(report: RunReport): Promise<void> {
    await this.files.write(this.options.path, () => JunitReporter.render(report));
  }
}
