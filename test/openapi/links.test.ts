import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors/ConformanceError.ts';
import { linksOf } from '../../src/openapi/linksOf.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { evaluateRuntimeExpression } from '../../src/openapi/runtimeExpression.ts';

const idOf = (path: string, method: string): string | undefined => (path === '/jobs/{id}' && method === 'get' ? 'getJob' : undefined);
const known = (id: string): boolean => id === 'getJob';
const TASK = { status: '/state', order: ['pending', 'running', ['done', 'failed']], terminal: ['done', 'failed'], failed: ['failed'], deadlineMs: 1000 };

describe('OpenAPI links', () => {
  it('the HCX 202 links to its task, with the task keys of x-conformance', async () => {
    const [hcx] = await loadSpecs();
    const upgrade = hcx!.operations.find((o) => o.operationId === 'upgradeInterconnectAppliance')!;
    expect(upgrade.responses.find((r) => r.status === '202')?.links).toEqual([
      {
        name: 'interconnectTask',
        operationId: 'getInterconnectTask',
        parameters: { interconnectTaskId: '$response.body#/data/interconnectTaskId' },
        task: {
          status: '/data/status',
          order: [['QUEUED'], ['RUNNING'], ['SUCCESS', 'FAILED', 'CANCELED']],
          terminal: ['SUCCESS', 'FAILED', 'CANCELED'],
          failed: ['FAILED', 'CANCELED'],
          deadlineMs: 7_200_000,
        },
        provenance: 'convention',
        source: expect.stringContaining('asynchronous'),
      },
    ]);
    const task = hcx!.operations.find((o) => o.operationId === 'getInterconnectTask')!;
    expect(task.provenanceScope.default).toBe('convention');
  });

  it('reads operationId and local operationRef; a link to no operation of the document is left out with a warning', () => {
    const warnings: string[] = [];
    const links = linksOf(
      {
        a: { operationId: 'getJob', parameters: { id: '$response.body#/id' } },
        b: { operationRef: '#/paths/~1jobs~1{id}/get' },
        c: { operationId: 'nope' },
        d: { operationRef: 'https://elsewhere/x.yaml#/paths/~1a/get' },
      },
      'doc: /paths/~1jobs/post/responses/202',
      idOf,
      known,
      (w) => warnings.push(w),
    );
    expect(links.map((l) => [l.name, l.operationId])).toEqual([
      ['a', 'getJob'],
      ['b', 'getJob'],
    ]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('/links/c: the link names no operation of this document');
  });

  it('refuses a task key that is not consistent, naming where', () => {
    const parse = (task: unknown) => () => linksOf({ job: { operationId: 'getJob', 'x-conformance': { task } } }, 'doc: /r', idOf, known, () => undefined);
    expect(parse(TASK)()[0]!.task?.order).toEqual([['pending'], ['running'], ['done', 'failed']]);
    expect(parse({ ...TASK, terminal: ['finished'] })).toThrow(SpecError);
    expect(parse({ ...TASK, terminal: ['finished'] })).toThrow('doc: /r/links/job/x-conformance/task: state "finished" is not in order');
    expect(parse({ ...TASK, failed: ['running'] })).toThrow('every failed state is terminal');
    expect(parse({ ...TASK, deadlineMs: 0 })).toThrow('deadlineMs');
    expect(parse({ ...TASK, status: 'state' })).toThrow('JSON pointer');
  });

  it('evaluates runtime expressions against the request and its answer', () => {
    const source = {
      request: {
        method: 'POST',
        path: '/q/q-1/jobs',
        pathParams: { queueId: 'q-1' },
        query: { force: 'true' },
        headers: { 'X-Trace': 't-9' },
        body: { json: { command: 'build' } },
        auth: 'configured' as const,
      },
      url: 'http://127.0.0.1/q/q-1/jobs',
      response: { status: 202, headers: { location: '/jobs/j-7' }, bodyText: '', truncated: false, durationMs: 1 },
      body: { data: { id: 'j-7', 'a/b': 'slash' } },
    };
    expect(evaluateRuntimeExpression('$response.body#/data/id', source)).toBe('j-7');
    expect(evaluateRuntimeExpression('$response.body#/data/a~1b', source)).toBe('slash');
    expect(evaluateRuntimeExpression('$response.header.Location', source)).toBe('/jobs/j-7');
    expect(evaluateRuntimeExpression('$request.path.queueId', source)).toBe('q-1');
    expect(evaluateRuntimeExpression('$request.query.force', source)).toBe('true');
    expect(evaluateRuntimeExpression('$request.header.x-trace', source)).toBe('t-9');
    expect(evaluateRuntimeExpression('$request.body#/command', source)).toBe('build');
    expect(evaluateRuntimeExpression('$statusCode', source)).toBe(202);
    expect(evaluateRuntimeExpression('$method', source)).toBe('POST');
    expect(evaluateRuntimeExpression('job-{$response.body#/data/id}', source)).toBe('job-j-7');
    expect(evaluateRuntimeExpression('job-{$response.body#/missing}', source)).toBeUndefined();
    expect(evaluateRuntimeExpression('$response.body#/missing', source)).toBeUndefined();
    expect(evaluateRuntimeExpression(42, source)).toBe(42);
  });
});
