import type { Operation } from '../openapi/Operation.ts';
import type { BaseRequest } from './baseRequest.ts';
import type { PlanDraft } from './PlanDraft.ts';

/** The base request, the request without its optional body, and every other documented body example. */
export function validDrafts(operation: Operation, base: BaseRequest): PlanDraft[] {
  const { request, needsFixture, exampleIndex } = base;
  const drafts: PlanDraft[] = [{ intent: { kind: 'valid', label: exampleIndex !== undefined ? `base request (documented example ${exampleIndex + 1})` : 'base request' }, request, needsFixture }];
  const body = operation.requestBody;
  if (!body) return drafts;
  if (!body.required && request.body !== undefined) {
    const { body: _omitted, ...rest } = request;
    drafts.push({ intent: { kind: 'valid', label: 'body absent' }, request: rest, needsFixture });
  }
  body.examples.forEach((example, i) => {
    if (i === exampleIndex) return;
    // Planned even when it does not validate: the re-validation then reports the document's own mismatch.
    drafts.push({ intent: { kind: 'valid', label: `documented example ${i + 1}` }, request: { ...request, body: { json: structuredClone(example) } }, needsFixture });
  });
  return drafts;
}
