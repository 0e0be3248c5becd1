import { SpecError } from '../errors/ConformanceError.ts';
import type { Provenance } from '../model/Provenance.ts';
import type { EchoRule, OperationHints, PendingState } from './Operation.ts';
import { pointerOf } from './pointer.ts';
import { provenanceValue } from './scopeWithin.ts';

interface RawHints {
  constraintPrefix?: string;
  mutating?: boolean;
  idempotent?: unknown;
  notFoundStatuses?: string[];
  stateConflictStatuses?: string[];
  resourceParameter?: string;
  ownerParameter?: string;
  echoes?: Array<Omit<EchoRule, 'source' | 'provenance'> & { 'x-doc-ref'?: string; 'x-provenance'?: unknown }>;
  provenance?: unknown;
  undocumentedStatuses?: unknown;
  pending?: unknown;
  errors?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A map of names to provenances; `at` names the map, `validKey` says which names it may hold (`keyName`). */
function provenanceMap(raw: unknown, at: string, validKey: (key: string) => boolean, keyName: string): Record<string, Provenance> {
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw new SpecError('CONF_ERR_SPEC_INVALID', `${at}: must map each key (${keyName}) to a provenance`);
  const out: Record<string, Provenance> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!validKey(key)) throw new SpecError('CONF_ERR_SPEC_INVALID', `${at}${pointerOf(key)}: the key is not ${keyName}`);
    out[key] = provenanceValue(value, `${at}${pointerOf(key)}`);
  }
  return out;
}

function pendingOf(raw: unknown, at: string): PendingState | undefined {
  if (raw === undefined) return undefined;
  const valid =
    isRecord(raw) &&
    typeof raw['status'] === 'string' &&
    typeof raw['pointer'] === 'string' &&
    (raw['pointer'] === '' || raw['pointer'].startsWith('/')) &&
    Array.isArray(raw['values']) &&
    raw['values'].length > 0 &&
    raw['values'].every((v) => typeof v === 'string');
  if (!valid) throw new SpecError('CONF_ERR_SPEC_INVALID', `${at}: must be { status, pointer (a JSON pointer), values (a non-empty list of strings) }`);
  return { status: raw['status'] as string, pointer: raw['pointer'] as string, values: raw['values'] as string[] };
}

/**
 * The operation-level hints of `x-conformance`, with the provenance of its check rules: the checks'
 * defaults for this operation, each echo rule's, the judgement of undocumented statuses per class and
 * the states that mean "accepted, not applied yet". `at` is the operation's pointer, with its file.
 */
export function hintsOf(extension: unknown, operationId: string, at: string): OperationHints {
  const raw = (extension ?? {}) as RawHints;
  const here = `${at}/x-conformance`;
  const checkProvenance = provenanceMap(raw.provenance, `${here}/provenance`, (key) => /^[a-z][a-z0-9-]*$/.test(key), 'a check name');
  const undocumentedStatusProvenance = provenanceMap(raw.undocumentedStatuses, `${here}/undocumentedStatuses`, (key) => /^[2-5]XX$/.test(key), 'a status class, 2XX..5XX');
  const pending = pendingOf(raw.pending, `${here}/pending`);
  if (raw.errors !== undefined && (typeof raw.errors !== 'string' || (raw.errors !== '' && !raw.errors.startsWith('/'))))
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${here}/errors: must be the JSON pointer of the errors list of an answer`);
  if (raw.idempotent !== undefined && typeof raw.idempotent !== 'boolean') throw new SpecError('CONF_ERR_SPEC_INVALID', `${here}/idempotent: must be true or false`);
  return {
    constraintPrefix: raw.constraintPrefix ?? operationId,
    mutating: raw.mutating ?? true,
    ...(typeof raw.idempotent === 'boolean' ? { idempotent: raw.idempotent } : {}),
    notFoundStatuses: raw.notFoundStatuses ?? ['404'],
    stateConflictStatuses: raw.stateConflictStatuses ?? [],
    ...(raw.resourceParameter ? { resourceParameter: raw.resourceParameter } : {}),
    ...(raw.ownerParameter ? { ownerParameter: raw.ownerParameter } : {}),
    echoes: (raw.echoes ?? []).map((echo, index) => ({
      status: echo.status,
      pointer: echo.pointer,
      ...(echo.equals ? { equals: echo.equals } : {}),
      ...(echo.reflects ? { reflects: echo.reflects } : {}),
      source: typeof echo['x-doc-ref'] === 'string' ? echo['x-doc-ref'] : '(schema)',
      provenance: echo['x-provenance'] === undefined ? (checkProvenance['echo'] ?? 'page') : provenanceValue(echo['x-provenance'], `${here}/echoes/${index}/x-provenance`),
    })),
    checkProvenance,
    undocumentedStatusProvenance,
    ...(pending ? { pending } : {}),
    ...(typeof raw.errors === 'string' ? { errorsPointer: raw.errors } : {}),
  };
}
