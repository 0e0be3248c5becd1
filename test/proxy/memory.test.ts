import { spawnProxy } from './spawnProxy.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import { tempDir } from '../helpers/cli.ts';

const MIB = 1024 * 1024;

/** Peak resident memory of a process (Linux: VmHWM), in bytes. */
async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) * 1024;
}

/**
 * A 64 MiB answer streams through the proxy without being held: the proxy's peak RSS stays under 300 MB
 * (a buffered body would be 64 MiB as bytes plus twice that as a string). Measured in a child process
 * (`conformance proxy`), so the test runner's own memory does not count.
 */
describe.skipIf(process.platform !== 'linux')('proxy memory', () => {
  it('stays flat while a 64 MiB response passes through', async () => {
    const server = await startMockServer({ chaos: 'huge', hugeBytes: 64 * MIB });
    const dir = await tempDir();
    const spawned = await spawnProxy(['--quiet', '--upstream', server.url, '--report', `json=${join(dir, 'report.json')}`]);
    const { url } = spawned;
    try {
      const before = await peakRss(spawned.child.pid!);
      const answer = await request(`${url}/v3/${server.fixtures.project_id}/dcaas/hosted-connects/${server.fixtures.hosted_connect_id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-auth-token': server.token },
        body: '{"hosted_connect":{"name":"a"}}',
      });
      let received = 0;
      for await (const chunk of answer.body) received += (chunk as Buffer).length;
      expect(received).toBe(64 * MIB);
      const peak = await peakRss(spawned.child.pid!);
      console.log(`proxy peak RSS: ${Math.round(before / MIB)} MiB before, ${Math.round(peak / MIB)} MiB after 64 MiB`);
      expect(peak).toBeLessThan(300 * 1000 * 1000);
      spawned.child.kill('SIGINT');
      const { stdout } = await spawned.done;
      expect(stdout).toContain('1 exchange(s) judged');
    } finally {
      spawned.child.kill('SIGKILL');
      await server.close();
    }
  });
});
