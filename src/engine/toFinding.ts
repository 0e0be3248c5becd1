import type { Exchange } from '../model/Exchange.ts';
import type { Finding } from '../model/Finding.ts';
import type { Severity } from '../model/Provenance.ts';
import type { TargetIdentity } from '../model/targetName.ts';
import type { Verdict } from '../model/Verdict.ts';
import { findingKey } from '../model/findingKey.ts';
import { toCurl } from '../runner/toCurl.ts';

const EXCERPT = 2_000;

/**
 * Turns a failing verdict (its provenance set by runChecks) into a finding at the named target: the
 * redacted request, the response excerpt, curl and replay.
 */
export function toFinding(exchange: Exchange, verdict: Verdict, replayCommand: string, severity: Severity, target: TargetIdentity): Finding {
  const { case: testCase, response, failure } = exchange;
  const finding: Omit<Finding, 'key'> = {
    operationId: testCase.operationId,
    target: target.name,
    targetUrl: target.url,
    targetNamed: target.named,
    check: verdict.check,
    ...(verdict.constraintId ? { constraintId: verdict.constraintId } : {}),
    provenance: verdict.provenance ?? 'page',
    severity,
    caseId: testCase.id,
    ...(testCase.sequence ? { sequence: testCase.sequence.id } : testCase.replaysSequence ? { sequence: testCase.replaysSequence } : {}),
    intent: testCase.intent,
    message: verdict.message,
    request: exchange.sent,
    ...(response
      ? {
          response: {
            status: response.status,
            ...(response.headers['content-type'] ? { contentType: response.headers['content-type'] } : {}),
            bodyExcerpt: response.bodyText.length > EXCERPT ? `${response.bodyText.slice(0, EXCERPT)}…` : response.bodyText,
          },
        }
      : {}),
    ...(failure ? { failure: { kind: failure.kind, message: failure.message } } : {}),
    curl: toCurl(exchange.sent),
    seed: testCase.seed,
    replay: replayCommand,
  };
  return { key: findingKey(finding), ...finding };
}
