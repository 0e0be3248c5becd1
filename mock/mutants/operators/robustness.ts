import { codePointLength } from '../../../src/values/codePointLength.ts';
import type { FaultHooks } from '../../FaultHooks.ts';
import type { RequestContext } from '../../RequestContext.ts';
import { MutantCrash, type HooksOf, type Mutant, type OperatorFamily, mutantOf } from '../Mutant.ts';
import { constrainedValues } from '../requestInputs.ts';
import { ruleSchema } from '../ruleSchema.ts';
import { edgeAndPast, measuredValue, numericLimit } from '../satisfies.ts';

/** Every string a request carries: path and query values and the strings anywhere in its JSON body. */
function strings(ctx: RequestContext): string[] {
  const out = [...Object.values(ctx.pathParams), ...Object.values(ctx.query)];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, member] of Object.entries(value)) {
        out.push(key);
        walk(member);
      }
    }
  };
  walk(ctx.body);
  return out;
}

const crashWhen = (when: (ctx: RequestContext) => boolean): FaultHooks => ({
  overrideResponse: (ctx) => {
    if (when(ctx)) throw new MutantCrash('robustness mutant');
    return undefined;
  },
});

/** How long the overlap mutant's store holds a resource: requests closer together than this overlap. */
const HOLD_MS = 5;

const LINE_BREAK = /[\r\n\u2028\u2029]/u;

const OTHER_CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/u;
const NON_BMP = /[\u{10000}-\u{10ffff}]/u;

/**
 * Robustness: a 500 for valid requests of one class: a line break or another control character in any
 * string, a character outside the BMP, a value at the widest UTF-8 encoding of its length limit or whose
 * bytes exceed the limit, a value at each boundary; or a 500 when two requests for one resource overlap.
 */
export const robustnessMutants: OperatorFamily = ({ operation, constraints }) => {
  const prefix = operation.hints.constraintPrefix;
  const out: Mutant[] = [];
  const add = (operator: string, target: string, description: string, hooks: HooksOf): void => {
    out.push(mutantOf({ family: 'robustness', operator, operationId: operation.operationId, target, description, hooks }));
  };
  add(
    '5xx-on-line-break',
    prefix,
    'a valid request with a line break in any string answered 500',
    crashWhen((ctx) => strings(ctx).some((s) => LINE_BREAK.test(s))),
  );
  add(
    '5xx-on-control-character',
    prefix,
    'a valid request with a control character (not a line break) in any string answered 500',
    crashWhen((ctx) => strings(ctx).some((s) => OTHER_CONTROL.test(s))),
  );
  add(
    '5xx-on-non-bmp',
    prefix,
    'a valid request with a character outside the BMP answered 500',
    crashWhen((ctx) => strings(ctx).some((s) => NON_BMP.test(s))),
  );
  add('5xx-on-overlap', prefix, `a request answered 500 when it comes within ${HOLD_MS} ms of another for the same resource (a store that takes that long, unsafe under overlap)`, () => {
    const lastSeen = new Map<string, number>();
    return crashWhen((ctx) => {
      const key = JSON.stringify(ctx.pathParams);
      const now = performance.now();
      const previous = lastSeen.get(key);
      lastSeen.set(key, now);
      return previous !== undefined && now - previous < HOLD_MS;
    });
  });

  for (const c of constraints) {
    if (!['path', 'query', 'header', 'body'].includes(c.where) || c.credential) continue;
    const limit = numericLimit(c);
    const steps = edgeAndPast(c, ruleSchema(operation, c));
    if (limit === undefined || steps === undefined) continue;
    const { edge } = steps;
    add(
      '5xx-at-boundary',
      c.id,
      `${c.id}: a valid value at the boundary (${edge}) answered 500`,
      crashWhen((ctx) => constrainedValues(ctx, c).some((v) => measuredValue(c, v) === edge)),
    );
    // Only existing ids reach the handler: the encodings of an id the server never issued are not looked at.
    if (c.kind === 'maxLength' && limit > 0 && !(c.where === 'path' && c.name === operation.hints.resourceParameter)) {
      add(
        '5xx-on-widest-encoding-at-limit',
        c.id,
        `${c.id}: ${limit} characters of 4 UTF-8 bytes each answered 500`,
        crashWhen((ctx) => {
          return constrainedValues(ctx, c).some((v) => typeof v === 'string' && codePointLength(v) === limit && Buffer.byteLength(v) === 4 * limit);
        }),
      );
      add(
        '5xx-when-bytes-exceed-limit',
        c.id,
        `${c.id}: a valid value whose UTF-8 bytes exceed ${limit} answered 500 (the limit read as bytes)`,
        crashWhen((ctx) => {
          return constrainedValues(ctx, c).some((v) => typeof v === 'string' && Buffer.byteLength(v) > limit);
        }),
      );
    }
  }
  return out;
};
