import type { ReportShard } from '../model/RunReport.ts';

/**
 * `--shard I/N` (config `shard: "I/N"`): the I-th of N parts of the plan, 1 <= I <= N; undefined when the
 * text is not that, so the caller raises the error of its origin (a flag or the config file).
 */
export function parseShard(text: string): ReportShard | undefined {
  const match = /^([1-9]\d{0,5})\/([1-9]\d{0,5})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const total = Number(match[2]);
  return index <= total ? { index, total } : undefined;
}
