import type { CaseResult } from '../../src/model/CaseResult.ts';
import { findingKey } from '../../src/model/findingKey.ts';
import type { RunStart } from '../../src/model/RunListener.ts';
import { plural, type Paint } from './ConsoleContext.ts';

export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Time for the progress line: injected by tests, so none of them sleeps. */
export interface ProgressClock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called; never keeps the process alive. */
  every(ms: number, tick: () => void): () => void;
}

export const SYSTEM_CLOCK: ProgressClock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** How often the live line is redrawn in place on a terminal while nothing else changes it. */
const REDRAW_MS = 1000;
/** Redraws at most ten times a second: thousands of cases must not flood the terminal. */
const THROTTLE_MS = 100;

export interface ConsoleProgressOptions {
  /** Where the periodic line goes without live progress. */
  readonly stdout: ProgressOutput;
  /** Where the live line goes. */
  readonly stderr: ProgressOutput;
  /** Live progress, redrawn in place on stderr. */
  readonly live: boolean;
  /** Without live progress: a line on stdout this often (ms); 0: none. */
  readonly everyMs: number;
  readonly clock: ProgressClock;
  /** How the findings count is coloured. */
  readonly highlight: Paint;
}

/**
 * The console's progress while a run goes: from `begin` (before the targets are probed) to `stop`.
 * On a terminal one short line on stderr, redrawn in place; else a line on stdout every few seconds, so
 * a CI log shows the run is alive while stderr keeps its one-line error contract.
 */
export class ConsoleProgress {
  private readonly planned = new Map<string, number>();
  private readonly done = new Map<string, number>();
  private readonly failing = new Set<string>();
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private began: number | undefined;
  /** Cases are planned: the probes are done. */
  private started = false;
  private stopTicking: (() => void) | undefined;

  constructor(private readonly options: ConsoleProgressOptions) {}

  begin(): void {
    const { live, everyMs, clock, stdout } = this.options;
    this.began = clock.now();
    this.stop();
    if (live) this.stopTicking = clock.every(REDRAW_MS, () => this.draw());
    else if (everyMs > 0) this.stopTicking = clock.every(everyMs, () => stdout.write(`conformance: ${this.parts().join(' · ')}\n`));
  }

  start(start: RunStart): void {
    this.started = true;
    for (const [operationId, count] of Object.entries(start.planned)) this.planned.set(operationId, count);
  }

  caseResult(result: CaseResult): void {
    const { operationId } = result.case;
    this.done.set(operationId, (this.done.get(operationId) ?? 0) + 1);
    if (result.status === 'ran') {
      // Counted by the key the report will give each finding, so the live count matches the end.
      const { response, failure } = result.exchange;
      let answer: object | undefined;
      for (const v of result.verdicts) {
        if (v.outcome !== 'fail') continue;
        // Built for failing verdicts only: most cases pass.
        answer ??= { ...(response ? { response: { status: response.status, bodyExcerpt: '' } } : {}), ...(failure ? { failure } : {}) };
        this.failing.add(
          findingKey({
            operationId,
            target: result.target ?? '',
            targetNamed: result.target !== undefined,
            check: v.check,
            ...(v.constraintId ? { constraintId: v.constraintId } : {}),
            intent: result.case.intent,
            ...answer,
          }),
        );
      }
    }
    if (!this.options.live) return;
    const now = this.options.clock.now();
    if (now - this.lastDraw < THROTTLE_MS) return;
    this.lastDraw = now;
    this.draw();
  }

  /** Stops the timer (idempotent). */
  stop(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  /** Stops, and clears the live line so the summary starts on a clean line. */
  end(): void {
    this.stop();
    if (this.drawn) this.options.stderr.write('\r\u001b[K');
  }

  /**
   * One short line, redrawn in place. The total is the plan known at the start and never grows: the
   * random exploration, added to the plan only as it is explored, is counted apart, so done ≤ total.
   * Severity is decided at the end of the run, so the live count says "findings", not failures.
   */
  private draw(): void {
    this.options.stderr.write(`\r\u001b[K${this.parts().join(' · ')}`);
    this.drawn = true;
  }

  /** Elapsed time since the run began, then what is done of the plan (the probes before it is known). */
  private parts(): string[] {
    const elapsed = this.began === undefined ? [] : [`${((this.options.clock.now() - this.began) / 1000).toFixed(1)} s`];
    if (!this.started) return [...elapsed, 'reaching the targets: connection, credential and fixture probes'];
    let done = 0;
    let total = 0;
    let explored = 0;
    for (const id of new Set([...this.planned.keys(), ...this.done.keys()])) {
      const planned = this.planned.get(id) ?? 0;
      const ran = this.done.get(id) ?? 0;
      total += planned;
      done += Math.min(ran, planned);
      explored += Math.max(0, ran - planned);
    }
    const parts = [...elapsed, `cases ${done}/${total}`];
    if (explored > 0) parts.push(`+${explored} explored`);
    if (this.failing.size > 0) parts.push(this.options.highlight(plural(this.failing.size, 'finding')));
    return parts;
  }
}
