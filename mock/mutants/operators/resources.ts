import type { Provenance } from '../../../src/model/Provenance.ts';
import type { ResourceLookup } from '../../FaultHooks.ts';
import { inputConditions } from '../conditions.ts';
import { MutantCrash, type HooksOf, type Mutant, type OperatorFamily, mutantOf } from '../Mutant.ts';

/** An id a server that expects its own id shape trips on: a character outside letters, digits and `-`. */
const ODD_ID = /[^0-9A-Za-z-]/u;

function firstOther<R>(id: string, lookup: ResourceLookup<R>): R | undefined {
  for (const known of lookup.ids()) if (known !== id) return lookup.get(known);
  return undefined;
}

/**
 * Resources and owners: for an operation that names a resource (`x-conformance.resourceParameter`),
 * the owner not checked (`ownerParameter`), the lookup skipped when another input has one value, an
 * unknown id answered 5xx or as another resource, an oddly formed id answered 5xx.
 */
export const resourceMutants: OperatorFamily = ({ operation }) => {
  const parameter = operation.hints.resourceParameter;
  if (parameter === undefined) return [];
  const target = `${operation.hints.constraintPrefix}.path.${parameter}`;
  const out: Mutant[] = [];
  // An unknown id answered as if it existed breaks the not-found rule, as firmly as the document states it.
  const lookup = operation.hints.checkProvenance['not-found'] ?? 'page';
  const add = (operator: string, description: string, hooks: HooksOf, variant?: string, params: Mutant['params'] = {}, provenance: Provenance = 'page'): void => {
    out.push(mutantOf({ family: 'resource', operator, operationId: operation.operationId, target, variant, params, description, provenance, hooks }));
  };
  const owner = operation.hints.ownerParameter;
  if (owner !== undefined) {
    add('owner-not-checked', `the ${parameter} found whatever ${owner} the path names`, { lookupResource: (id, lookup) => lookup.get(id) ?? lookup.anyOwner?.(id) }, undefined, { owner });
  }
  add('unknown-answered-5xx', `an unknown ${parameter} answered 500`, {
    lookupResource: (id, lookup) => {
      const found = lookup.get(id);
      if (found === undefined) throw new MutantCrash(`no ${parameter} ${id}`);
      return found;
    },
  });
  add('unknown-as-other-resource', `an unknown ${parameter} answered as another existing resource`, { lookupResource: (id, lookup) => lookup.get(id) ?? firstOther(id, lookup) });
  add('unknown-made-up', `an unknown ${parameter} answered as if it existed`, { lookupResource: (id, found) => found.get(id) ?? found.synthesize(id) }, undefined, {}, lookup);
  add('odd-id-5xx', `a ${parameter} with a character outside letters, digits and "-" answered 500`, {
    lookupResource: (id, lookup) => {
      if (ODD_ID.test(id)) throw new MutantCrash(`odd ${parameter}`);
      return lookup.get(id);
    },
  });
  for (const condition of inputConditions(operation)) {
    add(
      'lookup-skipped-when',
      `the ${parameter} not looked up when ${condition.label}: any id answered`,
      {
        lookupResource: (id, found, ctx) => found.get(id) ?? (condition.holds(ctx) ? found.synthesize(id) : undefined),
      },
      condition.label,
      { when: condition.label },
      lookup,
    );
  }
  return out;
};
