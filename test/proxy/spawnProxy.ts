import { spawnCli } from '../helpers/cli.ts';

/** Starts `conformance proxy` as a child process and waits for the address it listens on. */
export async function spawnProxy(args: readonly string[]) {
  const spawned = spawnCli(['proxy', '--listen', '127.0.0.1:0', ...args]);
  let seen = '';
  const url = await new Promise<string>((resolve, reject) => {
    spawned.child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+),/.exec(seen);
      if (match) resolve(match[1]!);
    });
    spawned.done.then((r) => reject(new Error(`proxy exited ${r.code}: ${r.stderr}`)), reject);
  });
  return { ...spawned, url };
}
