import type { PlannedRequest } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import { pointerOf, valueAt } from '../openapi/pointer.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { minimalValue } from '../values/minimalValue.ts';
import { schemaTypes } from '../values/schemaTypes.ts';
import { typedText } from '../values/typedText.ts';
import { REMOVE } from '../keywords/REMOVE.ts';
import { parameterText, type BaseRequest } from './baseRequest.ts';
import { classifyRequest } from './classifyRequest.ts';
import type { PlanDraft } from './PlanDraft.ts';
import { withBodyValue } from './withBodyValue.ts';
import { withParameter } from './withParameter.ts';

/** One optional input of a request and the values it takes, absence first. */
interface Input {
  readonly name: string;
  readonly kind: 'parameter' | 'body';
  readonly values: readonly unknown[];
  apply(request: PlannedRequest, value: unknown): PlannedRequest;
  /** The input's value in a request (`undefined`: absent). */
  read(request: PlannedRequest): unknown;
}

/** The values worth pairing for one schema node: every enum value, both booleans, or a value people type. */
function valuesOf(node: SchemaNode, index: number): unknown[] {
  if (node.enum) return [...node.enum];
  const type = schemaTypes(node).find((t) => t !== 'null');
  if (type === 'boolean') return [true, false];
  if (type === 'string') {
    const typed = node.format === undefined ? typedText(node, index) : undefined;
    return [typed ?? minimalValue(node)];
  }
  return [minimalValue(node)];
}

function inputsOf(operation: Operation, base: BaseRequest): Input[] {
  const inputs: Input[] = [];
  for (const p of operation.parameters) {
    if (p.in === 'path' || p.required || p.credential) continue;
    inputs.push({
      name: p.name,
      kind: 'parameter',
      values: [REMOVE, ...valuesOf(p.schema, inputs.length).map((value) => parameterText(value, p))],
      apply: (request, value) => withParameter(request, operation.pathTemplate, p.in, p.name, value === REMOVE ? undefined : (value as string)),
      read: (request) => (p.in === 'query' ? request.query : p.in === 'header' ? request.headers : {})[p.name],
    });
  }
  const body = operation.requestBody;
  if (!body) return inputs;
  if (!body.required && base.request.body !== undefined) {
    const sent = base.request.body;
    inputs.push({
      name: 'body',
      kind: 'body',
      values: [REMOVE, sent],
      apply: (request, value) => (value === REMOVE ? (({ body: _b, ...rest }) => rest)(request) : { ...request, body: sent }),
      read: (request) => request.body,
    });
  }
  // Optional members of the body and of its objects one level down (Huawei: hosted_connect's fields).
  const visit = (node: SchemaNode, pointer: string, depth: number): void => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const here = `${pointer}${pointerOf(name)}`;
      if (!(node.required ?? []).includes(name)) {
        inputs.push({
          name: here.slice(1).replaceAll('/', '.'),
          kind: 'body',
          values: [REMOVE, ...valuesOf(child, inputs.length)],
          apply: (request, value) => withBodyValue(request, body.schema, here, value),
          read: (request) => (request.body && 'json' in request.body ? valueAt(request.body.json, here) : undefined),
        });
      } else if (depth < 1 && child.properties) visit(child, here, depth + 1);
    }
  };
  if (!body.schema['x-conformance-examples-only']) visit(body.schema, '', 0);
  return inputs;
}

/**
 * Valid requests in which every pair of values of two optional inputs (parameters, the optional body,
 * optional body members; each absent or present with each of its values) appears at least once: the
 * combinations careless code gets wrong, before random exploration. Greedy pairwise covering; a row the
 * document does not accept (an at-least-one group left empty) gets its free inputs filled until it does.
 */
export function pairwiseDrafts(operation: Operation, constraints: readonly Constraint[], validators: OperationValidators, base: BaseRequest): PlanDraft[] {
  const inputs = inputsOf(operation, base);
  if (inputs.length < 2) return [];
  const uncovered = new Set<string>();
  const pair = (i: number, a: number, j: number, b: number): string => `${i}:${a}|${j}:${b}`;
  inputs.forEach((x, i) => inputs.forEach((y, j) => j > i && x.values.forEach((_, a) => y.values.forEach((__, b) => uncovered.add(pair(i, a, j, b))))));
  const build = (row: readonly number[]): PlannedRequest => row.reduce((request, v, i) => inputs[i]!.apply(request, inputs[i]!.values[v]), base.request);
  const drafts: PlanDraft[] = [];
  while (uncovered.size > 0 && drafts.length < 64) {
    const [first] = uncovered;
    const [[i, a], [j, b]] = first!.split('|').map((p) => p.split(':').map(Number)) as [[number, number], [number, number]];
    const row: number[] = inputs.map(() => -1);
    row[i] = a;
    row[j] = b;
    // Each free input takes the value that covers the most pairs not yet covered with the values chosen so far.
    inputs.forEach((input, k) => {
      if (row[k] !== -1) return;
      const gain = (v: number): number => row.filter((w, m) => w !== -1 && uncovered.has(m < k ? pair(m, w, k, v) : pair(k, v, m, w))).length;
      row[k] = input.values.map((_, v) => v).sort((x, y) => gain(y) - gain(x))[0]!;
    });
    let request = build(row);
    for (let k = 0; k < inputs.length && !classifyRequest(constraints, validators, request).valid; k += 1) {
      if (k === i || k === j || inputs[k]!.values[row[k]!] !== REMOVE) continue;
      row[k] = 1;
      request = build(row);
    }
    row.forEach((v, m) => row.forEach((w, n) => n > m && uncovered.delete(pair(m, v, n, w))));
    if (!classifyRequest(constraints, validators, request).valid) continue;
    const shown =
      row
        .flatMap((v, m) => {
          const value = inputs[m]!.values[v];
          if (value === REMOVE) return [];
          return [typeof value === 'string' && inputs[m]!.kind === 'parameter' ? `${inputs[m]!.name}=${value}` : inputs[m]!.name];
        })
        .join(', ') || 'no optional input';
    drafts.push({ intent: { kind: 'valid', label: `pairwise: ${shown}` }, variant: `pairwise-${drafts.length + 1}`, request, needsFixture: base.needsFixture });
  }
  return drafts;
}

/**
 * What a request's optional inputs are, as facts a careless server may branch on: each input absent or
 * present, and present with which of its listed values (`force=true`, `hosted_connect.name:present`).
 */
export function inputFacts(operation: Operation, base: BaseRequest): (request: PlannedRequest) => string[] {
  const inputs = inputsOf(operation, base);
  return (request) =>
    inputs.flatMap((input) => {
      const value = input.read(request);
      if (value === undefined) return [`${input.name}:absent`];
      const listed = input.values.length > 2 && (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number');
      return listed ? [`${input.name}:present`, `${input.name}=${String(value)}`] : [`${input.name}:present`];
    });
}
