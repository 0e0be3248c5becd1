import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors/ConformanceError.ts';
import type { ObservedTraffic } from './ObservedTraffic.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headersOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(value)) return out;
  for (const header of value) {
    if (!isObject(header) || typeof header.name !== 'string' || typeof header.value !== 'string') continue;
    // HTTP/2 pseudo-headers (`:authority`) that browsers record are not headers of the message.
    if (header.name.startsWith(':')) continue;
    const name = header.name.toLowerCase();
    out[name] = out[name] === undefined ? header.value : `${out[name]}, ${header.value}`;
  }
  return out;
}

/** The response body text: HAR stores binary or compressed-then-decoded bodies base64 encoded. */
function responseText(content: unknown): string {
  if (!isObject(content) || typeof content.text !== 'string') return '';
  return content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
}

/**
 * The exchanges of a HAR 1.2 file (a browser's network panel, a proxy tool, this suite's `--report har=`),
 * in file order. An entry without an answer (status 0: blocked, cancelled) is a transport failure; bodies
 * longer than `maxBodyBytes` are judged as too large, as the proxy would. A request body whose
 * `bodySize` is larger than its text was cut when recorded: the checks judge nothing from it.
 */
export async function readHar(file: string, maxBodyBytes: number): Promise<ObservedTraffic[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`${file}: cannot read the HAR file (${why})`);
  }
  const entries = isObject(parsed) && isObject(parsed.log) ? parsed.log.entries : undefined;
  if (!Array.isArray(entries)) throw new UsageError(`${file}: not a HAR file (no log.entries array)`);
  return entries.map((entry, index): ObservedTraffic => {
    const request = isObject(entry) ? entry.request : undefined;
    const response = isObject(entry) ? entry.response : undefined;
    if (!isObject(request) || typeof request.method !== 'string' || typeof request.url !== 'string' || !URL.canParse(request.url)) {
      throw new UsageError(`${file}: log.entries[${index}].request needs a method and an absolute url`);
    }
    const durationMs = isObject(entry) && typeof entry.time === 'number' && entry.time >= 0 ? entry.time : 0;
    const postData = isObject(request.postData) && typeof request.postData.text === 'string' ? request.postData.text : undefined;
    // A body is whole unless the entry says it was bigger than the text kept (HAR's `bodySize`, in bytes).
    const cut = postData !== undefined && typeof request.bodySize === 'number' && request.bodySize > Buffer.byteLength(postData);
    const base = {
      method: request.method,
      url: request.url,
      requestHeaders: headersOf(request.headers),
      ...(postData !== undefined ? { requestBody: postData } : {}),
      ...(cut ? { requestBodyCut: true } : {}),
      durationMs,
    };
    const status = isObject(response) && typeof response.status === 'number' ? response.status : 0;
    if (!isObject(response) || status <= 0) {
      // Browsers put the reason in `_error`, this suite's HAR reporter in the entry's comment.
      const why =
        isObject(response) && typeof response._error === 'string' ? response._error : isObject(entry) && typeof entry.comment === 'string' ? entry.comment : 'no response recorded (status 0)';
      return { ...base, failure: { kind: 'other', message: why } };
    }
    const body = Buffer.from(responseText(response.content), 'utf8');
    const truncated = body.length > maxBodyBytes;
    return {
      ...base,
      response: { status, headers: headersOf(response.headers), body: truncated ? body.subarray(0, maxBodyBytes).toString('utf8') : body.toString('utf8'), truncated },
      ...(truncated ? { failure: { kind: 'too-large', message: `body of ${body.length} bytes exceeds the ${maxBodyBytes}-byte cap; first ${maxBodyBytes} bytes judged` } } : {}),
    };
  });
}
