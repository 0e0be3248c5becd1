/** An answer before it is written: a JSON value, a text, or nothing. */
export interface MockResponse {
  readonly status: number;
  readonly json?: unknown;
  readonly text?: string;
  /** Overrides the content type (default application/json for `json`, text/plain for `text`). */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}
