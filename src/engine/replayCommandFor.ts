import type { RunInvocation } from '../model/RunReport.ts';
import { isLoopback } from '../runner/isLoopback.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/** POSIX shell quoting, only where the shell would otherwise change the value. */
function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

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

/** `$TOKEN` when the run had one credential, else one placeholder per header (`$X_AUTH_TOKEN`). */
function credentialFlags(invocation: RunInvocation): string[] {
  const single = invocation.credentialHeaders.length + (invocation.token ? 1 : 0) === 1;
  const placeholder = (name: string): string => (single ? '$TOKEN' : `$${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`);
  return [
    ...invocation.credentialHeaders.map((name) => `--header ${quote(`${name}: ${placeholder(name)}`)}`),
    ...(invocation.token ? [`--token ${quote('$TOKEN')}`] : []),
  ];
}

/** The embedded mock's settings as the flags that start the same mock again. */
function mockFlags(mock: RunInvocation['mock']): string[] {
  if (!mock) return [];
  return [
    ...(mock.fault !== undefined ? [`--mock-fault ${quote(mock.fault)}`] : []),
    ...(mock.latencyMs !== undefined ? [`--mock-latency ${mock.latencyMs}`] : []),
    ...(mock.rateLimit !== undefined ? [`--mock-rate-limit ${mock.rateLimit}`] : []),
    ...(mock.chaos !== undefined ? [`--mock-chaos ${quote(mock.chaos)}`] : []),
  ];
}

/**
 * The command that re-sends one case, runnable as printed apart from the credential placeholder: same
 * seed, case id and operation, same target (or the same embedded mock settings), every fixture, document
 * and config file of the run, and `--allow-mutations` where the run needed it.
 */
export function replayCommandFor(caseId: string, seed: number, prepared: PreparedOperation, invocation: RunInvocation): string {
  const { operationId } = prepared.operation;
  const parts = ['npx conformance run', `--seed ${seed}`, `--case ${quote(caseId)}`, `--operation ${quote(operationId)}`];
  if (invocation.embeddedMock) parts.push(...mockFlags(invocation.mock));
  else parts.push(`--target ${quote(`${operationId}=${withoutUserinfoSecret(prepared.baseUrl)}`)}`);
  for (const [name, value] of Object.entries(invocation.fixtures)) parts.push(`--fixture ${quote(`${name}=${value}`)}`);
  for (const spec of invocation.specs) parts.push(`--spec ${quote(spec)}`);
  if (invocation.config !== undefined) parts.push(`--config ${quote(invocation.config)}`);
  if (!invocation.embeddedMock && prepared.operation.hints.mutating && !isLoopback(prepared.baseUrl)) parts.push('--allow-mutations');
  // The embedded mock accepts whatever a fresh run gives it: credentials matter only for the user's server.
  if (!invocation.embeddedMock) parts.push(...credentialFlags(invocation));
  return parts.join(' ');
}
