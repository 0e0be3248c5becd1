import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { TargetUnreachableError } from '../errors/ConformanceError.ts';
import { errorCode } from './classifyError.ts';
import { connectHint } from './connectHint.ts';
import { tlsConnectOptions } from './createDispatcher.ts';
import { overriddenAddress } from './hostOverrides.ts';
import type { RunnerOptions } from './RunnerOptions.ts';

function endpointOf(url: URL): { host: string; port: number; label: string } {
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  // Protocol, host and port only: never the user:password a URL may carry.
  return { host, port, label: `${url.protocol}//${url.hostname}:${port}` };
}

/**
 * Opens one TCP connection (and the TLS handshake for https) to the target, or to the proxy when one is
 * configured, and closes it: a wrong port, host or certificate fails here with one clear line instead of
 * as a transport failure on every case. Sends no HTTP request.
 */
export async function checkReachable(baseUrl: string, options: RunnerOptions): Promise<void> {
  let url: URL;
  try {
    url = new URL(options.proxy ?? baseUrl);
  } catch {
    throw new TargetUnreachableError(`cannot connect: ${options.proxy ? 'proxy' : 'target'} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TargetUnreachableError(`cannot connect to ${url.protocol}//${url.host}: only http and https are supported`);
  }
  const { host: named, port, label } = endpointOf(url);
  // `--resolve` sends the connection elsewhere; through a proxy, the proxy is reached by its own name.
  const host = (options.proxy ? undefined : overriddenAddress(options.resolve, url.hostname, port, url.protocol)) ?? named;
  const what = options.proxy ? `proxy ${label}` : label;
  // Through a proxy only the proxy's port is probed; the tunnel to the target is undici's business.
  const tls = url.protocol === 'https:' && !options.proxy ? tlsConnectOptions(options) : undefined;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      const code = errorCode(error);
      const hint = tls ? connectHint(code, error.message, `${url.hostname}:${port}`) : undefined;
      const detail = hint !== undefined ? `${code ?? 'TLS handshake failed'}: ${hint}` : code && !error.message.includes(code) ? `${code} (${error.message})` : (code ?? error.message);
      reject(new TargetUnreachableError(`cannot connect to ${what}: ${detail}`, { cause: error }));
    };
    const timer = setTimeout(() => onError(Object.assign(new Error(`no connection within ${options.timeouts.connectMs} ms`), { code: 'ETIMEDOUT' })), options.timeouts.connectMs);
    const done = (): void => {
      clearTimeout(timer);
      socket.end();
      socket.destroy();
      resolve();
    };
    const socket: Socket = tls ? tlsConnect({ host, port, ...tls, ...(/^[\d.:]+$/.test(named) ? {} : { servername: named }) }, done) : netConnect({ host, port }, done);
    socket.once('error', onError);
  });
}
