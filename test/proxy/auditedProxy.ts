import type { CaseResult } from '../../src/model/CaseResult.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import type { ObservedTraffic } from '../../src/proxy/ObservedTraffic.ts';
import { startProxy, type RunningProxy } from '../../src/proxy/startProxy.ts';
import { TrafficAuditor } from '../../src/proxy/TrafficAuditor.ts';

export interface AuditedProxy {
  readonly proxy: RunningProxy;
  readonly auditor: TrafficAuditor;
  /** Judged results, in order. */
  readonly results: CaseResult[];
  readonly traffic: ObservedTraffic[];
  readonly lines: string[];
  /** Exchanges the client walked away from. */
  abandoned(): number;
  /** Resolves once `count` exchanges were handed over (the proxy does it after the client's answer ends). */
  exchanges(count: number): Promise<void>;
}

/** The proxy and its auditor in this process, as the `proxy` command wires them, recording what they see. */
export async function auditedProxy(upstream: string, maxBodyBytes = 1024 * 1024): Promise<AuditedProxy> {
  const results: CaseResult[] = [];
  const auditor = new TrafficAuditor(await loadSpecs(), { listeners: [{ onCaseResult: (r) => results.push(r) }], target: upstream, toolVersion: 'test', command: 'proxy' });
  const traffic: ObservedTraffic[] = [];
  const lines: string[] = [];
  const state = { abandoned: 0 };
  const proxy = await startProxy({
    upstream,
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes,
    onExchange: (t) => {
      traffic.push(t);
      lines.push(auditor.observe(t).url);
    },
    onAbandoned: () => {
      state.abandoned += 1;
    },
  });
  return {
    proxy,
    auditor,
    results,
    traffic,
    lines,
    abandoned: () => state.abandoned,
    async exchanges(count: number) {
      const deadline = Date.now() + 10_000;
      while (traffic.length + state.abandoned < count) {
        if (Date.now() > deadline) throw new Error(`only ${traffic.length} exchanges and ${state.abandoned} abandoned of ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}
