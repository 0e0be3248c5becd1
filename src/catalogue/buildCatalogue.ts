import { SpecError } from '../errors/ConformanceError.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { Spec } from '../openapi/Spec.ts';
import { provenanceFor } from '../openapi/scopeWithin.ts';
import { walkSchema, type SchemaRule } from './walkSchema.ts';

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('.');
}

/** Every constraint of one operation, computed from its schemas, security and parameters. */
export function catalogueOperation(operation: Operation): Constraint[] {
  const prefix = operation.hints.constraintPrefix;
  const out: Constraint[] = [];
  const base = { operationId: operation.operationId };

  if (operation.credentialSchemes.length > 0) {
    out.push({
      ...base,
      id: join(prefix, 'auth'),
      where: 'header',
      name: [...new Set(operation.credentialSchemes.map((c) => c.header))].join(' | '),
      target: '',
      pointer: `${operation.pointer}/security`,
      kind: 'auth',
      value: operation.credentialSchemes.map((c) => c.scheme),
      source: operation.securitySource,
      credential: true,
      provenance: provenanceFor(operation.provenanceScope, 'auth'),
    });
  }

  const fromRule = (rule: SchemaRule, where: Constraint['where'], idParts: string[], pointer: string, source: string, credential: boolean, status?: string): Constraint => ({
    ...base,
    id: join(prefix, ...idParts, rule.kind),
    where,
    ...(status ? { status } : {}),
    name: rule.name,
    target: rule.target,
    pointer: `${pointer}${rule.schemaPointer}`,
    kind: rule.kind,
    value: rule.value,
    source: rule.source ?? source,
    credential,
    provenance: rule.provenance,
  });

  for (const parameter of operation.parameters) {
    if (parameter.required) {
      out.push({
        ...base,
        id: join(prefix, parameter.in, parameter.name, 'required'),
        where: parameter.in,
        name: parameter.name,
        target: '',
        pointer: parameter.pointer.replace(/\/schema$/, '/required'),
        kind: 'required',
        value: true,
        source: parameter.source,
        credential: parameter.credential,
        provenance: provenanceFor(parameter.provenanceScope, 'required'),
      });
    }
    for (const rule of walkSchema(parameter.schema, parameter.source, parameter.provenanceScope, parameter.pointer)) {
      out.push({ ...fromRule(rule, parameter.in, [parameter.in, parameter.name, rule.name], parameter.pointer, parameter.source, parameter.credential), name: join(parameter.name, rule.name) });
    }
  }

  const body = operation.requestBody;
  if (body) {
    if (body.required) {
      out.push({
        ...base,
        id: join(prefix, 'body', 'required'),
        where: 'body',
        name: '',
        target: '',
        pointer: body.pointer.replace(/\/content\/.*$/, '/required'),
        kind: 'required',
        value: true,
        source: body.source,
        credential: false,
        provenance: provenanceFor(body.provenanceScope, 'required'),
      });
    }
    if (/json/i.test(body.contentType)) {
      // The media type itself is a rule: a body that does not parse as JSON is not application/json.
      out.push({
        ...base,
        id: join(prefix, 'body', 'json'),
        where: 'body',
        name: '',
        target: '',
        pointer: body.pointer.replace(/\/schema$/, ''),
        kind: 'mediaType',
        value: body.contentType,
        source: body.source,
        credential: false,
        provenance: provenanceFor(body.provenanceScope, 'mediaType'),
      });
    }
    for (const rule of walkSchema(body.schema, body.source, body.provenanceScope, body.pointer)) out.push(fromRule(rule, 'body', ['body', rule.name], body.pointer, body.source, false));
  }

  for (const response of operation.responses) {
    if (!response.schema) continue;
    for (const rule of walkSchema(response.schema, response.source, response.provenanceScope, response.pointer)) {
      out.push(fromRule(rule, 'response', ['response', response.status, rule.name], response.pointer, response.source, false, response.status));
    }
  }
  return out;
}

/** The constraint catalogue of a whole document, operation by operation. */
export function buildCatalogue(spec: Spec): Constraint[] {
  const all = spec.operations.flatMap(catalogueOperation);
  const seen = new Set<string>();
  for (const c of all) {
    // Two operations sharing a constraintPrefix is a mistake in the document, not in the tool.
    if (seen.has(c.id)) throw new SpecError('CONF_ERR_SPEC_INVALID', `${spec.file}: duplicate constraint id ${c.id} (give each operation its own x-conformance.constraintPrefix)`);
    seen.add(c.id);
  }
  return all;
}
