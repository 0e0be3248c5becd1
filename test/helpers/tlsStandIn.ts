import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createServer, type Server } from 'node:tls';
import { fileURLToPath } from 'node:url';

/** A self-signed certificate (and its key) for example.com and its subdomains, valid until 2126. */
export const TEST_CERT = fileURLToPath(new URL('../fixtures/tls/cert.pem', import.meta.url));
export const TEST_KEY = fileURLToPath(new URL('../fixtures/tls/key.pem', import.meta.url));

export interface TlsStandIn {
  /** The loopback address it listens on, port 443: what `--resolve HOST:443:ADDRESS` points a name at. */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * HTTPS on port 443 of a loopback address of its own (127.x.y.z, so parallel tests never share one),
 * forwarding every connection to a plain-HTTP server on loopback: a stand-in for a remote
 * `https://dcaas.example.com`, reached with `--resolve` and trusted through `TEST_CERT`.
 */
export async function startTlsStandIn(upstreamPort: number): Promise<TlsStandIn> {
  const server: Server = createServer({ key: readFileSync(TEST_KEY), cert: readFileSync(TEST_CERT) }, (socket) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const end = (): void => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  for (let attempt = 0; ; attempt += 1) {
    const address = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(443, address, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return { address, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    } catch (error) {
      // https://host has port 443: a name is mapped to another address, never to another port.
      if ((error as NodeJS.ErrnoException).code === 'EACCES') {
        throw new Error('the HTTPS stand-in listens on port 443: run as root, with CAP_NET_BIND_SERVICE, or with sysctl net.ipv4.ip_unprivileged_port_start=443', { cause: error });
      }
      if (attempt >= 5) throw error;
    }
  }
}
