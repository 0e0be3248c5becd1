import { request } from 'undici';
import type { MockServer } from '../../mock/MockOptions.ts';

/** A decoded answer of the mock. */
export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The parsed body; undefined when it is empty or not JSON. */
  readonly json: unknown;
}

export interface CallOptions {
  readonly method?: string;
  readonly query?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export async function call(server: MockServer, path: string, options: CallOptions = {}): Promise<Answer> {
  const res = await request(`${server.url}${path}${options.query ? `?${options.query}` : ''}`, {
    method: (options.method ?? 'GET') as 'GET',
    headers: options.headers ?? {},
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), headers: res.headers, text, json };
}

export interface HcxCall {
  readonly applianceId?: string;
  readonly query?: string;
  readonly body?: string;
  /** Headers replacing the default credential (`x-hm-authorization: token`). */
  readonly headers?: Record<string, string>;
}

export function upgrade(server: MockServer, options: HcxCall = {}): Promise<Answer> {
  const id = options.applianceId ?? server.fixtures.applianceId;
  return call(server, `/hybridity/api/interconnect/appliances/${encodeURIComponent(id)}/upgrade`, {
    method: 'POST',
    ...(options.query ? { query: options.query } : {}),
    headers: options.headers ?? { 'x-hm-authorization': server.token, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
}

export interface DcCall {
  readonly projectId?: string;
  readonly hostedConnectId?: string;
  /** A JSON value to send, or raw text when `raw` is set. */
  readonly json?: unknown;
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

export function updateConnect(server: MockServer, options: DcCall = {}): Promise<Answer> {
  const project = options.projectId ?? server.fixtures.project_id;
  const id = options.hostedConnectId ?? server.fixtures.hosted_connect_id;
  return call(server, `/v3/${encodeURIComponent(project)}/dcaas/hosted-connects/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: options.headers ?? { 'x-auth-token': server.token, 'content-type': 'application/json' },
    body: options.raw ?? JSON.stringify(options.json ?? { hosted_connect: { name: 'renamed' } }),
  });
}
