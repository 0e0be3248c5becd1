import type { TransportFailureKind } from '../model/Exchange.ts';

const TIMEOUT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ABORT_ERR']);
const RESET = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED']);
const PROTOCOL = new Set(['UND_ERR_HEADERS_OVERFLOW', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'UND_ERR_RESPONSE', 'UND_ERR_INFO']);

/** The error code of a transport error; Node reports a failed multi-address connect as an AggregateError. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  if (error instanceof AggregateError) return errorCode(error.errors[0]);
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error ? errorCode(cause) : undefined;
}

/** Sorts a transport error into the kinds a report distinguishes. */
export function classifyError(error: unknown): TransportFailureKind {
  // undici's HTTPParserError does not always carry an `HPE_*` code.
  if (error instanceof Error && error.name === 'HTTPParserError') return 'protocol-error';
  const code = errorCode(error);
  if (code === undefined) return 'other';
  if (TIMEOUT.has(code)) return 'timeout';
  if (code === 'ECONNREFUSED') return 'connection-refused';
  if (RESET.has(code)) return 'connection-reset';
  // llhttp parse errors (`HPE_*`): the peer did not speak HTTP/1.1.
  if (code.startsWith('HPE_') || PROTOCOL.has(code)) return 'protocol-error';
  return 'other';
}
