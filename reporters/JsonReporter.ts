import type { RunReport } from '../src/model/RunReport.ts';
import type { FileReporterOptions } from './FileReporterOptions.ts';
import type { RunListener } from '../src/model/RunListener.ts';
import { ReportFiles } from './ReportFiles.ts';

/** Writes `report.json`: the run report exactly as `report.schema.json` documents it, also the baseline of a later run. */
export class JsonReporter implements RunListener {
  private readonly files: ReportFiles;

  constructor(private readonly options: FileReporterOptions) {
    this.files = options.files ?? new ReportFiles();
  }

  static render(report: RunReport): string {
    return `${JSON.stringify(report, null, 2)}\n`;
  }

  async onRunEnd(report: RunReport): Promise<void> {
    await this.files.write(this.options.path, () => JsonReporter.render(report));
  }
}
