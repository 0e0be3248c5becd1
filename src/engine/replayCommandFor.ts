import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The command that re-sends one case: same seed, same case id, same target; credentials left to the user. */
export function replayCommandFor(caseId: string, config: ConformanceConfig, prepared: PreparedOperation, embedded: boolean): string {
  const parts = ['npx conformance run', `--seed ${config.seed}`, `--case ${quote(caseId)}`];
  if (!embedded) parts.push(`--target ${quote(`${prepared.operation.operationId}=${prepared.baseUrl}`)}`);
  if (embedded && config.mock.fault) parts.push(`--mock-fault ${quote(config.mock.fault)}`);
  for (const [name, value] of Object.entries(config.fixtures)) parts.push(`--fixture ${quote(`${name}=${value}`)}`);
  for (const spec of config.specs) parts.push(`--spec ${quote(spec)}`);
  if (Object.keys(config.headers).length > 0 || config.token) parts.push('[your --header/--token]');
  return parts.join(' ');
}
