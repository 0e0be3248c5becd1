import type { Case } from './Case.ts';

export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Body text, cut at the configured size cap. */
  readonly bodyText: string;
  /** Parsed JSON body when the text parses, else undefined. */
  readonly json?: unknown;
  readonly truncated: boolean;
  readonly durationMs: number;
}

/** Why no usable response came back. */
export type TransportFailureKind = 'timeout' | 'connection-reset' | 'connection-refused' | 'redirect' | 'rate-limited' | 'too-large' | 'protocol-error' | 'other';

export interface TransportFailure {
  readonly kind: TransportFailureKind;
  readonly message: string;
  readonly durationMs: number;
}

/** The request actually sent, with credentials already redacted. */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText?: string;
}

export interface Exchange {
  readonly case: Case;
  readonly sent: SentRequest;
  readonly response?: RecordedResponse;
  readonly failure?: TransportFailure;
}
