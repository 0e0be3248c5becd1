/**
 * Where a rule comes from:
 * - `page`: the vendor reference page states it (`x-doc-ref` quotes the row);
 * - `reading`: a reasonable inference the page does not state (a 202 of an asynchronous operation carries
 *   a task id; an update is reflected in the 200; ids echo the path);
 * - `convention`: the vendor's general habits, not on this page (error bodies, error code formats);
 * - `robustness`: what any HTTP API owes its callers (no 5xx, a parseable answer, no redirect loop).
 */
export type Provenance = 'page' | 'reading' | 'convention' | 'robustness';

export const PROVENANCES: readonly Provenance[] = ['page', 'reading', 'convention', 'robustness'];

/** A broken `page` or `robustness` rule fails a run; a broken `reading` or `convention` rule warns. */
export type Severity = 'failure' | 'warning';

/** The severity a broken rule of this provenance has, before any user override (`--strict`: all fail). */
export function severityOf(provenance: Provenance, strict: boolean): Severity {
  return strict || provenance === 'page' || provenance === 'robustness' ? 'failure' : 'warning';
}

export function isProvenance(value: unknown): value is Provenance {
  return typeof value === 'string' && (PROVENANCES as readonly string[]).includes(value);
}
