import { createHash } from 'node:crypto';
import { isJsonMediaType } from '../checks/isJsonMediaType.ts';
import { jsonText } from '../openapi/jsonText.ts';

/** A body as bytes on the wire and the Content-Type that says how to read them. */
export interface EncodedBody {
  readonly text: string;
  readonly contentType: string;
}

function essenceOf(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/** A member value as form text: a string as it is, anything else as JSON (`null` as the empty text). */
function formText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return jsonText(value);
}

/** An object's members as `name=value` pairs; an array member repeats its name (OpenAPI's default `form`, `explode: true`). */
function formPairs(value: unknown): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([name, member]): Array<[string, unknown]> =>
    Array.isArray(member) && member.every((m) => m === null || typeof m !== 'object') ? member.map((m): [string, unknown] => [name, m]) : [[name, member]],
  );
}

function multipart(value: unknown): EncodedBody {
  const parts = formPairs(value).map(([name, member]) => {
    // OpenAPI's default per part: an object or array as application/json, anything else as text/plain.
    const json = member !== null && typeof member === 'object';
    return `Content-Disposition: form-data; name="${name.replace(/["\r\n]/g, '_')}"\r\nContent-Type: ${json ? 'application/json' : 'text/plain'}\r\n\r\n${formText(member)}\r\n`;
  });
  // Derived from the content: the same case has the same bytes in every run (and in its curl command).
  const boundary = `conformance-${createHash('sha256').update(parts.join('')).digest('hex').slice(0, 24)}`;
  const text = `${parts.map((p) => `--${boundary}\r\n${p}`).join('')}--${boundary}--\r\n`;
  return { text, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A JSON value encoded as the document's request media type says: JSON and `+json` types as JSON,
 * `application/x-www-form-urlencoded` as name=value pairs, `multipart/form-data` as one part per
 * member, `text/*` (and any type whose value is a string) as the text itself. Without a media type, or
 * with a wildcard one (`*\/*`), the body is `application/json`.
 */
export function encodeBody(value: unknown, mediaType: string | undefined): EncodedBody {
  if (mediaType === undefined || mediaType.includes('*')) return { text: JSON.stringify(value), contentType: 'application/json' };
  const essence = essenceOf(mediaType);
  if (isJsonMediaType(mediaType)) return { text: JSON.stringify(value), contentType: mediaType };
  if (essence === 'application/x-www-form-urlencoded') {
    return { text: new URLSearchParams(formPairs(value).map(([name, member]): [string, string] => [name, formText(member)])).toString(), contentType: mediaType };
  }
  if (essence === 'multipart/form-data') return multipart(value);
  if (typeof value === 'string' || essence.startsWith('text/')) return { text: formText(value), contentType: mediaType };
  return { text: JSON.stringify(value), contentType: mediaType };
}
