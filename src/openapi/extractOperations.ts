import type { OpenAPIV3_1 } from 'openapi-types';
import { hintsOf } from './hintsOf.ts';
import { linksOf } from './linksOf.ts';
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
    const value = (example as OpenAPIV3_1.ExampleObject).value as unknown;
    if (value !== undefined) out.push(value);
  }
  return out;
}

function pickJson(content: Record<string, OpenAPIV3_1.MediaTypeObject> | undefined): [string, OpenAPIV3_1.MediaTypeObject] | undefined {
  const entries = Object.entries(content ?? {});
  return entries.find(([type]) => /[/+]json\b/i.test(type)) ?? entries[0];
}

/** Why a security scheme cannot be sent, or `undefined` when it can: a header the runner fills from `--token`. */
function schemeProblem(name: string, scheme: OpenAPIV3_1.SecuritySchemeObject | undefined): string | undefined {
  if (!scheme) return `security requirement names unknown scheme "${name}"`;
  if (scheme.type === 'apiKey')
    return scheme.in === 'header' ? undefined : `security scheme "${name}" (apiKey in ${scheme.in}) is not supported: only header API keys, HTTP, OAuth 2 and OpenID Connect bearer tokens`;
  if (scheme.type === 'http' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return undefined;
  return `security scheme "${name}" (${(scheme as { type: string }).type}) is not supported: only header API keys, HTTP, OAuth 2 and OpenID Connect bearer tokens`;
}

function schemeOf(name: string, scheme: OpenAPIV3_1.SecuritySchemeObject): CredentialScheme {
  if (scheme.type === 'apiKey') return { scheme: name, header: scheme.name.toLowerCase(), prefix: '' };
  if (scheme.type === 'http') {
    const prefix = scheme.scheme.toLowerCase() === 'bearer' ? 'Bearer ' : `${scheme.scheme[0]?.toUpperCase()}${scheme.scheme.slice(1)} `;
    return { scheme: name, header: 'authorization', prefix };
  }
  // An OAuth 2 or OpenID Connect access token travels as a bearer token (RFC 6750).
  return { scheme: name, header: 'authorization', prefix: 'Bearer ' };
}

/**
 * The credential schemes of an operation's security requirements (alternatives: any one authenticates),
 * or why none can be sent. A requirement naming several schemes needs them all: it is used only when it
 * names one. An empty requirement (`{}`) makes the credential optional: no credential rule then.
 */
function credentialSchemes(document: OpenAPIV3_1.Document, security: OpenAPIV3_1.SecurityRequirementObject[]): { schemes: CredentialScheme[]; problem?: string } {
  const schemes = document.components?.securitySchemes ?? {};
  if (security.some((requirement) => Object.keys(requirement).length === 0)) return { schemes: [] };
  const out: CredentialScheme[] = [];
  const problems: string[] = [];
  for (const requirement of security) {
    const names = Object.keys(requirement);
    const problem = names.map((name) => schemeProblem(name, schemes[name] as OpenAPIV3_1.SecuritySchemeObject | undefined)).find((p) => p !== undefined);
    if (problem !== undefined) {
      problems.push(problem);
      continue;
    }
    const sent = names.map((name) => schemeOf(name, schemes[name] as OpenAPIV3_1.SecuritySchemeObject));
    // Several schemes that travel the same way (two OAuth 2 flows: one bearer token) are one credential;
    // several headers at once (a key and a client id) are the first scheme with its companions, which
    // the user gives with --header.
    const headers = [...new Set(sent.map((c) => c.header))];
    if (headers.length < sent.length && new Set(sent.map((c) => `${c.header}\u0000${c.prefix}`)).size > headers.length) {
      problems.push(`security requirement ${names.map((n) => `"${n}"`).join(' + ')} sends two credentials in one header, which is not supported`);
    } else if (!out.some((c) => c.scheme === sent[0]!.scheme)) {
      out.push(headers.length > 1 ? { ...sent[0]!, companions: headers.filter((h) => h !== sent[0]!.header) } : sent[0]!);
    }
  }
  return out.length === 0 && problems.length > 0 ? { schemes: [], problem: problems[0]! } : { schemes: out };
}

/**
 * A parameter's example value: its `example`, else the first of its `examples`, else its schema's
 * `example` or first `examples` entry (where documents put the ids of real resources).
 */
function parameterExample(parameter: OpenAPIV3_1.ParameterObject): unknown {
  const found = firstExample(parameter);
  // A path id travels as text: a numeric example id (`petId: 10`) is the text `10`.
  return parameter.in === 'path' && (typeof found === 'number' || typeof found === 'boolean') ? String(found) : found;
}

function firstExample(parameter: OpenAPIV3_1.ParameterObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {})
    .map((e) => (e as OpenAPIV3_1.ExampleObject).value as unknown)
    .find((v) => v !== undefined);
  if (named !== undefined) return named;
  const schema = (parameter.schema ?? {}) as { example?: unknown; examples?: unknown };
  if (schema.example !== undefined) return schema.example;
  return Array.isArray(schema.examples) ? schema.examples[0] : undefined;
}

/** An operationId for an operation that has none: its method and path, as one word (`get_pets_petId`). */
function derivedOperationId(method: string, pathTemplate: string): string {
  const words = pathTemplate.split(/[^A-Za-z0-9_]+/).filter((w) => w !== '');
  return [method, ...words].join('_');
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

/** The operations of a document, the ones left out (each naming the operation and why) and what was read leniently. */
export interface ExtractedOperations {
  readonly operations: Operation[];
  readonly skipped: Array<{ readonly operation: string; readonly reason: string }>;
  readonly warnings: string[];
}

/**
 * Turns every operation of a dereferenced document into the suite's typed `Operation`. An operation
 * that cannot be tested as the document says (a security scheme that cannot be sent, a required cookie)
 * is left out and named in `skipped`; the others are still tested.
 */
export function extractOperations(document: OpenAPIV3_1.Document, file: string, options: { readonly lenient?: boolean } = {}): ExtractedOperations {
  const operations: Operation[] = [];
  const skipped: Array<{ operation: string; reason: string }> = [];
  const warnings: string[] = [];
  const usedIds = new Set<string>();
  /** Operations whose credential is several headers at once, by those headers. */
  const needTogether = new Map<string, string[]>();
  /** Per extracted operation, its responses' raw `links` and where they are: resolved once every operation is known. */
  const rawLinks: Array<Array<{ readonly links: unknown; readonly at: string }>> = [];
  for (const [pathTemplate, pathItem] of Object.entries(document.paths ?? {})) {
    if (!pathItem) continue;
    checkProvenanceExtensions(pathItem.parameters, `${file}: ${pointerOf('paths', pathTemplate, 'parameters')}`);
    for (const method of METHODS) {
      const operation = pathItem[method] as Extended<OpenAPIV3_1.OperationObject> | undefined;
      if (!operation) continue;
      const opPointer = pointerOf('paths', pathTemplate, method);
      let operationId = operation.operationId ?? derivedOperationId(method, pathTemplate);
      // A document may repeat an operationId (which OpenAPI forbids): each operation keeps a name of its own.
      for (let n = 2; usedIds.has(operationId); n += 1) operationId = `${operation.operationId ?? derivedOperationId(method, pathTemplate)}_${n}`;
      usedIds.add(operationId);
      const title = `${method.toUpperCase()} ${pathTemplate}`;
      checkProvenanceExtensions(operation, `${file}: ${opPointer}`);
      const operationScope = scopeWithin(PAGE_SCOPE, operation, opPointer);

      const pathLevel = (pathItem.parameters ?? []) as Array<Extended<OpenAPIV3_1.ParameterObject>>;
      const operationLevel = (operation.parameters ?? []) as Array<Extended<OpenAPIV3_1.ParameterObject>>;
      // An operation's parameter overrides the path's parameter of the same name and location.
      const overridden = (p: Extended<OpenAPIV3_1.ParameterObject>): boolean => operationLevel.some((o) => o.in === p.in && o.name === p.name);
      const located = [
        ...pathLevel.map((parameter, index) => ({ parameter, base: pointerOf('paths', pathTemplate, 'parameters', String(index)) })).filter(({ parameter }) => !overridden(parameter)),
        ...operationLevel.map((parameter, index) => ({ parameter, base: pointerOf('paths', pathTemplate, method, 'parameters', String(index)) })),
      ];
      const cookie = located.find(({ parameter }) => parameter.in === 'cookie' && parameter.required === true);
      if (cookie) {
        skipped.push({ operation: `${title} (${operationId})`, reason: `required cookie parameter "${cookie.parameter.name}" is not supported` });
        continue;
      }
      for (const { parameter } of located) if (parameter.in === 'cookie') warnings.push(`${file}: ${title}: optional cookie parameter "${parameter.name}" is never sent`);
      const parameters: ParameterSpec[] = located
        .filter(({ parameter }) => parameter.in !== 'cookie')
        .map(({ parameter, base }) => {
          return {
            name: parameter.name,
            in: parameter.in as ParameterSpec['in'],
            required: parameter.required === true || parameter.in === 'path',
            schema: (parameter.schema ?? {}) as SchemaNode,
            pointer: `${base}/schema`,
            credential: parameter['x-credential'] === true,
            provenanceScope: scopeWithin(operationScope, parameter, base),
            source: docRef(parameter, `${parameter.in} parameter ${parameter.name}`),
            ...(parameterExample(parameter) !== undefined ? { example: parameterExample(parameter) } : {}),
            ...(typeof parameter.style === 'string' ? { style: parameter.style } : {}),
            ...(parameter.allowEmptyValue === true ? { allowEmptyValue: true } : {}),
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

      const security = credentialSchemes(document, operation.security ?? document.security ?? []);
      if (security.problem !== undefined) {
        skipped.push({ operation: `${title} (${operationId})`, reason: security.problem });
        continue;
      }
      const together = security.schemes.filter((c) => c.companions !== undefined);
      for (const c of together) {
        const headers = [c.header, ...c.companions!].join(' + ');
        needTogether.set(headers, [...(needTogether.get(headers) ?? []), `${title} (${operationId})`]);
      }
      rawLinks.push(
        Object.entries(operation.responses ?? {}).map(([status, response]) => ({
          links: (response as OpenAPIV3_1.ResponseObject).links,
          at: `${file}: ${pointerOf('paths', pathTemplate, method, 'responses', status)}`,
        })),
      );
      operations.push({
        operationId,
        method: method.toUpperCase(),
        pathTemplate,
        summary: operation.summary ?? operationId,
        parameters,
        ...(requestBody ? { requestBody } : {}),
        responses,
        credentialSchemes: security.schemes,
        securitySource: docRef(operation, 'security'),
        hints: hintsOf(operation['x-conformance'], operationId, `${file}: ${opPointer}`),
        pointer: opPointer,
        provenanceScope: operationScope,
        ...(options.lenient === true ? { lenientSchemas: true } : {}),
      });
    }
  }
  // Links name operations by id or by reference: read once every operation of the document is known.
  const idOf = (path: string, method: string): string | undefined => operations.find((o) => o.pathTemplate === path && o.method === method.toUpperCase())?.operationId;
  const known = (id: string): boolean => operations.some((o) => o.operationId === id);
  operations.forEach((operation, index) => {
    const withLinks = operation.responses.map((response, r) => {
      const links = linksOf(rawLinks[index]![r]?.links, rawLinks[index]![r]?.at ?? '', idOf, known, (line) => warnings.push(line));
      return links.length > 0 ? { ...response, links } : response;
    });
    if (withLinks.some((r, i) => r !== operation.responses[i])) operations[index] = { ...operation, responses: withLinks };
  });
  for (const [headers, titles] of needTogether) {
    const first = headers.split(' + ')[0]!;
    warnings.push(
      `${file}: ${titles.slice(0, 3).join(', ')}${titles.length > 3 ? ` and ${titles.length - 3} more` : ''}: need the headers ${headers} at once: --token fills ${first}, give the others with --header`,
    );
  }
  return { operations, skipped, warnings };
}
