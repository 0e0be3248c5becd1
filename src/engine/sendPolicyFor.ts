import type { Case } from '../model/Case.ts';
import type { Operation } from '../openapi/Operation.ts';
import { isIdempotentMethod, type SendPolicy } from '../runner/SendPolicy.ts';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * How the runner treats one request of an operation: idempotent as the document says
 * (`x-conformance.idempotent`), else as its method is; and, when the operation changes state
 * (`x-conformance.mutating` and not a safe method), the resource it changes: the value of the path's
 * `x-conformance.resourceParameter` (else the whole path), which `--max-accepted` counts.
 */
export function sendPolicyFor(operation: Operation, testCase: Case): SendPolicy {
  const { request } = testCase;
  const idempotent = operation.hints.idempotent ?? isIdempotentMethod(request.method);
  if (!operation.hints.mutating || SAFE_METHODS.has(request.method.toUpperCase())) return { idempotent };
  const parameter = operation.hints.resourceParameter;
  const value = parameter === undefined ? undefined : request.pathParams[parameter];
  return { idempotent, resource: parameter !== undefined && value !== undefined ? `${parameter}=${value}` : request.path };
}
