import { connect, createServer, type AddressInfo } from 'node:net';

/** The first HTTP/1.1 response (content-length framed) in the bytes an upstream sent on one connection. */
export interface RecordedAnswer {
  readonly status: number;
  /** Raw header lines, as sent. */
  readonly headerLines: readonly string[];
  readonly body: Buffer;
}

/**
 * A TCP pass-through in front of an upstream that records every byte the upstream sends back: what
 * the proxy received, to compare with what its client received.
 */
export async function recordingTap(upstream: string): Promise<{ url: string; answers(): RecordedAnswer[]; close(): Promise<void> }> {
  const target = new URL(upstream);
  const streams: Buffer[][] = [];
  const server = createServer((client) => {
    const chunks: Buffer[] = [];
    streams.push(chunks);
    const up = connect(Number(target.port), target.hostname);
    client.pipe(up);
    up.on('data', (chunk: Buffer) => chunks.push(chunk));
    up.pipe(client);
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answers: () =>
      streams.flatMap((chunks) => {
        // Each connection's responses in order, framed by their content-length.
        let rest = Buffer.concat(chunks);
        const out: RecordedAnswer[] = [];
        for (;;) {
          const end = rest.indexOf('\r\n\r\n');
          if (end < 0) return out;
          const lines = rest.subarray(0, end).toString('latin1').split('\r\n');
          const length = Number(/^content-length:\s*(\d+)/im.exec(lines.join('\n'))?.[1] ?? 0);
          out.push({ status: Number(lines[0]!.split(' ')[1]), headerLines: lines.slice(1), body: rest.subarray(end + 4, end + 4 + length) });
          rest = rest.subarray(end + 4 + length);
        }
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.unref();
      }),
  };
}
