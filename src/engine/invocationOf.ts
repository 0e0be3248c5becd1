import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import type { RunInvocation } from '../model/RunReport.ts';
import { redactUrl } from '../runner/redactUrl.ts';

/** How the run was invoked, without secrets: what `replay` needs. */
export function invocationOf(config: ConformanceConfig, embedded: boolean): RunInvocation {
  return {
    embeddedMock: embedded,
    ...(embedded && Object.keys(config.mock).length > 0 ? { mock: config.mock } : {}),
    specs: config.specs,
    fixtures: config.fixtures,
    credentialHeaders: Object.keys(config.headers),
    token: config.token !== undefined,
    allowMutations: config.allowMutations,
    ...(config.configFile !== undefined ? { config: config.configFile } : {}),
    strict: config.strict,
    timeouts: config.timeouts,
    retries: config.retries,
    maxResponseBytes: config.maxResponseBytes,
    insecure: config.insecure,
    ...(config.caFile !== undefined ? { caFile: config.caFile } : {}),
    ...(config.proxy !== undefined ? { proxy: redactUrl(config.proxy) } : {}),
    ...(config.resolve && config.resolve.length > 0 ? { resolve: config.resolve } : {}),
    ...(config.onlyValues && Object.keys(config.onlyValues).length > 0 ? { onlyValues: config.onlyValues } : {}),
    ...(config.maxAccepted !== undefined ? { maxAccepted: config.maxAccepted } : {}),
    ...(config.taskDeadlineMs !== undefined ? { taskDeadlineMs: config.taskDeadlineMs } : {}),
  };
}
