import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { defaultReports } from '../../reporters/defaultReports.ts';
import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { ReportWriteError } from '../errors/ConformanceError.ts';

/** Why `path` cannot be written as a file the way the writers do it (mkdir -p, then write), if it cannot. */
async function unwritable(path: string): Promise<string | undefined> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) return `${path} is a directory`;
  if (existing) return (await writable(path)) ? undefined : `${path} is not writable`;
  // The nearest ancestor that exists must be a folder we may create entries in.
  let folder = dirname(path);
  for (;;) {
    const found = await stat(folder).catch(() => undefined);
    if (found && !found.isDirectory()) return `${folder} is not a directory`;
    if (found) return (await writable(folder, constants.X_OK)) ? undefined : `${folder} is not writable`;
    const parent = dirname(folder);
    if (parent === folder) return `${folder} does not exist`;
    folder = parent;
  }
}

function writable(path: string, extra = 0): Promise<boolean> {
  return access(path, constants.W_OK | extra).then(
    () => true,
    () => false,
  );
}

/**
 * Every report file of a run (the default folder's too) can be written: checked before the first
 * request, so a bad path never costs a run's worth of (possibly mutating) requests. Creates nothing.
 */
export async function checkReportPaths(config: Pick<ConformanceConfig, 'reports' | 'reportDir'>, cwd = process.cwd()): Promise<void> {
  for (const spec of defaultReports(config.reports, config.reportDir)) {
    if (spec.path === undefined) continue;
    const asked = config.reports.find((r) => r.format === spec.format && r.path === spec.path);
    const problem = await unwritable(resolve(cwd, spec.path));
    if (problem === undefined) continue;
    const label = asked ? `report ${spec.format}=${spec.path}` : `report folder ${config.reportDir}`;
    throw new ReportWriteError(`${label}: ${problem}`);
  }
}
