import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { ConfigError } from '../errors/ConformanceError.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import { baseRequest, parameterText } from '../plan/baseRequest.ts';
import { issueConstraintIds } from '../plan/issueConstraintIds.ts';
import { schemaAt } from '../plan/schemaAt.ts';
import type { ValueRestriction } from '../plan/ValueRestriction.ts';
import { withBodyValue } from '../plan/withBodyValue.ts';
import { withParameter } from '../plan/withParameter.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { jsonText } from '../openapi/jsonText.ts';

type Site = ValueRestriction['site'];

/** The input an operation knows by this name: a (non-credential) parameter, or a body member's JSON pointer. */
function siteOf(operation: Operation, input: string): Site | undefined {
  if (input.startsWith('/')) {
    const body = operation.requestBody;
    return body && schemaAt(body.schema, input) !== undefined ? { in: 'body', pointer: input } : undefined;
  }
  const p = operation.parameters.find((q) => !q.credential && (q.in === 'header' ? q.name.toLowerCase() === input.toLowerCase() : q.name === input));
  return p ? { in: p.in, name: p.name } : undefined;
}

/** The inputs a restriction may name, for the error message. */
function inputsOf(operation: Operation): string[] {
  const parameters = operation.parameters.filter((p) => !p.credential).map((p) => p.name);
  const members = Object.keys(operation.requestBody?.schema.properties ?? {}).map((k) => `/${k}/...`);
  return [...parameters, ...members];
}

/**
 * The value as it is sent, when the document allows it; else the constraints it breaks. A command-line
 * value is text: a body member that is not a string takes it as JSON (`10`, `true`) when that is valid.
 */
function admit(operation: Operation, constraints: readonly Constraint[], validators: OperationValidators, site: Site, value: unknown, fromText: boolean): { value: unknown } | { broken: string[] } {
  const base = baseRequest(operation, validators, { fixtures: {} }).request;
  const baseIssues = validators.validateRequest(base).issues;
  const before = new Set(issueConstraintIds(baseIssues, constraints));
  const brokenBy = (candidate: unknown): string[] => {
    const request =
      site.in === 'body' ? withBodyValue(base, operation.requestBody!.schema, site.pointer, candidate) : withParameter(base, operation.pathTemplate, site.in, site.name, parameterText(candidate));
    const issues = validators.validateRequest(request).issues;
    const ids = issueConstraintIds(issues, constraints).filter((id) => !before.has(id));
    return ids.length > 0 ? ids : issues.length > baseIssues.length ? ['the document'] : [];
  };
  const asSent = (v: unknown): unknown => (site.in === 'body' ? v : parameterText(v));
  const broken = brokenBy(value);
  if (broken.length === 0) return { value: asSent(value) };
  if (fromText && site.in === 'body' && typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (brokenBy(parsed).length === 0) return { value: parsed };
    } catch {
      // Not JSON: the text itself was the value meant.
    }
  }
  return { broken };
}

/**
 * The value restrictions of one operation: the run's `--only-value` (`onlyValues`) for every input the
 * operation has, then the operation's own `values` in the config file (which replace them input by
 * input). Each allowed value is checked against the document; a value it forbids, or an input the
 * operation does not have, is a configuration error before anything is sent.
 */
export function valueRestrictionsOf(operation: Operation, constraints: readonly Constraint[], validators: OperationValidators, config: ConformanceConfig): ValueRestriction[] {
  const own = config.operations[operation.operationId]?.values ?? {};
  const entries: Array<{ input: string; values: readonly unknown[]; source: string; fromText: boolean; required: boolean }> = [
    ...Object.entries(config.onlyValues ?? {})
      .filter(([input]) => own[input] === undefined)
      .map(([input, values]) => ({ input, values, source: `--only-value ${input}`, fromText: true, required: false })),
    ...Object.entries(own).map(([input, values]) => ({ input, values, source: `operations.${operation.operationId}.values.${input}`, fromText: false, required: true })),
  ];
  const restrictions: ValueRestriction[] = [];
  for (const { input, values, source, fromText, required } of entries) {
    const site = siteOf(operation, input);
    if (!site) {
      if (required) throw new ConfigError(`${source}: ${operation.operationId} has no input "${input}" (a parameter name or a body member's JSON pointer: ${inputsOf(operation).join(', ')})`);
      continue;
    }
    const allowed: unknown[] = [];
    for (const value of values) {
      const admitted = admit(operation, constraints, validators, site, value, fromText);
      if ('broken' in admitted) throw new ConfigError(`${source}: the document does not allow ${input}=${jsonText(value)} for ${operation.operationId} (it breaks ${admitted.broken.join(', ')})`);
      allowed.push(admitted.value);
    }
    restrictions.push({ input, site, allowed, source });
  }
  return restrictions;
}
