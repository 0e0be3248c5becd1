import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChaosMode } from './MockOptions.ts';

export interface ChaosEnv {
  readonly baseUrl: string;
  readonly hugeBytes: number;
}

const GARBAGE = Buffer.from('\u0000\u00ff\u00feNOT-HTTP garbage \u0007\r\n\r\n', 'latin1');
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** Answers one request the way the mode names, instead of serving it. Returns the status sent (0: none). */
export function applyChaos(mode: ChaosMode, req: IncomingMessage, res: ServerResponse, env: ChaosEnv): number {
  req.resume();
  switch (mode) {
    case 'hang':
      // Never answers; the socket is destroyed when the server closes.
      return 0;
    case 'reset':
      req.socket.resetAndDestroy();
      return 0;
    case 'garbage':
      req.socket.end(GARBAGE);
      return 0;
    case 'redirect':
      res.writeHead(302, { location: `${env.baseUrl}/__chaos__/elsewhere`, 'content-length': '0' }).end();
      return 302;
    case 'huge':
      writeHuge(res, env.hugeBytes);
      return 200;
    case 'slow-body':
      // Headers and the first bytes, then a body that never completes.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1024' });
      res.write('{"data":');
      return 200;
  }
}

function writeHuge(res: ServerResponse, total: number): void {
  const head = '{"padding":"';
  const tail = '"}';
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(total) });
  res.write(head);
  let left = total - head.length - tail.length;
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
      left -= chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}
