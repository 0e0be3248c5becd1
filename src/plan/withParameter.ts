import type { PlannedRequest } from '../model/Case.ts';
import type { ParameterLocation } from '../openapi/Operation.ts';
import { buildPath } from './buildPath.ts';

function edit(record: Readonly<Record<string, string>>, name: string, value: string | undefined): Record<string, string> {
  const out = { ...record };
  if (value === undefined) delete out[name];
  else out[name] = value;
  return out;
}

/** The request with one parameter set (or removed with `undefined`); the path is rebuilt from its template. */
export function withParameter(request: PlannedRequest, pathTemplate: string, location: ParameterLocation, name: string, value: string | undefined): PlannedRequest {
  switch (location) {
    case 'path': {
      const pathParams = edit(request.pathParams, name, value);
      return { ...request, pathParams, path: buildPath(pathTemplate, pathParams) };
    }
    case 'query':
      return { ...request, query: edit(request.query, name, value) };
    case 'header': {
      const existing = Object.keys(request.headers).find((k) => k.toLowerCase() === name.toLowerCase());
      const headers = existing !== undefined ? edit(request.headers, existing, undefined) : { ...request.headers };
      // A header removed on purpose stays out of the request, also when the user gives it with --header.
      const lower = name.toLowerCase();
      const others = (request.omitHeaders ?? []).filter((n) => n !== lower);
      const omitHeaders = value === undefined ? [...others, lower] : others;
      const { omitHeaders: _previous, ...rest } = request;
      return { ...rest, headers: edit(headers, name, value), ...(omitHeaders.length > 0 ? { omitHeaders } : {}) };
    }
  }
}
