import { createHash } from 'node:crypto';
import type { Case } from '../model/Case.ts';
import type { ReportShard } from '../model/RunReport.ts';

/** What a shard is dealt: a case, or a whole state sequence (its steps only make sense together). */
export function shardUnitOf(testCase: Case): string {
  return testCase.sequence?.id ?? testCase.id;
}

/**
 * `--shard I/N`: whether a case is this shard's. A stable hash of the case id (which holds the seed)
 * splits the cases the same way on every machine with nothing shared between the shards, so the N shards
 * together send exactly the cases of the unsharded run.
 */
export function inShard(shard: ReportShard | undefined, caseId: string): boolean {
  return shard === undefined || createHash('sha256').update(caseId).digest().readUInt32BE(0) % shard.total === shard.index - 1;
}
