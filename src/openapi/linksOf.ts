import { SpecError } from '../errors/ConformanceError.ts';
import type { LinkSpec, TaskSpec } from './LinkSpec.ts';
import { pointerSegments } from './pointer.ts';
import { provenanceValue } from './scopeWithin.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** `x-conformance.task` of a link, checked: every state it names is in `order`. */
function taskOf(raw: unknown, at: string): TaskSpec | undefined {
  if (raw === undefined) return undefined;
  const fail = (why: string): never => {
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${at}: ${why}`);
  };
  if (!isRecord(raw)) return fail('must be { status, order, terminal, failed, deadlineMs }');
  const { status, order, terminal, failed, deadlineMs } = raw;
  if (typeof status !== 'string' || (status !== '' && !status.startsWith('/'))) fail('status must be the JSON pointer of the status member');
  if (!Array.isArray(order) || order.length === 0) fail('order must list the states, in order (states of one rank in a list)');
  const ranks = (order as unknown[]).map((entry) => (typeof entry === 'string' ? [entry] : isStringList(entry) && entry.length > 0 ? entry : fail('order: each entry is a state or a list of states')));
  if (!isStringList(terminal) || terminal.length === 0) fail('terminal must list the states a task ends in');
  const known = new Set(ranks.flat());
  const failedStates = failed === undefined ? [] : isStringList(failed) ? failed : fail('failed must list states');
  const stray = [...(terminal as string[]), ...failedStates].find((s) => !known.has(s));
  if (stray !== undefined) fail(`state "${stray}" is not in order`);
  if (!failedStates.every((s) => (terminal as string[]).includes(s))) fail('every failed state is terminal');
  if (typeof deadlineMs !== 'number' || !(deadlineMs > 0)) fail('deadlineMs must be a positive number of milliseconds');
  return { status: status as string, order: ranks, terminal: terminal as string[], failed: failedStates, deadlineMs: deadlineMs as number };
}

/** The operationId a local `operationRef` (`#/paths/~1tasks~1{id}/get`) names, through `idOf(path, method)`. */
function operationRefTarget(ref: string, idOf: (path: string, method: string) => string | undefined): string | undefined {
  if (!ref.startsWith('#/paths/')) return undefined;
  const [path, method] = pointerSegments(ref.slice(1)).slice(1);
  return path !== undefined && method !== undefined ? idOf(path, method.toLowerCase()) : undefined;
}

/**
 * The links of one response object. A link to an operation the document does not have (a remote
 * `operationRef`, a misspelt id) cannot be followed: it is left out with a warning.
 */
export function linksOf(links: unknown, at: string, idOf: (path: string, method: string) => string | undefined, known: (operationId: string) => boolean, warn: (line: string) => void): LinkSpec[] {
  if (!isRecord(links)) return [];
  const out: LinkSpec[] = [];
  for (const [name, raw] of Object.entries(links)) {
    if (!isRecord(raw)) continue;
    const here = `${at}/links/${name}`;
    const operationId = typeof raw['operationId'] === 'string' ? raw['operationId'] : typeof raw['operationRef'] === 'string' ? operationRefTarget(raw['operationRef'], idOf) : undefined;
    if (operationId === undefined || !known(operationId)) {
      warn(`${here}: the link names no operation of this document: it is not followed`);
      continue;
    }
    const extension = isRecord(raw['x-conformance']) ? raw['x-conformance'] : {};
    const task = taskOf(extension['task'], `${here}/x-conformance/task`);
    out.push({
      name,
      operationId,
      parameters: isRecord(raw['parameters']) ? raw['parameters'] : {},
      ...(task ? { task } : {}),
      provenance: raw['x-provenance'] === undefined ? 'page' : provenanceValue(raw['x-provenance'], `${here}/x-provenance`),
      source: typeof raw['x-doc-ref'] === 'string' ? raw['x-doc-ref'] : `link ${name}`,
    });
  }
  return out;
}
