import type { Case } from '../model/Case.ts';
import { planToSent } from '../runner/planToSent.ts';
import type { RunnerOptions } from '../runner/RunnerOptions.ts';
import { toCurl } from '../runner/toCurl.ts';
import { randomCaseId, sampleRandomCases } from './exploreRandom.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * Prints every request a run would send, each as a curl command under the case id `--case` accepts: the
 * corpus and planned cases, then the seeded random ones (the same the exploration sends), and a count,
 * which it returns.
 */
export function printDryRun(
  planned: ReadonlyArray<{ prepared: PreparedOperation; cases: readonly Case[] }>,
  prior: readonly Case[],
  probes: readonly Case[],
  random: { readonly runs: number; readonly seed: number; readonly fixtures: Readonly<Record<string, string>>; readonly keep?: (index: number) => boolean },
  options: RunnerOptions,
  out: (line: string) => void,
): number {
  let total = 0;
  let randomCount = 0;
  let probeCount = 0;
  for (const { prepared, cases } of planned) {
    const { operationId } = prepared.operation;
    for (const probe of probes.filter((c) => c.operationId === operationId)) {
      probeCount += 1;
      out(
        `# fixture probe, sent first: the document's example ids below are used only if it is answered 2xx\n${toCurl(planToSent(probe, prepared.baseUrl, prepared.operation.credentialSchemes, options))}`,
      );
    }
    const sampled = sampleRandomCases(prepared, random.fixtures, random.seed, random.runs, random.keep).map((s) => s.testCase);
    for (const testCase of [...prior.filter((c) => c.operationId === operationId), ...cases, ...sampled]) {
      total += 1;
      // `--case` may name random cases: they count as random too.
      if (testCase.id.startsWith(randomCaseId(operationId, testCase.seed, ''))) randomCount += 1;
      // The label names the value tried: `--dry-run` shows, per constraint, every value a run sends.
      out(
        `# ${testCase.id} (${testCase.intent.kind}: ${testCase.intent.label}${testCase.context ? `; with ${testCase.context}` : ''})\n${toCurl(planToSent(testCase, prepared.baseUrl, prepared.operation.credentialSchemes, options))}`,
      );
    }
  }
  // The count is of every request listed: the fixture probes a run sends first are planned requests too.
  const kinds = [...(probeCount > 0 ? [`${probeCount} fixture probe${probeCount === 1 ? '' : 's'}`] : []), `${total - randomCount} deterministic`, `${randomCount} random`];
  out(`# ${total + probeCount} requests planned (${kinds.join(', ')}) for ${planned.length} operation(s); nothing sent`);
  return total + probeCount;
}
