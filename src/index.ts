/**
 * The programmatic API (`import { runConformance } from 'interconnect-conformance'`): what the CLI does,
 * callable from a test runner. Nothing here prints or exits; the report is returned as data.
 */
import { startMockServer } from '../mock/startMockServer.ts';
import type { MockOptions, MockServer } from '../mock/MockOptions.ts';
import { buildCatalogue } from './catalogue/buildCatalogue.ts';
import type { ConformanceConfig } from './config/ConformanceConfig.ts';
import { loadConfigFile, resolveConfig } from './config/resolveConfig.ts';
import { runConformance as runEngine, type RunHooks } from './engine/runConformance.ts';
import type { Constraint } from './model/Constraint.ts';
import type { RunReport } from './model/RunReport.ts';
import { loadSpecs } from './openapi/loadSpecs.ts';

export type { ConformanceConfig, ReportFormat, ReportSpec } from './config/ConformanceConfig.ts';
export type { RunHooks } from './engine/runConformance.ts';
export type { CaseResult } from './model/CaseResult.ts';
export type { Constraint } from './model/Constraint.ts';
export type { Exchange, SentRequest, RecordedResponse } from './model/Exchange.ts';
export type { Finding } from './model/Finding.ts';
export type { Provenance, Severity } from './model/Provenance.ts';
export type { RunListener, RunStart } from './model/RunListener.ts';
export type { CheckCell, OperationSummary, Relaxation, RunReport, RunVerdict, UnverifiedBoundary } from './model/RunReport.ts';
export type { CauseKind, ReportCause } from './model/ReportCause.ts';
export type { MockOptions, MockServer } from '../mock/MockOptions.ts';

/** Settings of a run: any field of the configuration (the rest defaults as on the CLI), and a config file to read first. */
export type RunSettings = Partial<ConformanceConfig>;

/**
 * One conformance run, as `conformance run` does it: `configFile` (if given) under the settings given
 * here, the embedded mock when no target is named. Resolves to the report, whatever the verdict; rejects
 * only with a ConformanceError (bad settings, unreachable target).
 */
export async function runConformance(settings: RunSettings = {}, hooks: Partial<RunHooks> = {}): Promise<RunReport> {
  const file =
    settings.configFile === undefined ? {} : await loadConfigFile(settings.configFile, { ...(settings.targetNames ? { onlyTargets: settings.targetNames } : {}), dryRun: settings.dryRun === true });
  return runEngine(resolveConfig(file, settings), { reporters: [], embeddedTarget: startMockServer, ...hooks });
}

/** Every constraint the suite derives from the OpenAPI documents (default: the shipped ones). */
export async function loadCatalogue(specFiles: readonly string[] = []): Promise<Constraint[]> {
  return (await loadSpecs(specFiles)).flatMap((spec) => buildCatalogue(spec));
}

/** Starts the embedded mock of both APIs on loopback; `close()` it when done. */
export function startMock(options: MockOptions = {}): Promise<MockServer> {
  return startMockServer(options);
}
