import type { Finding } from '../model/Finding.ts';
import type { Severity } from '../model/Provenance.ts';
import type { Accumulator } from './Accumulator.ts';

/** One report entry: a finding, how many failing verdicts it stands for, and what it was kept apart for. */
export interface FindingEntry {
  /** The smallest reproducer seen (`weight`, then the case id). */
  readonly finding: Finding;
  readonly count: number;
  /**
   * What keeps the entry apart from others of its key while a run is judged (`refused`: a request refused
   * for its credential; `no-answer`...: what the exchange showed of a server that was down), so the
   * engine can drop what a cause explains. Empty in a report.
   */
  readonly tags: readonly string[];
}

/** Entries by group: key, target, severity and tags. A warning never hides a failure of the same rule. */
export type FindingSet = ReadonlyMap<string, FindingEntry>;

function groupOf(entry: FindingEntry): string {
  const { key, target, severity } = entry.finding;
  return [key, target, severity, ...entry.tags].join('|');
}

/** Size of a reproducer: the smallest request is the most useful one to show. */
function weight(f: Finding): number {
  return f.request.url.length + (f.request.bodyText?.length ?? 0);
}

/** The entry of two of one group: occurrences summed, the smaller reproducer kept (ties: the smaller case id). */
function join(a: FindingEntry, b: FindingEntry): FindingEntry {
  const [wa, wb] = [weight(a.finding), weight(b.finding)];
  const smaller = wb < wa || (wb === wa && b.finding.caseId < a.finding.caseId) ? b.finding : a.finding;
  return { finding: smaller, count: a.count + b.count, tags: a.tags };
}

export const findingSet: Accumulator<FindingSet, FindingEntry> = {
  empty: () => new Map(),
  add: (set, entry) => {
    const map = set as Map<string, FindingEntry>;
    const group = groupOf(entry);
    const held = map.get(group);
    map.set(group, held ? join(held, entry) : entry);
    return map;
  },
  combine: (a, b) => {
    const out = new Map(a);
    for (const [group, entry] of b) {
      const held = out.get(group);
      out.set(group, held ? join(held, entry) : entry);
    }
    return out;
  },
};

/** The entries in report order (by group), optionally only those a predicate keeps. */
export function findingEntries(set: FindingSet, keep: (entry: FindingEntry) => boolean = () => true): FindingEntry[] {
  return [...set.entries()]
    .filter(([, entry]) => keep(entry))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, entry]) => entry);
}

/** A report's findings and occurrences as a set, to combine with another report's. */
export function findingSetOf(findings: readonly Finding[], occurrences: readonly number[]): FindingSet {
  return findings.reduce<FindingSet>((set, finding, index) => findingSet.add(set, { finding, count: occurrences[index] ?? 1, tags: [] }), findingSet.empty());
}

/** Distinct findings (key and target) of one severity: the count a summary gives. */
export function distinctFindings(findings: readonly Finding[], severity: Severity): number {
  return new Set(findings.filter((f) => f.severity === severity).map((f) => `${f.key}|${f.target}`)).size;
}
