import type { Constraint } from '../../../src/model/Constraint.ts';
import type { Provenance } from '../../../src/model/Provenance.ts';
import type { SchemaNode } from '../../../src/openapi/SchemaNode.ts';
import type { ValidationIssue } from '../../../src/validation/ValidationIssue.ts';
import { codePointLength } from '../../../src/values/codePointLength.ts';
import type { FaultHooks } from '../../FaultHooks.ts';
import type { RequestContext } from '../../RequestContext.ts';
import { type HooksOf, type Mutant, type OperatorFamily, type OperatorInput, mutantOf } from '../Mutant.ts';
import { onlyBreaks } from '../onlyBreaks.ts';
import { constrainedValues, distinguishedValue, inputValue, requestInputs, sameInput, type RequestInput } from '../requestInputs.ts';
import { ruleSchema } from '../ruleSchema.ts';
import { edgeAndPast, measuredValue, satisfies } from '../satisfies.ts';

const REQUEST_PLACES: readonly string[] = ['path', 'query', 'header', 'body'];
const STRING_RULES: readonly string[] = ['maxLength', 'minLength', 'enum', 'pattern'];

function issueAt(c: Constraint, message: string): ValidationIssue {
  return { where: c.where, at: c.where === 'body' ? c.target : c.name, keyword: c.kind, params: {}, schemaPath: '', message };
}

/**
 * Whether accepting a request that breaks the rule changes what a client sees. Not so for a lower bound
 * of 0, for the type of a parameter that is text (path, query and header values always are), for a path
 * parameter's presence (a path without it does not reach the operation), nor for a rule of the resource
 * id (`x-conformance.resourceParameter`: such an id names no resource, and is answered not-found), nor
 * for a type the node's enum or const implies: such a rule is only tightened.
 */
function breakable(c: Constraint, node: SchemaNode | undefined, resourceParameter: string | undefined): boolean {
  // A type the node's enum or const already implies: every value of another type breaks those too.
  if (c.kind === 'type' && node !== undefined && (node.enum !== undefined || node.const !== undefined)) return false;
  if (['minLength', 'minItems', 'minProperties'].includes(c.kind) && typeof c.value === 'number' && c.value <= 0) return false;
  // An id the rule refuses names no resource either: the lookup still answers it with a not-found status.
  if (c.where === 'path' && c.name === resourceParameter) return false;
  if (c.where !== 'body' && c.kind === 'type' && (Array.isArray(c.value) ? c.value : [c.value]).includes('string')) return false;
  return !(c.where === 'path' && c.kind === 'required');
}

/** Builds the mutants of one rule; ids are `request-rule/<operator>/<constraint>[/<variant>]`. */
function ruleMutants(input: OperatorInput, c: Constraint, others: readonly RequestInput[]): Mutant[] {
  const { constraints, operation } = input;
  const out: Mutant[] = [];
  const add = (operator: string, description: string, hooks: HooksOf, variant?: string, params: Mutant['params'] = {}, provenance: Provenance = c.provenance): void => {
    out.push(mutantOf({ family: 'request-rule', operator, operationId: operation.operationId, target: c.id, variant, params, description, provenance, hooks }));
  };
  /** Accepts a request that breaks only this rule, when `when` holds. */
  const acceptWhen = (when: (ctx: RequestContext) => boolean): FaultHooks => ({
    acceptRequestDespite: (issues, ctx) => onlyBreaks(issues, constraints, c.id) && when(ctx),
  });
  // Any of the values the rule reads (each item's, for an item rule) satisfies `test`.
  const some = (ctx: RequestContext, test: (v: unknown) => boolean): boolean => constrainedValues(ctx, c).some(test);
  const node = ruleSchema(operation, c);
  const steps = edgeAndPast(c, node);
  const tightenedOnly = !breakable(c, node, operation.hints.resourceParameter);

  if (steps !== undefined) {
    const { past, edge } = steps;
    if ((past >= 0 || !['minLength', 'minItems'].includes(c.kind)) && !tightenedOnly)
      add(
        'loosened',
        `${c.id} loosened by one step: ${past} accepted`,
        acceptWhen((ctx) => some(ctx, (v) => measuredValue(c, v) === past)),
        undefined,
        { accepted: past },
      );
    add(
      'tightened',
      `${c.id} tightened by one step: ${edge} rejected`,
      { rejectValid: (ctx) => (some(ctx, (v) => measuredValue(c, v) === edge) ? [issueAt(c, `must not be ${edge}`)] : []) },
      undefined,
      { rejected: edge },
    );
  }
  if (c.kind === 'enum' && Array.isArray(c.value)) {
    for (const listed of c.value) {
      add(
        'tightened',
        `${c.id}: the listed value ${JSON.stringify(listed)} rejected`,
        { rejectValid: (ctx) => (some(ctx, (v) => v === listed) ? [issueAt(c, 'must be equal to one of the allowed values')] : []) },
        String(listed),
        { rejected: String(listed) },
      );
    }
  }

  if (tightenedOnly) return out;
  add(
    'not-enforced',
    `${c.id} not enforced`,
    acceptWhen(() => true),
  );

  if (c.kind === 'type' && c.where === 'body') {
    const types = Array.isArray(c.value) ? (c.value as string[]) : [String(c.value)];
    const numeric = types.includes('integer') || types.includes('number');
    if (numeric && !types.includes('string')) {
      add(
        'after-coercion',
        `${c.id}: a number written as a JSON string ("10") accepted`,
        acceptWhen((ctx) => some(ctx, (v) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v))),
        'number-as-string',
      );
    }
    if (types.includes('integer') && !types.includes('number')) {
      add(
        'after-coercion',
        `${c.id}: a fraction (2.5) accepted where an integer is due`,
        acceptWhen((ctx) => some(ctx, (v) => typeof v === 'number' && !Number.isInteger(v))),
        'fraction',
      );
    }
    if (types.includes('boolean') && !types.includes('string')) {
      add(
        'after-coercion',
        `${c.id}: a boolean written as a string ("true") accepted`,
        acceptWhen((ctx) => some(ctx, (v) => v === 'true' || v === 'false')),
        'boolean-as-string',
      );
    }
    if (!types.includes('null') && c.target !== '') {
      add(
        'after-coercion',
        `${c.id}: null accepted, read as absent`,
        acceptWhen((ctx) => some(ctx, (v) => v === null)),
        'null-as-absent',
      );
    }
  }

  if (STRING_RULES.includes(c.kind)) {
    const normalised = (name: string, description: string, normalise: (text: string) => string, ignoreCase = false, provenance: Provenance = c.provenance): void => {
      add(
        'after-normalising',
        `${c.id} checked after ${description}`,
        acceptWhen((ctx) => some(ctx, (v) => typeof v === 'string' && satisfies(c, normalise(v), { ignoreCase }) === true)),
        name,
        {},
        provenance,
      );
    };
    // Removing whitespace never makes a value longer, so a value too short stays too short; only NFC
    // can lengthen one (U+0344 becomes two code points), and not the empty string, all a minimum of 1 refuses.
    const lower = c.kind === 'minLength';
    // Whether a decomposed character counts as one or as several the page does not settle.
    const lengthRule = c.kind === 'minLength' || c.kind === 'maxLength';
    if (!lower) normalised('trim', 'trimming surrounding whitespace', (t) => t.trim());
    if (!lower) normalised('inner-whitespace', 'removing inner whitespace', (t) => t.replace(/\s+/gu, ''));
    if (!lower || (typeof c.value === 'number' && c.value >= 2)) normalised('nfc', 'Unicode normalisation (NFC)', (t) => t.normalize('NFC'), false, lengthRule ? 'reading' : c.provenance);
    if (c.kind === 'enum' || c.kind === 'pattern') normalised('case', 'ignoring letter case', (t) => t, true);
  }

  if (c.kind === 'enum' || c.kind === 'pattern') {
    add(
      'first-chars-only',
      `${c.id} checked on the first characters only: a value that starts with a valid one accepted`,
      acceptWhen((ctx) =>
        some(ctx, (v) => {
          if (typeof v !== 'string') return false;
          for (let n = 1; n < codePointLength(v); n += 1) if (satisfies(c, [...v].slice(0, n).join('')) === true) return true;
          return false;
        }),
      ),
    );
  }

  // Enforced only under a condition on another input: the first other input of the operation. An input
  // inside the value the rule is about is absent whenever the rule is broken (no JSON body has no name):
  // a condition on it is the rule not enforced, or not changed at all.
  const other = others.find((i) => !sameInput(c, i));
  const inside = other !== undefined && other.where === 'body' && c.where === 'body' && (c.target === '' || other.name.startsWith(`${c.target}/`));
  if (other && !inside) {
    const present = (ctx: RequestContext): boolean => inputValue(ctx, other) !== undefined;
    add(
      'only-when-present',
      `${c.id} enforced only when ${other.label} is given`,
      acceptWhen((ctx) => !present(ctx)),
      other.label,
      { other: other.label },
    );
    add('only-when-absent', `${c.id} enforced only when ${other.label} is not given`, acceptWhen(present), other.label, { other: other.label });
    const v = distinguishedValue(other);
    if (v !== undefined) {
      add(
        'only-when-value',
        `${c.id} enforced only when ${other.label}=${v}`,
        acceptWhen((ctx) => inputValue(ctx, other) !== v),
        `${other.label}=${v}`,
        { other: other.label, value: v },
      );
    }
  }
  return out;
}

/**
 * Request rules: every rule the mock enforces (each request constraint of the catalogue but credentials)
 * not enforced, loosened or tightened by one step, enforced after coercing or normalising the value, on
 * its first characters only, or only under a condition on another input.
 */
export const requestRuleMutants: OperatorFamily = (input) => {
  const others = requestInputs(input.operation);
  return input.constraints.filter((c) => REQUEST_PLACES.includes(c.where) && !c.credential && c.kind !== 'auth').flatMap((c) => ruleMutants(input, c, others));
};
