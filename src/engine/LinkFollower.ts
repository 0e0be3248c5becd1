import { runChecks } from '../checks/runChecks.ts';
import type { Case } from '../model/Case.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { Exchange } from '../model/Exchange.ts';
import type { TaskTimeline } from '../model/TaskTimeline.ts';
import type { Verdict } from '../model/Verdict.ts';
import type { LinkSpec } from '../openapi/LinkSpec.ts';
import type { Operation } from '../openapi/Operation.ts';
import { checkRegistry } from '../checks/registry.ts';
import { responseFor } from '../validation/OperationValidators.ts';
import { RequestBudgetError } from '../runner/RequestBudgetError.ts';
import { RunInterruptedError } from '../runner/RunInterruptedError.ts';
import type { HttpRunner } from '../runner/HttpRunner.ts';
import { realClock, type Clock } from './Clock.ts';
import { judgeTask } from './judgeTask.ts';
import { linkedCase } from './linkedCase.ts';
import { pollTask } from './pollTask.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { sendPolicyFor } from './sendPolicyFor.ts';

/** The checks that judge an answer whatever the request meant: what a followed link's answers get. */
const RESPONSE_CHECKS: ReadonlySet<string> = new Set(['transport', 'not-server-error', 'status-documented', 'content-type', 'response-schema', 'echo', 'success-errors']);

export interface LinkFollowerOptions {
  readonly runner: HttpRunner;
  readonly signal?: AbortSignal;
  /** Default: real time. Tests pass a fake one. */
  readonly clock?: Clock;
  /** Replaces every task's documented deadline (`x-conformance.task.deadlineMs`). */
  readonly taskDeadlineMs?: number;
}

export interface Followed {
  readonly verdicts: readonly Verdict[];
  readonly tasks: readonly TaskTimeline[];
  /** Every request following sent (a task's polls included), in order: they belong in the run's HAR. */
  readonly exchanges: readonly Exchange[];
}

const NOTHING_FOLLOWED: Followed = { verdicts: [], tasks: [], exchanges: [] };

/** The parts of a case result that following adds: its task timelines and the exchanges it sent. */
export function followedParts(followed: Followed): { readonly tasks?: readonly TaskTimeline[]; readonly followed?: readonly Exchange[] } {
  return { ...(followed.tasks.length > 0 ? { tasks: followed.tasks } : {}), ...(followed.exchanges.length > 0 ? { followed: followed.exchanges } : {}) };
}

/** Whether an operation's answers may start a task: one of its documented responses has a task-like link. */
export function startsTasks(operation: Operation): boolean {
  return operation.responses.some((r) => r.links?.some((l) => l.task !== undefined) ?? false);
}

/**
 * Follows the links of answers (OpenAPI `links`): calls the linked operation with the values the link
 * names and judges its answer with the response checks; a task-like link (`x-conformance.task`) is
 * polled until the task ends or its deadline. It also keeps one state-changing request at a time per
 * resource of an operation that starts tasks: the next waits until the task the last one started has
 * ended, and none is sent to a resource whose task did not end by its deadline.
 */
export class LinkFollower {
  readonly #runner: HttpRunner;
  readonly #signal: AbortSignal | undefined;
  readonly #clock: Clock;
  readonly #deadlineMs: number | undefined;
  /** Per resource, the end of the last request's turn. */
  readonly #turns = new Map<string, Promise<void>>();
  /** Resources whose task did not end by its deadline: why nothing more is sent to them. */
  readonly #stuck = new Map<string, string>();
  readonly #settled: CaseResult[] = [];

  constructor(options: LinkFollowerOptions) {
    this.#runner = options.runner;
    this.#signal = options.signal;
    this.#clock = options.clock ?? realClock;
    this.#deadlineMs = options.taskDeadlineMs;
  }

  #resourceOf(testCase: Case, prepared: PreparedOperation): string | undefined {
    if (!startsTasks(prepared.operation)) return undefined;
    const { resource } = sendPolicyFor(prepared.operation, testCase);
    return resource === undefined ? undefined : `${prepared.baseUrl} ${resource}`;
  }

  /**
   * Waits for the case's turn at its resource. Returns `release` (call it once the answer and its task
   * are done), or why the case is not sent (the resource's task never ended).
   */
  async acquire(testCase: Case, prepared: PreparedOperation): Promise<{ readonly release: () => void; readonly refused?: string }> {
    const key = this.#resourceOf(testCase, prepared);
    if (key === undefined) return { release: () => undefined };
    const before = this.#turns.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.#turns.set(
      key,
      before.then(() => mine),
    );
    await before;
    const stuck = this.#stuck.get(key);
    if (stuck !== undefined) {
      release();
      return { release, refused: stuck };
    }
    return { release };
  }

  /** Follows every link of the documented response the exchange got; judged verdicts and task timelines. */
  async follow(exchange: Exchange, prepared: PreparedOperation): Promise<Followed> {
    const response = exchange.response;
    if (!response || exchange.failure) return NOTHING_FOLLOWED;
    const links = responseFor(prepared.operation.responses, response.status)?.links ?? [];
    // A link describes what a client may do after a success; an error answer starts nothing.
    if (links.length === 0 || response.status < 200 || response.status > 299) return NOTHING_FOLLOWED;
    const verdicts: Verdict[] = [];
    const tasks: TaskTimeline[] = [];
    const exchanges: Exchange[] = [];
    for (const link of links) {
      const target = prepared.linked?.[link.operationId];
      if (!target) continue;
      const followed = await this.#followOne(link, target, exchange, prepared);
      verdicts.push(...followed.verdicts);
      tasks.push(...followed.tasks);
      exchanges.push(...followed.exchanges);
    }
    return { verdicts, tasks, exchanges };
  }

  /**
   * Follows a probe's links: a task the probe started ends before the run sends more. What following
   * found is a case result of the probe's case (`takeSettled`), with the verdicts of the links only.
   */
  async settle(exchange: Exchange, prepared: PreparedOperation): Promise<void> {
    const followed = await this.follow(exchange, prepared);
    if (followed.verdicts.length === 0 && followed.tasks.length === 0) return;
    this.#settled.push({ status: 'ran', case: exchange.case, exchange, verdicts: followed.verdicts, ...followedParts(followed) });
  }

  /** The results of the probes' links, once: the run reports them as cases of their own. */
  takeSettled(): CaseResult[] {
    return this.#settled.splice(0);
  }

  async #send(testCase: Case, target: PreparedOperation, origin: PreparedOperation): Promise<Exchange | { readonly notSent: string }> {
    // The linked operation of the same document takes the credential the way the origin's server took it.
    const same =
      target.operation.credentialSchemes.length === origin.operation.credentialSchemes.length &&
      target.operation.credentialSchemes.every((s) => origin.operation.credentialSchemes.some((o) => o.scheme === s.scheme));
    try {
      return await this.#runner.send(testCase, target.baseUrl, same ? origin.operation.credentialSchemes : target.operation.credentialSchemes, sendPolicyFor(target.operation, testCase));
    } catch (error) {
      if (error instanceof RunInterruptedError || error instanceof RequestBudgetError) return { notSent: error.message };
      throw error;
    }
  }

  #judge(exchange: Exchange, target: PreparedOperation, origin: Exchange): Verdict[] {
    const skipChecks = [...target.expectations.skipChecks, ...[...checkRegistry.keys()].filter((name) => !RESPONSE_CHECKS.has(name))];
    return runChecks(exchange, { operation: target.operation, validators: target.validators, expectations: { ...target.expectations, skipChecks } }, target.constraints).map((v) => ({
      ...v,
      on: { ...exchange, case: origin.case },
    }));
  }

  async #followOne(link: LinkSpec, target: PreparedOperation, exchange: Exchange, origin: PreparedOperation): Promise<Followed> {
    const testCase = linkedCase(link, target.operation, exchange);
    const base = { caseId: exchange.case.id, operationId: exchange.case.operationId, link: link.name, linkedOperationId: link.operationId };
    if ('missing' in testCase) {
      const tasks: TaskTimeline[] = link.task ? [{ ...base, parameters: {}, outcome: 'not-followed', polls: 0, durationMs: 0, states: [], note: testCase.missing }] : [];
      return { verdicts: [], tasks, exchanges: [] };
    }
    // Following reads what an answer points to: a link to a request that changes state (a cancel, a delete) is never sent.
    if (sendPolicyFor(target.operation, testCase).resource !== undefined) return NOTHING_FOLLOWED;
    const spec = link.task;
    if (!spec) {
      const sent = await this.#send(testCase, target, origin);
      return 'case' in sent ? { verdicts: this.#judge(sent, target, exchange), tasks: [], exchanges: [sent] } : NOTHING_FOLLOWED;
    }
    const notFound = (status: number): boolean => status === 404 || target.operation.hints.notFoundStatuses.includes(String(status));
    const deadlineMs = this.#deadlineMs ?? spec.deadlineMs;
    const polled = await pollTask(() => this.#send(testCase, target, origin), spec, { clock: this.#clock, deadlineMs, notFound, ...(this.#signal ? { signal: this.#signal } : {}) });
    // Every answer is judged by the response checks, except the "unknown id" one: that is the task's rule.
    const judged = polled.exchanges.filter((e) => !(polled.outcome === 'unknown-id' && e === polled.exchanges[polled.exchanges.length - 1]));
    const verdicts = [...judged.flatMap((e) => this.#judge(e, target, exchange)), ...judgeTask(polled, link, spec, exchange, origin.constraints)];
    if (polled.outcome === 'deadline') {
      const key = this.#resourceOf(exchange.case, origin);
      if (key !== undefined)
        this.#stuck.set(
          key,
          `the task ${Object.values(testCase.request.pathParams).join(', ')} of ${sendPolicyFor(origin.operation, exchange.case).resource ?? 'the resource'} did not end within ${deadlineMs} ms: nothing more is sent to that resource`,
        );
    }
    const timeline: TaskTimeline = {
      ...base,
      parameters: testCase.request.pathParams,
      outcome: polled.outcome,
      ...(polled.state !== undefined ? { state: polled.state } : {}),
      polls: polled.exchanges.length,
      durationMs: polled.durationMs,
      states: polled.states,
      ...(polled.note ? { note: polled.note } : {}),
    };
    return { verdicts, tasks: [timeline], exchanges: polled.exchanges };
  }
}
