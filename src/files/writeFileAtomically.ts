import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ReportWriteError } from '../errors/ConformanceError.ts';

/**
 * Writes one file (a report, a corpus entry): creates its folder, writes a temporary sibling and renames
 * it into place, so a reader (a CI job, a browser) never sees half a file. Returns the absolute path.
 */
export async function writeFileAtomically(path: string, content: string): Promise<string> {
  const target = resolve(path);
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, target);
    return target;
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause instanceof Error ? cause.message.split('\n')[0] : String(cause));
    throw new ReportWriteError(`cannot write report ${path}: ${reason}`, { cause });
  }
}
