import { createRequire } from 'node:module';
import type { Builder, TestCase, TestSuite } from 'junit-report-builder';
import { causeLine } from '../src/model/causeLine.ts';
import type { Finding } from '../src/model/Finding.ts';
import type { RunReport } from '../src/model/RunReport.ts';
import { brokenSeverity } from './brokenSeverity.ts';
import type { FileReporterOptions } from './FileReporterOptions.ts';
import type { RunListener } from '../src/model/RunListener.ts';
import { ReportColumns } from './ReportColumns.ts';
import { ReportFiles } from './ReportFiles.ts';
import { truncate } from './truncate.ts';
import { unverifiedText } from './verdictNotes.ts';

// The package is CommonJS with an `exports.default`: the builder is the module itself or sits under
// `.default`. Loaded when a report is written, not before a run's first request.
const require = createRequire(import.meta.url);
let junitBuilder: Builder | undefined;
function junit(): Builder {
  if (!junitBuilder) {
    const loaded = require('junit-report-builder') as Builder & { default?: Builder };
    junitBuilder = loaded.default ?? loaded;
  }
  return junitBuilder;
}

/** XML 1.0 cannot carry these characters at all, escaped or not; a server can still send them. */

const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

function details(f: Finding): string {
  const lines = [`${f.severity} [${f.provenance}]: ${f.message}`, '', `case: ${f.caseId} (${f.intent.kind}: ${f.intent.label}), seed ${f.seed}`, `request: ${f.request.method} ${f.request.url}`];
  for (const [name, value] of Object.entries(f.request.headers)) lines.push(`  ${name}: ${value}`);
  if (f.request.bodyText !== undefined) lines.push(`  ${truncate(f.request.bodyText, 1_000)}`);
  if (f.response) lines.push(`response: ${f.response.status} ${f.response.contentType ?? ''}`.trimEnd(), `  ${truncate(f.response.bodyExcerpt, 1_000)}`);
  if (f.failure) lines.push(`failure: ${f.failure.kind}: ${f.failure.message}`);
  lines.push(`curl: ${f.curl}`, `replay: ${f.replay}`);
  return xmlSafe(lines.join('\n'));
}

function summaryOf(findings: readonly Finding[], noun: string): string {
  const first = findings[0]!;
  return findings.length === 1 ? first.message : `${findings.length} distinct ${noun}; first: ${first.message}`;
}

/**
 * A warning is a skipped test case whose `message` dashboards show (Jenkins, GitLab, Azure): seen, and
 * not failing the build. The builder writes a bare `<skipped/>`, so the message is added to the element
 * it builds (attribute values are escaped by the XML builder like every other).
 */
function warn(testCase: TestCase, findings: readonly Finding[]): void {
  const first = findings[0]!;
  skipWith(testCase, `warning [${first.provenance}]: ${summaryOf(findings, 'warnings')}`);
}

/** A skipped test case with a message (a warning, an unverified boundary, a relaxed rule). */
function skipWith(testCase: TestCase, text: string): void {
  const message = xmlSafe(truncate(text, 500));
  testCase.skipped();
  const build = testCase.build.bind(testCase);
  testCase.build = (parent) => {
    const element = build(parent);
    for (const child of element.children) if ('name' in child && child.name === 'skipped' && 'att' in child) child.att('message', message);
    return element;
  };
}

/**
 * Fills a test case from the findings behind it: any failure fails it (<failure>); warnings only make
 * it a skipped case with a message; either way <system-out> carries every finding's details.
 */
function judge(testCase: TestCase, findings: readonly Finding[], type: string, failureMessage?: string): void {
  const failures = findings.filter((f) => f.severity === 'failure');
  if (failures.length > 0 || failureMessage !== undefined) testCase.failure(xmlSafe(truncate(failureMessage ?? summaryOf(failures, 'violations'), 500)), type);
  else if (findings.length > 0) warn(testCase, findings);
  if (findings.length > 0) testCase.standardOutput(findings.map(details).join('\n\n----\n\n'));
}

/** An inconclusive verdict is an <error>: a CI tab must not show it green. */
function inconclusive(suite: TestSuite, className: string, name: string, cause: string): void {
  suite
    .testCase()
    .className(xmlSafe(className))
    .name(xmlSafe(name))
    .error(xmlSafe(`inconclusive: ${cause}`), 'inconclusive');
}

/**
 * Writes JUnit XML for CI test tabs: one suite per operation (per `operation @ target` when an operation
 * went to several targets; properties `target`, the URL, and `targetName`), one test case per check (failed when the
 * check has a failure, skipped with a `warning [provenance]: …` message when it has only warnings) and
 * one per request constraint of the catalogue (failed when its boundary was not accepted or its violation
 * not rejected, unless every finding about it is a warning; skipped when never exercised, with the
 * reason when a documented state conflict left its boundary unverified). Each rule the configuration
 * relaxed is a skipped case of a `relaxed by the configuration` suite. An
 * inconclusive operation gets an `operation verdict` case with an <error>; causes of an inconclusive
 * run that no operation states go into a `run verdict` suite, one errored case each. Escaping is the
 * builder's job.
 */
export class JunitReporter implements RunListener {
  private readonly files: ReportFiles;

  constructor(private readonly options: FileReporterOptions) {
    this.files = options.files ?? new ReportFiles();
  }

  static render(report: RunReport): string {
    const builder = junit()
      .newBuilder()
      .name(xmlSafe(`${report.tool.name} ${report.command}`));
    const columns = new ReportColumns(report);
    for (const op of report.operations) {
      // The suite's name is the test cases' class name too: CI tabs group by it.
      const name = xmlSafe(columns.label(op.operationId, op.targetName));
      const suite = builder.testSuite().name(name).timestamp(report.startedAt);
      suite
        .property('method', op.method)
        .property('path', xmlSafe(op.path))
        .property('target', xmlSafe(op.target))
        .property('targetName', xmlSafe(op.targetName))
        .property('seed', String(report.seed));
      if (op.verdict === 'inconclusive') inconclusive(suite, name, 'operation verdict', op.cause ?? 'too little could be tested to judge');
      const own = report.findings.filter((f) => columns.holds(op, f));
      for (const cell of report.checks.filter((c) => columns.holds(op, c))) {
        const testCase = suite
          .testCase()
          .className(name)
          .name(xmlSafe(`check ${cell.check}`));
        const findings = own.filter((f) => f.check === cell.check);
        judge(testCase, findings, cell.check);
        if (findings.length === 0 && cell.outcome === 'n/a') testCase.skipped();
      }
      for (const cov of report.coverage.filter((c) => columns.holds(op, c) && !c.where.startsWith('response'))) {
        const testCase = suite
          .testCase()
          .className(name)
          .name(xmlSafe(`constraint ${cov.constraintId}`));
        const broken = [cov.boundaryAccepted === 'fail' ? 'a value at the boundary was not accepted' : '', cov.violationRejected === 'fail' ? 'a request breaking it was not rejected' : ''].filter(
          Boolean,
        );
        const related = own.filter((f) => f.constraintId === cov.constraintId);
        const ran = [cov.boundaryAccepted, cov.violationRejected].some((r) => r === 'pass' || r === 'fail');
        const failure = brokenSeverity(report, cov) === 'failure' ? `${cov.constraintId}: ${broken.join('; ')}` : undefined;
        const unverified = report.unverifiedBoundaries?.find((u) => u.constraintId === cov.constraintId && columns.holds(op, u));
        if (broken.length > 0) judge(testCase, related, 'constraint', failure);
        else if (unverified) skipWith(testCase, `boundary unverified: ${unverifiedText(unverified)}`);
        else if (!ran) testCase.skipped();
      }
    }
    // A run-level cause repeats an operation's, alone or prefixed with the operation id (and target): that one is in its suite already.
    const stated = new Set(
      report.operations.flatMap((o) => (o.verdict === 'inconclusive' && o.cause ? [o.cause, causeLine(o.operationId, undefined, o.cause), causeLine(o.operationId, o.targetName, o.cause)] : [])),
    );
    const causes = report.summary.verdict === 'inconclusive' ? report.summary.causes.filter((c) => !stated.has(c)) : [];
    if (report.summary.verdict === 'inconclusive' && causes.length === 0 && stated.size === 0) causes.push('too little could be tested to judge');
    if (causes.length > 0) {
      const suite = builder.testSuite().name('run verdict').timestamp(report.startedAt);
      causes.forEach((cause, i) => inconclusive(suite, 'run verdict', `cause ${i + 1}`, cause));
    }
    // What the configuration relaxed: visible in the CI tab, never green and never failing.
    if ((report.relaxations ?? []).length > 0) {
      const suite = builder.testSuite().name('relaxed by the configuration').timestamp(report.startedAt);
      for (const r of report.relaxations ?? [])
        skipWith(
          suite
            .testCase()
            .className('relaxed by the configuration')
            .name(xmlSafe(`${r.operationId} ${r.kind} ${r.rule}`)),
          `relaxed: ${r.text}`,
        );
    }
    return builder.build();
  }

  async onRunEnd(report: RunReport): Promise<void> {
    await this.files.write(this.options.path, () => JunitReporter.render(report));
  }
}
