import { describe, expect, it } from 'vitest';
import type { RunListener } from '../../src/model/RunListener.ts';
import { RunSession } from '../../src/report/RunSession.ts';
import { buildReport } from '../reporters/fixtures.ts';

/** A listener that writes down every hook it hears, and fails to write the report when told to. */
function recorder(name: string, log: string[], failWith?: Error): RunListener {
  return {
    onRunBegin: () => void log.push(`${name} begin`),
    onRunStart: (s) => void log.push(`${name} start ${s.command}`),
    onCaseResult: (r) => void log.push(`${name} result ${r.case.id}`),
    onRunEnd: async () => {
      log.push(`${name} end`);
      if (failWith) throw failWith;
    },
    onRunClose: () => void log.push(`${name} close`),
  };
}

describe('RunSession', () => {
  const report = buildReport();
  const result = { status: 'not-run' as const, case: { id: 'c1' } as never, reason: 'r' };

  it('fans every hook out to every listener, in order', async () => {
    const log: string[] = [];
    const session = new RunSession([recorder('a', log), recorder('b', log)]);
    session.onRunBegin({ startedAt: new Date() });
    session.onRunStart({ command: 'run', seed: 1, planned: {} });
    session.onCaseResult(result);
    await expect(session.finish(report)).resolves.toBe(report);
    session.onRunClose();
    expect(log).toEqual(['a begin', 'b begin', 'a start run', 'b start run', 'a result c1', 'b result c1', 'a end', 'b end', 'a close', 'b close']);
  });

  it('hands the report to every listener when one fails to write, then throws the first write error', async () => {
    const log: string[] = [];
    const session = new RunSession([recorder('a', log, new Error('disk full')), recorder('b', log, new Error('second'))]);
    await expect(session.finish(report)).rejects.toThrow('disk full');
    expect(log).toEqual(['a end', 'b end']);
  });

  it("throws the run's own failure over a write error, after the report is written", async () => {
    const log: string[] = [];
    const session = new RunSession([recorder('a', log, new Error('disk full'))]);
    await expect(session.finish(report, new Error('tool broke'))).rejects.toThrow('tool broke');
    expect(log).toEqual(['a end']);
  });
});
