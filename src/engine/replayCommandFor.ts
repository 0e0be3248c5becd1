import { DEFAULT_CONFIG } from '../config/ConformanceConfig.ts';
import type { RunInvocation } from '../model/RunReport.ts';
import { REDACTED } from '../runner/redact.ts';
import { isLoopback } from '../runner/isLoopback.ts';
import { credentialFlags } from './credentialFlags.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { shellQuote, shellQuoteExpanding } from '../runner/shellQuote.ts';
import { jsonText } from '../openapi/jsonText.ts';

/** The base URL with the secret of its userinfo (the password, or a lone user token) as a placeholder. */
function withoutUserinfoSecret(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    if (url.password !== '') url.password = 'SECRET';
    else if (url.username !== '') url.username = 'SECRET';
    else return baseUrl;
    return url.href.replace(/\/+$/, '').replace(/(?<=[/:])SECRET@/, '$SECRET@');
  } catch {
    return baseUrl;
  }
}

/** The embedded mock's settings as the flags that start the same mock again. */
function mockFlags(mock: RunInvocation['mock']): string[] {
  if (!mock) return [];
  return [
    ...(mock.fault !== undefined ? [`--mock-fault ${shellQuote(mock.fault)}`] : []),
    ...(mock.mutant !== undefined ? [`--mock-mutant ${shellQuote(mock.mutant)}`] : []),
    ...(mock.latencyMs !== undefined ? [`--mock-latency ${mock.latencyMs}`] : []),
    ...(mock.rateLimit !== undefined ? [`--mock-rate-limit ${mock.rateLimit}`] : []),
    ...(mock.chaos !== undefined ? [`--mock-chaos ${shellQuote(mock.chaos)}`] : []),
    ...(mock.taskDurationMs !== undefined ? [`--mock-task-duration ${mock.taskDurationMs}`] : []),
  ];
}

/**
 * What decides the verdict besides the target, as flags where the run differed from the defaults: a case
 * that timed out under `--timeout 50` passes under the default, a warning fails only under `--strict`.
 * A config file is named on the line anyway, so timeouts only it could set apart are left to it.
 */
function verdictFlags(invocation: RunInvocation): string[] {
  const { timeouts, retries, maxResponseBytes } = invocation;
  const defaults = DEFAULT_CONFIG;
  return [
    ...(invocation.strict ? ['--strict'] : []),
    ...(timeouts && timeouts.headersMs === timeouts.bodyMs && timeouts.headersMs !== defaults.timeouts.headersMs ? [`--timeout ${timeouts.headersMs}`] : []),
    ...(timeouts && timeouts.connectMs !== defaults.timeouts.connectMs ? [`--connect-timeout ${timeouts.connectMs}`] : []),
    ...(retries !== undefined && retries !== defaults.retries ? [`--retries ${retries}`] : []),
    ...(maxResponseBytes !== undefined && maxResponseBytes !== defaults.maxResponseBytes ? [`--max-response-bytes ${maxResponseBytes}`] : []),
    // A task that outlived a short deadline fails under it and may pass under the document's own.
    ...(invocation.taskDeadlineMs !== undefined ? [`--task-deadline ${invocation.taskDeadlineMs}`] : []),
  ];
}

/** What the run was kept from sending: a replay keeps to it. */
function safetyFlags(invocation: RunInvocation): string[] {
  return [
    ...Object.entries(invocation.onlyValues ?? {}).flatMap(([input, values]) => values.map((v) => `--only-value ${shellQuote(`${input}=${jsonText(v)}`)}`)),
    ...(invocation.maxAccepted !== undefined ? [`--max-accepted ${invocation.maxAccepted}`] : []),
  ];
}

/** How the run reached its own server: TLS and proxy (a proxy password as a placeholder). */
function transportFlags(invocation: RunInvocation): string[] {
  return [
    ...(invocation.insecure ? ['--insecure'] : []),
    ...(invocation.caFile !== undefined ? [`--ca-file ${shellQuote(invocation.caFile)}`] : []),
    ...(invocation.proxy !== undefined ? [`--proxy ${shellQuoteExpanding(invocation.proxy.replace(REDACTED, '$PROXY_SECRET'), ['PROXY_SECRET'])}`] : []),
    ...(invocation.resolve ?? []).map((entry) => `--resolve ${shellQuote(entry)}`),
  ];
}

/**
 * The command that re-sends one case, runnable as printed once its credential variables (`$TOKEN`) are exported: same
 * seed, case id and operation, same target (or the same embedded mock settings), every fixture, document
 * and config file of the run, what decided its verdict (`--strict`, timeouts, retries, response cap), how
 * it reached the server, and `--allow-mutations` where the run needed it.
 */
export function replayCommandFor(caseId: string, seed: number, prepared: PreparedOperation, invocation: RunInvocation): string {
  const { operationId } = prepared.operation;
  const parts = ['npx conformance run', `--seed ${seed}`, `--case ${shellQuote(caseId)}`, `--operation ${shellQuote(operationId)}`];
  // A server the config file names is selected by name: its fixtures, headers and name (the finding's
  // key) come from the file, and only its credentials need be at hand.
  const byName = prepared.configName !== undefined && invocation.config !== undefined;
  if (invocation.embeddedMock) parts.push(...mockFlags(invocation.mock));
  else if (byName) parts.push(`--only-target ${shellQuote(prepared.configName)}`);
  else parts.push(`--target ${shellQuoteExpanding(`${operationId}=${withoutUserinfoSecret(prepared.baseUrl)}`, ['SECRET'])}`);
  for (const [name, value] of Object.entries({ ...invocation.fixtures, ...(byName ? {} : prepared.targetFixtures) })) parts.push(`--fixture ${shellQuote(`${name}=${value}`)}`);
  for (const spec of invocation.specs) parts.push(`--spec ${shellQuote(spec)}`);
  if (invocation.config !== undefined) parts.push(`--config ${shellQuote(invocation.config)}`);
  parts.push(...verdictFlags(invocation), ...safetyFlags(invocation));
  if (!invocation.embeddedMock) parts.push(...transportFlags(invocation));
  if (!invocation.embeddedMock && prepared.operation.hints.mutating && !isLoopback(prepared.baseUrl)) parts.push('--allow-mutations');
  // The embedded mock accepts whatever a fresh run gives it: credentials matter only for the user's server.
  if (!invocation.embeddedMock) parts.push(...credentialFlags([...new Set([...invocation.credentialHeaders, ...(byName ? [] : Object.keys(prepared.targetHeaders))])], invocation.token));
  return parts.join(' ');
}
