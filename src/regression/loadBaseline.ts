import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors/ConformanceError.ts';
import type { RunReport } from '../model/RunReport.ts';
import { migrateReport } from '../report/migrateReport.ts';
import { validateReport } from './validateReport.ts';

/** Reads the `report.json` of an earlier run (of any earlier report version); a missing, unparsable or off-schema file is a configuration error. */
export async function loadBaseline(path: string, role = 'baseline'): Promise<RunReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`cannot read ${role} ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${role} ${path} is not JSON: ${(cause as Error).message.split('\n')[0]}`);
  }
  // An earlier version's report is read as this version states it.
  const result = validateReport(migrateReport(data));
  if (!result.ok) throw new ConfigError(`${role} ${path} is not a run report (src/model/report.schema.json): ${result.problem}`);
  return result.report;
}
