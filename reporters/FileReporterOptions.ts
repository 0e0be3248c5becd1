import type { ReportFiles } from './ReportFiles.ts';

/** What every file reporter takes. */
export interface FileReporterOptions {
  /** Where the file goes; its folder is created. */
  readonly path: string;
  /** Shared with the console reporter so it can list the files written. */
  readonly files?: ReportFiles;
}
