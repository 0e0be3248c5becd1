import type { PlannedRequest } from '../model/Case.ts';
import type { Operation } from '../openapi/Operation.ts';
import { allowsValue, restrictedValue } from './restrictedValue.ts';
import type { ValueRestriction } from './ValueRestriction.ts';
import { withBodyValue } from './withBodyValue.ts';
import { withParameter } from './withParameter.ts';

/**
 * The request with every restricted input that carries an excluded value set to an allowed one
 * (`pick` chooses which, default the first): a valid request rebuilt instead of dropped.
 */
export function conformRequest(
  operation: Operation,
  request: PlannedRequest,
  restrictions: readonly ValueRestriction[],
  pick: (r: ValueRestriction, index: number) => unknown = (r) => r.allowed[0],
): PlannedRequest {
  let out = request;
  restrictions.forEach((r, index) => {
    const value = restrictedValue(out, r);
    if (value === undefined || allowsValue(r, value)) return;
    const chosen = pick(r, index);
    const { site } = r;
    if (site.in === 'body') out = operation.requestBody ? withBodyValue(out, operation.requestBody.schema, site.pointer, chosen) : out;
    else out = withParameter(out, operation.pathTemplate, site.in, site.name, String(chosen));
  });
  return out;
}
