import type { PlannedRequest } from '../model/Case.ts';
import type { Operation } from '../openapi/Operation.ts';

/**
 * The request with its body's media type when the document's request body is not `application/json`
 * (a form, multipart, text or `+json` type), so the runner sends the body as the document says.
 */
export function withMediaType(request: PlannedRequest, operation: Operation): PlannedRequest {
  const type = operation.requestBody?.contentType;
  if (type === undefined || request.body === undefined || type.split(';')[0]!.trim().toLowerCase() === 'application/json') return request;
  return { ...request, mediaType: type };
}
