import type { Exchange } from '../model/Exchange.ts';
import type { LinkFollower } from './LinkFollower.ts';
import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import type { Case } from '../model/Case.ts';
import type { HttpRunner } from '../runner/HttpRunner.ts';
import { RunInterruptedError } from '../runner/RunInterruptedError.ts';
import type { RunnerOptions } from '../runner/RunnerOptions.ts';
import { chooseCredentialSchemes } from './chooseCredentialSchemes.ts';
import { discoverFixtures, type FixtureProbe } from './discoverFixtures.ts';
import { fixtureProbe } from './fixtureProbe.ts';
import type { Leg } from './legsOf.ts';
import type { OperationPlan, Planner } from './Planner.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

async function orWhenInterrupted<T>(work: Promise<T>, fallback: T): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof RunInterruptedError) return fallback;
    throw error;
  }
}

/** One target, ready to send: its credential scheme chosen and its fixtures found. */
export interface LegSetup {
  readonly leg: Leg;
  readonly runner: HttpRunner;
  readonly runnerOptions: RunnerOptions;
  /** The leg's operations, with the credential scheme the server takes first. */
  readonly operations: readonly PreparedOperation[];
  readonly fixtures: Readonly<Record<string, string>>;
  readonly probes: readonly FixtureProbe[];
  /** The fixture probes a run would send first (listed by a dry run). */
  readonly dryProbes: readonly Case[];
  /** Why nothing is sent to this target (it could not be reached). */
  readonly unreachable?: string;
  readonly links?: LinkFollower;
}

/** The credential scheme first (the fixture probe must authenticate), then the fixtures. */
export async function setUpLeg(
  config: ConformanceConfig,
  command: 'run' | 'replay',
  leg: Leg,
  runner: HttpRunner,
  runnerOptions: RunnerOptions,
  planner: Planner,
  links: LinkFollower,
): Promise<LegSetup> {
  const settle = (exchange: Exchange, p: PreparedOperation): Promise<void> => links.settle(exchange, p);
  const plan = (p: PreparedOperation, f: Readonly<Record<string, string>>): OperationPlan => planner.plan(p, f);
  const probing = !config.dryRun && command === 'run';
  // An interrupted probe leaves what was known, so the run still reports (an interrupted, empty run).
  const operations = probing && runnerOptions.token !== undefined ? await orWhenInterrupted(chooseCredentialSchemes(leg.operations, leg.given, runner, plan, settle), leg.operations) : leg.operations;
  const probes: FixtureProbe[] = [];
  // A dry run shows the plan a run would send when its fixture probe is answered 2xx, probe included.
  const dryProbes = config.dryRun && command === 'run' ? operations.flatMap((p) => fixtureProbe(p, leg.given, plan) ?? []) : [];
  const fixtures = probing
    ? await orWhenInterrupted(
        discoverFixtures(operations, leg.given, runner, plan, (p) => probes.push(p), settle),
        leg.given,
      )
    : dryProbes.reduce<Record<string, string>>((all, p) => ({ ...all, ...p.candidate }), { ...leg.given });
  return { leg, runner, runnerOptions, operations, fixtures, probes, dryProbes: dryProbes.map((p) => p.probe), links };
}
