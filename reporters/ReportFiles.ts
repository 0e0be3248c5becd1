import { writeFileAtomically } from '../src/files/writeFileAtomically.ts';

/**
 * The report files of one run, shared by the file reporters (which write them) and the console reporter
 * (which lists them): it waits for every write already started, in whatever order the hooks ran.
 */
export class ReportFiles {
  private readonly writes: Promise<string>[] = [];

  /** Renders and writes one file; the write is tracked before the first await so a listener sees it. */
  write(path: string, render: () => string): Promise<string> {
    const pending = (async () => writeFileAtomically(path, render()))();
    this.writes.push(pending);
    return pending;
  }

  /** Absolute paths of the files written successfully so far (failed writes are reported by their writer). */
  async written(): Promise<string[]> {
    const results = await Promise.allSettled(this.writes);
    return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  }
}
