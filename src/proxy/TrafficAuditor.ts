import { reportedChecks } from '../checks/reportedChecks.ts';
import { runChecks } from '../checks/runChecks.ts';
import { ResultCollector } from '../engine/ResultCollector.ts';
import { RunSession } from '../report/RunSession.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { RunListener } from '../model/RunListener.ts';
import type { RunReport } from '../model/RunReport.ts';
import type { Spec } from '../openapi/Spec.ts';
import { credentialHeaderNames } from '../runner/credentialHeaderNames.ts';
import { redactText } from '../runner/redact.ts';
import { credentialSecrets } from '../runner/credentialSecrets.ts';
import type { ObservedTraffic } from './ObservedTraffic.ts';
import { observedExchange } from './observedExchange.ts';
import { observedOperations } from './observedOperations.ts';
import { operationMatcher } from './operationMatcher.ts';

export interface TrafficAuditorOptions {
  /** Reporters: they get the run's events in order, after the collector. */
  readonly listeners: readonly RunListener[];
  /** Where the traffic went (the upstream, or the HAR's server), shown as each operation's target. */
  readonly target: string;
  /** Recorded in the report (the CLI passes its own; the core does not read it). */
  readonly toolVersion: string;
  /** The command whose report this is (`proxy`, `check-har`). */
  readonly command: 'proxy' | 'check-har';
}

/**
 * Judges traffic the suite did not send: each exchange is matched to a documented operation, redacted,
 * checked as an `observed` case and folded into the same report as a run. Unmatched requests are only
 * counted. Memory stays flat: nothing is kept per exchange beyond the collector's counters.
 */
export class TrafficAuditor {
  private readonly collector: ResultCollector;
  private readonly session: RunSession;
  private readonly match: ReturnType<typeof operationMatcher>;
  private readonly credentialNames: ReadonlySet<string>;
  /** Distinct credential values seen in traffic (a handful: one per client token). */
  private readonly secrets = new Set<string>();
  private readonly toolVersion: string;
  private judged = 0;
  private unmatchedCount = 0;

  constructor(specs: readonly Spec[], options: TrafficAuditorOptions) {
    const operations = observedOperations(specs, options.target);
    this.match = operationMatcher(operations);
    this.credentialNames = credentialHeaderNames(operations.map((p) => p.operation));
    // Observed requests are never replayed by id: the finding's curl sends the same request again.
    this.collector = new ResultCollector(operations, { replayCommand: () => 'resend the request with the curl command above (fill in the credential)', command: options.command });
    this.session = new RunSession([this.collector, ...options.listeners]);
    this.toolVersion = options.toolVersion;
    this.session.onRunStart({ command: options.command, seed: 0, planned: {} });
  }

  /** Requests that matched no documented operation: counted, never judged. */
  get unmatched(): number {
    return this.unmatchedCount;
  }

  /** Requests matched to an operation and judged. */
  get matched(): number {
    return this.judged;
  }

  /**
   * Takes note of the credentials an exchange carries without judging it: a recording known in full
   * (a HAR file) is read once this way first, so a credential is scrubbed also from the entries before
   * the one that first sends it.
   */
  learnCredentials(traffic: ObservedTraffic): void {
    for (const secret of credentialSecrets(traffic.requestHeaders, this.credentialNames)) this.secrets.add(secret);
  }

  /**
   * Judges one exchange. Returns its result (none when no documented operation matched) and the
   * request's URL with every credential scrubbed, safe to log.
   */
  observe(traffic: ObservedTraffic): { readonly result?: CaseResult; readonly url: string } {
    // A credential seen once is scrubbed from everything after, also where a client puts it in a URL.
    this.learnCredentials(traffic);
    const match = this.match(traffic.method, new URL(traffic.url).pathname);
    if (!match) {
      this.unmatchedCount += 1;
      return { url: redactText(traffic.url, this.secrets) };
    }
    this.judged += 1;
    const exchange = observedExchange(traffic, match, this.judged, this.credentialNames, this.secrets);
    const { prepared } = match;
    const verdicts = runChecks(exchange, { operation: prepared.operation, validators: prepared.validators, expectations: prepared.expectations }, prepared.constraints);
    const result: CaseResult = { status: 'ran', case: exchange.case, exchange, verdicts };
    this.collector.addPlanned(prepared.operation.operationId, 1);
    this.session.onCaseResult(result);
    return { result, url: exchange.sent.url };
  }

  /** Builds the report and lets every reporter write it; the first reporter that fails is rethrown. */
  async finish(options: { readonly interrupted: boolean; readonly stopReason?: string }): Promise<RunReport> {
    const report = this.collector.report({
      interrupted: options.interrupted,
      ...(options.stopReason ? { stopReason: options.stopReason } : {}),
      checkNames: reportedChecks(undefined),
      toolVersion: this.toolVersion,
    });
    return this.session.finish(report);
  }
}
