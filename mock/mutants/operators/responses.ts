import type { Constraint } from '../../../src/model/Constraint.ts';
import type { Provenance } from '../../../src/model/Provenance.ts';
import { pointerSegments, valueAt, type MakeParent } from '../../../src/openapi/pointer.ts';
import { schemaAt } from '../../../src/plan/schemaAt.ts';
import { responseFor } from '../../../src/validation/OperationValidators.ts';
import type { FaultHooks } from '../../FaultHooks.ts';
import { REMOVE } from '../../../src/keywords/REMOVE.ts';
import { withValueAt } from '../../faults/withValueAt.ts';
import type { MockResponse } from '../../MockResponse.ts';
import type { RequestContext } from '../../RequestContext.ts';
import { type HooksOf, type Mutant, type OperatorFamily, type OperatorInput, mutantOf } from '../Mutant.ts';

const ofType = (value: unknown, type: string): boolean => {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
};

const typesOf = (c: Constraint): string[] => (Array.isArray(c.value) ? (c.value as string[]) : [String(c.value)]);

/** A value of none of the allowed types (null aside: it has an operator of its own). */
function wrongType(types: readonly string[]): unknown {
  return ['x', 7, true, { x: 1 }, ['x']].find((v) => !types.some((t) => ofType(v, t)));
}

/** A value that breaks one value rule of a response member, one step past it. */
function breaking(c: Constraint): { readonly operator: string; readonly value: unknown } | undefined {
  const limit = c.value;
  switch (c.kind) {
    case 'maximum':
      return typeof limit === 'number' ? { operator: 'out-of-range', value: limit + 1 } : undefined;
    case 'minimum':
      return typeof limit === 'number' ? { operator: 'out-of-range', value: limit - 1 } : undefined;
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      return typeof limit === 'number' ? { operator: 'out-of-range', value: limit } : undefined;
    case 'maxLength':
      return typeof limit === 'number' ? { operator: 'out-of-range', value: 'x'.repeat(limit + 1) } : undefined;
    case 'minLength':
      return typeof limit === 'number' && limit > 0 ? { operator: 'out-of-range', value: 'x'.repeat(limit - 1) } : undefined;
    case 'enum': {
      const listed = Array.isArray(limit) ? limit : [];
      const value = ['UNLISTED', 'unlisted-value', 12345].find((v) => !listed.includes(v));
      return { operator: 'unlisted-value', value };
    }
    case 'pattern': {
      if (typeof limit !== 'string') return undefined;
      const re = new RegExp(limit, 'u');
      const value = ['!', '', 'x y', '0'].find((v) => !re.test(v));
      return value === undefined ? undefined : { operator: 'pattern-broken', value };
    }
    default:
      return undefined;
  }
}

/**
 * Makes a missing (or null) parent as an object, so a member the correct answer leaves out (HCX 400
 * `data`) can still be written, wrongly; a parent that is some other value is left as it is.
 */
const missingParent: MakeParent = (_depth, existing) => (existing === undefined || existing === null ? {} : undefined);

/** The constraint id without its keyword: the member it is about. */
const memberOf = (c: Constraint): string => c.id.slice(0, c.id.length - c.kind.length - 1);

const changedId = (value: unknown): unknown => (typeof value === 'string' && value.length > 0 ? `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}` : 'other-id');

const neighbours = (status: number): number[] => [status - 1, status + 1].filter((s) => Math.floor(s / 100) === Math.floor(status / 100) && s % 100 !== 99);

/**
 * Responses: each member of each documented response the correct server gives, with a wrong type, out
 * of range or unlisted, left out where required, or null; an identity member (an `equals` echo)
 * changed; the update (a `reflects` echo) not applied, partly applied, answered but not stored, or
 * stored with the request's undocumented members; the content type missing or wrong; the status
 * swapped for a neighbouring one; a 4xx answered 500.
 */
export const responseMutants: OperatorFamily = (input: OperatorInput) => {
  const { operation, constraints, answered } = input;
  const prefix = operation.hints.constraintPrefix;
  const out: Mutant[] = [];
  // Where the broken rule comes from: the member's own provenance, else the documented response's.
  let provenance: Provenance = 'page';
  const add = (operator: string, target: string, description: string, hooks: HooksOf, variant?: string, params: Mutant['params'] = {}): void => {
    out.push(mutantOf({ family: 'response', operator, operationId: operation.operationId, target, variant, params, description, provenance, hooks }));
  };
  /** Changes the answers of one status. */
  const onStatus = (status: number, change: (response: MockResponse) => MockResponse): FaultHooks => ({
    transformResponse: (response) => (response.status === status ? change(response) : response),
  });
  const withMember = (status: number, pointer: string, next: (old: unknown) => unknown, removing = false): FaultHooks =>
    onStatus(status, (r) => (r.json === undefined ? r : { ...r, json: pointer === '' ? next(r.json) : withValueAt(r.json, pointer, next, removing ? undefined : missingParent) }));

  for (const status of [...answered.success, ...answered.errors]) {
    const documented = responseFor(operation.responses, status);
    if (!documented) continue;
    const members = constraints.filter((c) => c.where === 'response' && c.status === documented.status && !pointerSegments(c.target).includes('*'));
    for (const c of members) {
      provenance = c.provenance;
      const place = `${status} ${c.name || '(body)'}`;
      if (c.kind === 'required')
        add(
          'left-out',
          memberOf(c).replace(`.${documented.status}.`, `.${status}.`),
          `${place} left out`,
          withMember(status, c.target, () => REMOVE, true),
        );
      if (c.kind === 'type') {
        const types = typesOf(c);
        const member = memberOf(c).replace(`.${documented.status}.`, `.${status}.`);
        const wrong = wrongType(types);
        if (wrong !== undefined)
          add(
            'wrong-type',
            member,
            `${place} of the wrong type (${JSON.stringify(wrong)})`,
            withMember(status, c.target, () => wrong),
          );
        if (!types.includes('null') && c.target !== '')
          add(
            'null',
            member,
            `${place} null`,
            withMember(status, c.target, () => null),
          );
      }
      const broken = breaking(c);
      if (broken)
        add(
          broken.operator,
          c.id.replace(`.${documented.status}.`, `.${status}.`),
          `${place} ${JSON.stringify(broken.value).slice(0, 40)} (breaks ${c.kind})`,
          withMember(status, c.target, () => broken.value),
        );
    }
    provenance = documented.provenance;
    const json = documented.contentTypes.some((t) => /json/i.test(t));
    if (json) {
      add(
        'content-type-missing',
        `${prefix}.response.${status}`,
        `${status} answered without a content type`,
        onStatus(status, (r) => ({ ...r, contentType: '' })),
      );
      add(
        'content-type-wrong',
        `${prefix}.response.${status}`,
        `${status} answered as text/plain`,
        onStatus(status, (r) => ({ ...r, contentType: 'text/plain; charset=utf-8' })),
      );
    }
    for (const next of neighbours(status)) {
      // Which of its documented statuses a situation gets the page does not say; an undocumented one is
      // judged as the document says for its class.
      const listed = operation.responses.some((r) => r.status === String(next));
      provenance = listed ? 'reading' : (operation.hints.undocumentedStatusProvenance[`${Math.floor(next / 100)}XX`] ?? 'page');
      add(
        'status-swapped',
        `${prefix}.response.${status}`,
        `${status} answered ${next} instead`,
        onStatus(status, (r) => ({ ...r, status: next })),
        String(next),
        { status: next },
      );
    }
    provenance = documented.provenance;
    if (status >= 400 && status < 500)
      add(
        '4xx-as-5xx',
        `${prefix}.response.${status}`,
        `${status} answered 500 instead`,
        onStatus(status, (r) => ({ ...r, status: 500 })),
      );
  }

  for (const echo of operation.hints.echoes) {
    const status = Number(echo.status);
    const target = `${prefix}.response.${echo.status}${echo.pointer.replaceAll('/', '.')}`;
    provenance = echo.provenance;
    if (echo.equals) add('identity-changed', target, `${echo.status} ${echo.pointer} differs from the ${echo.equals.name} sent`, withMember(status, echo.pointer, changedId));
    if (echo.reflects && input.stores) {
      const container = echo.reflects.pointer;
      const body = operation.requestBody?.schema;
      const schema = body ? schemaAt(body, container) : undefined;
      const fields = Object.keys(schema?.properties ?? {});
      type State = Record<string, unknown>;
      add('update-not-applied', target, 'the update answered but not applied', { applyUpdate: (before) => before });
      add('update-not-stored', target, 'the update answered as applied but not stored', { storeUpdate: (before) => before });
      for (const field of fields) {
        add(
          'update-partly-applied',
          target,
          `the update applied without ${field}`,
          {
            applyUpdate: <T>(before: T, updated: T): T => ({ ...(updated as State), [field]: (before as State)[field] }) as T,
          },
          field,
          { field },
        );
      }
      add('undocumented-members-stored', target, 'members of the update the document does not list written into the stored resource', {
        applyUpdate: <T>(_before: T, updated: T, ctx: RequestContext): T => {
          const sent = valueAt(ctx.body, container);
          if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) return updated;
          const extra = Object.fromEntries(Object.entries(sent).filter(([key]) => !fields.includes(key)));
          return { ...(updated as State), ...extra } as T;
        },
      });
    }
  }
  return out;
};
