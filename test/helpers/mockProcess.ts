import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MOCK_BIN = fileURLToPath(new URL('../../bin/mock.js', import.meta.url));

/** The reference mock as a separate process, as a user starts it: `npm run mock -- --port 0 --token T`. */
export async function startMockProcess(token: string, args: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [MOCK_BIN, '--port', '0', '--token', token, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`mock exited ${code}: ${out}`)));
  });
  return { url, child };
}
