import type { OpenAPIV3_1 } from 'openapi-types';
import { SpecError } from '../errors/ConformanceError.ts';
import { hintsOf } from './hintsOf.ts';
import type { CredentialScheme, Operation, ParameterSpec, RequestBodySpec, ResponseSpec } from './Operation.ts';
import type { SchemaNode } from './SchemaNode.ts';
import { pointerOf } from './pointer.ts';
import { PAGE_SCOPE, provenanceFor, scopeWithin } from './scopeWithin.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Extended<T> = T & { readonly [extension: `x-${string}`]: unknown };

function docRef(node: unknown, fallback: string): string {
  const ref = (node as { 'x-doc-ref'?: unknown } | undefined)?.['x-doc-ref'];
  return typeof ref === 'string' ? ref : fallback;
}

function examplesOf(media: OpenAPIV3_1.MediaTypeObject | undefined): unknown[] {
  if (!media) return [];
  const out: unknown[] = [];
  if (media.example !== undefined) out.push(media.example);
  for (const example of Object.values(media.examples ?? {})) {
    const value = (example as OpenAPIV3_1.ExampleObject).value;
    if (value !== undefined) out.push(value);
  }
  return out;
}

function pickJson(content: Record<string, OpenAPIV3_1.MediaTypeObject> | undefined): [string, OpenAPIV3_1.MediaTypeObject] | undefined {
  const entries = Object.entries(content ?? {});
  return entries.find(([type]) => /[/+]json\b/i.test(type)) ?? entries[0];
}

function credentialSchemes(document: OpenAPIV3_1.Document, security: OpenAPIV3_1.SecurityRequirementObject[]): CredentialScheme[] {
  const schemes = document.components?.securitySchemes ?? {};
  const out: CredentialScheme[] = [];
  for (const requirement of security) {
    for (const name of Object.keys(requirement)) {
      const scheme = schemes[name] as OpenAPIV3_1.SecuritySchemeObject | undefined;
      if (!scheme) throw new SpecError('CONF_ERR_SPEC_INVALID', `security requirement names unknown scheme "${name}"`);
      if (scheme.type === 'apiKey' && scheme.in === 'header') {
        out.push({ scheme: name, header: scheme.name.toLowerCase(), prefix: '' });
      } else if (scheme.type === 'http') {
        const prefix = scheme.scheme.toLowerCase() === 'bearer' ? 'Bearer ' : `${scheme.scheme[0]?.toUpperCase()}${scheme.scheme.slice(1)} `;
        out.push({ scheme: name, header: 'authorization', prefix });
      } else {
        throw new SpecError('CONF_ERR_SPEC_INVALID', `security scheme "${name}" (${scheme.type}) is not supported: only header API keys and HTTP schemes`);
      }
    }
  }
  return out;
}

/**
 * Reads every `x-provenance` under an operation, so a wrong value fails when the document is loaded
 * (wherever it sits, even where the catalogue does not look). Examples are data; `x-conformance` has
 * its own reader.
 */
function checkProvenanceExtensions(node: unknown, at: string, ancestors: Set<unknown> = new Set(), isPropertyMap = false): void {
  if (node === null || typeof node !== 'object' || ancestors.has(node)) return;
  ancestors.add(node);
  if (!Array.isArray(node) && !isPropertyMap) scopeWithin(PAGE_SCOPE, node, at);
  for (const [key, child] of Object.entries(node)) {
    // Under `properties` every key is a member name, however it is spelt.
    if (!isPropertyMap && ['example', 'examples', 'x-conformance', 'x-provenance'].includes(key)) continue;
    checkProvenanceExtensions(child, `${at}${pointerOf(key)}`, ancestors, !isPropertyMap && key === 'properties');
  }
  ancestors.delete(node);
}

/** Turns every operation of a dereferenced document into the suite's typed `Operation`. */
export function extractOperations(document: OpenAPIV3_1.Document, file: string): Operation[] {
  const operations: Operation[] = [];
  for (const [pathTemplate, pathItem] of Object.entries(document.paths ?? {})) {
    if (!pathItem) continue;
    checkProvenanceExtensions(pathItem.parameters, `${file}: ${pointerOf('paths', pathTemplate, 'parameters')}`);
    for (const method of METHODS) {
      const operation = pathItem[method] as Extended<OpenAPIV3_1.OperationObject> | undefined;
      if (!operation) continue;
      const opPointer = pointerOf('paths', pathTemplate, method);
      const operationId = operation.operationId;
      if (!operationId) throw new SpecError('CONF_ERR_SPEC_INVALID', `${file}: ${method.toUpperCase()} ${pathTemplate} has no operationId`);
      checkProvenanceExtensions(operation, `${file}: ${opPointer}`);
      const operationScope = scopeWithin(PAGE_SCOPE, operation, opPointer);

      const allParameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])] as Array<Extended<OpenAPIV3_1.ParameterObject>>;
      const parameters: ParameterSpec[] = allParameters.map((parameter, index) => {
        if (parameter.in === 'cookie') throw new SpecError('CONF_ERR_SPEC_INVALID', `${file}: cookie parameters are not supported (${parameter.name})`);
        const fromOperation = index >= (pathItem.parameters?.length ?? 0);
        const base = fromOperation
          ? pointerOf('paths', pathTemplate, method, 'parameters', String(index - (pathItem.parameters?.length ?? 0)))
          : pointerOf('paths', pathTemplate, 'parameters', String(index));
        return {
          name: parameter.name,
          in: parameter.in as ParameterSpec['in'],
          required: parameter.required === true || parameter.in === 'path',
          schema: (parameter.schema ?? {}) as SchemaNode,
          pointer: `${base}/schema`,
          credential: parameter['x-credential'] === true,
          provenanceScope: scopeWithin(operationScope, parameter, base),
          source: docRef(parameter, `${parameter.in} parameter ${parameter.name}`),
          ...(parameter.example !== undefined ? { example: parameter.example } : {}),
        };
      });

      let requestBody: RequestBodySpec | undefined;
      const body = operation.requestBody as Extended<OpenAPIV3_1.RequestBodyObject> | undefined;
      const picked = pickJson(body?.content);
      if (body && picked) {
        const [contentType, media] = picked;
        requestBody = {
          required: body.required === true,
          contentType,
          schema: (media.schema ?? {}) as SchemaNode,
          pointer: pointerOf('paths', pathTemplate, method, 'requestBody', 'content', contentType, 'schema'),
          source: docRef(body, 'request body'),
          examples: examplesOf(media),
          provenanceScope: scopeWithin(operationScope, body, pointerOf('paths', pathTemplate, method, 'requestBody')),
        };
      }

      const responses: ResponseSpec[] = Object.entries(operation.responses ?? {}).map(([status, response]) => {
        const r = response as Extended<OpenAPIV3_1.ResponseObject>;
        const json = pickJson(r.content);
        const provenanceScope = scopeWithin(operationScope, r, pointerOf('paths', pathTemplate, method, 'responses', status));
        return {
          status,
          description: r.description,
          contentTypes: Object.keys(r.content ?? {}),
          ...(json?.[1].schema ? { schema: json[1].schema as SchemaNode } : {}),
          pointer: json ? pointerOf('paths', pathTemplate, method, 'responses', status, 'content', json[0], 'schema') : pointerOf('paths', pathTemplate, method, 'responses', status),
          source: docRef(r, `response ${status}`),
          examples: examplesOf(json?.[1]),
          provenance: provenanceFor(provenanceScope),
          provenanceScope,
        };
      });

      const security = operation.security ?? document.security ?? [];
      operations.push({
        operationId,
        method: method.toUpperCase(),
        pathTemplate,
        summary: operation.summary ?? operationId,
        parameters,
        ...(requestBody ? { requestBody } : {}),
        responses,
        credentialSchemes: credentialSchemes(document, security),
        securitySource: docRef(operation, 'security'),
        hints: hintsOf(operation['x-conformance'], operationId, `${file}: ${opPointer}`),
        pointer: opPointer,
        provenanceScope: operationScope,
      });
    }
  }
  return operations;
}
