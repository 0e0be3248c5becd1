import { atLeastOneMembers } from '../catalogue/walkSchema.ts';
import type { PlannedRequest } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import type { BaseRequest } from './baseRequest.ts';
import { codePointLength } from './codePointLength.ts';
import { constraintSite, type ConstraintSite } from './constraintSite.ts';
import { foreignValues } from './foreignValues.ts';
import { isBodyMediaType } from './issueConstraintIds.ts';
import { malformedJson } from './malformedJson.ts';
import { minimalValue } from './minimalValue.ts';
import type { PlanDraft } from './PlanDraft.ts';
import { schemaTypes } from './schemaTypes.ts';
import { resizeText, textOfLength, type TextChannel } from './textOfLength.ts';
import { REMOVE } from './withBodyValue.ts';

const WORD = 'invalid-value';

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${[...text].slice(0, 12).join('')}… (${codePointLength(text)} chars)` : text;
}

/** A text of `length` code points built from the current value when it is text (a prefix of a real id stays a prefix). */
function textAt(site: ConstraintSite, length: number): string {
  const node = site.node ?? {};
  if (typeof site.current === 'string' && site.current.length > 0) return resizeText(site.current, length, site.channel);
  return textOfLength(length, node, site.channel) ?? resizeText('', length, site.channel);
}

function notMatching(node: SchemaNode, pattern: string, channel: TextChannel, current: unknown): string | undefined {
  const re = new RegExp(pattern, 'u');
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Number.POSITIVE_INFINITY;
  const length = Math.min(max, Math.max(min, typeof current === 'string' ? codePointLength(current) : 8, 1));
  const fillers = [' ', '!', '~', '-', '.', '_', 'Z', 'z', '0'];
  const candidates = [...fillers.map((f) => f.repeat(length)), ...(channel === 'text' ? ['é'.repeat(length)] : []), `${WORD}!`.slice(0, length)];
  return candidates.find((c) => codePointLength(c) === length && !re.test(c));
}

function notInEnum(values: readonly unknown[]): unknown {
  if (values.every((v) => typeof v === 'number')) return Math.max(...(values as number[])) + 1;
  for (let i = 0; ; i += 1) {
    const word = i === 0 ? WORD : `${WORD}-${i}`;
    if (!values.includes(word)) return word;
  }
}

/** A property name the schema does not define. */
function unknownPropertyName(node: SchemaNode): string {
  let name = 'unknown_field';
  while (node.properties?.[name] !== undefined) name = `_${name}`;
  return name;
}

/** The object at a group's site with none of the group's members (only its other required members). */
function emptyOfGroup(current: unknown, node: SchemaNode, members: readonly string[]): Record<string, unknown> {
  const source = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const name of node.required ?? []) {
    if (members.includes(name)) continue;
    const child = node.properties?.[name];
    out[name] = name in source ? source[name] : child ? minimalValue(child) : null;
  }
  return out;
}

/** The variations of one constraint: each request breaks it, and is otherwise the base request. */
function violations(operation: Operation, c: Constraint, base: PlannedRequest): Array<{ label: string; request: PlannedRequest }> {
  const site = constraintSite(operation, c, base);
  if (!site) return [];
  const node = site.node ?? {};
  const name = c.name || 'body';
  // A credential's rules are not exercised: an over-long or short token is just a wrong one (the
  // wrong-auth case), and a front proxy may refuse an oversize header before the API sees it.
  if (c.credential) return [];
  switch (c.kind) {
    case 'required':
      // An empty path segment addresses another route, not this operation: its answer says nothing here.
      if (c.where === 'path') return [];
      if (c.where === 'body' && c.target === '') return [{ label: 'no body', request: site.set(REMOVE) }];
      return [{ label: `${name} omitted`, request: site.set(REMOVE) }];
    case 'type':
      return foreignValues(node, c.where !== 'body').map((value) => ({ label: `${name} = ${show(value)}`, request: site.set(value) }));
    case 'enum': {
      const value = notInEnum(c.value as readonly unknown[]);
      return [{ label: `${name}=${show(value)}`, request: site.set(value) }];
    }
    case 'minLength': {
      const min = c.value as number;
      return min > 0 ? [{ label: `${name} length ${min - 1}`, request: site.set(textAt(site, min - 1)) }] : [];
    }
    case 'maxLength': {
      const max = c.value as number;
      return [{ label: `${name} length ${max + 1}`, request: site.set(textAt(site, max + 1)) }];
    }
    case 'minimum':
    case 'maximum': {
      const limit = c.value as number;
      const integer = schemaTypes(node).includes('integer');
      const value = c.kind === 'minimum' ? (integer ? Math.ceil(limit) - 1 : limit - 1) : integer ? Math.floor(limit) + 1 : limit + 1;
      return [{ label: `${name} = ${value}`, request: site.set(value) }];
    }
    case 'pattern': {
      const value = notMatching(node, c.value as string, site.channel, site.current);
      return value === undefined ? [] : [{ label: `${name} = ${show(value)}`, request: site.set(value) }];
    }
    case 'format': {
      if (isBodyMediaType(c)) {
        const json = base.body && 'json' in base.body ? base.body.json : undefined;
        return [{ label: 'malformed JSON', request: { ...base, body: { raw: malformedJson(json) } } }];
      }
      const min = node.minLength ?? 0;
      const max = node.maxLength ?? Number.POSITIVE_INFINITY;
      const word = `not-a-${String(c.value)}`;
      const value = resizeText(word, Math.min(max, Math.max(min, codePointLength(word))), site.channel);
      return [{ label: `${name} = ${show(value)}`, request: site.set(value) }];
    }
    case 'atLeastOne': {
      const members = atLeastOneMembers(node) ?? (c.value as string[]);
      const empty = emptyOfGroup(site.current, node, members);
      const drafts = [{ label: `${name} with none of ${members.join(', ')}`, request: site.set(empty) }];
      // A field the group does not name does not satisfy it either: catches a server that only counts keys.
      // Only where the schema leaves the object open, so the request breaks this one rule and no other.
      if (node.additionalProperties !== false) {
        const stranger = unknownPropertyName(node);
        drafts.push({ label: `${name} with only ${stranger}`, request: site.set({ ...empty, [stranger]: 'x' }) });
      }
      return drafts;
    }
    default:
      return [];
  }
}

/**
 * One request per breakable request constraint (and per way of breaking it), each breaking that one
 * constraint of the base request. Rules that cannot be broken on the wire (a text parameter's `type`,
 * `minLength: 0`) yield nothing.
 */
export function invalidDrafts(operation: Operation, constraints: readonly Constraint[], base: BaseRequest): PlanDraft[] {
  const drafts: PlanDraft[] = [];
  for (const c of constraints) {
    if (c.where === 'response' || c.kind === 'auth') continue;
    for (const { label, request } of violations(operation, c, base.request)) {
      drafts.push({ intent: { kind: 'invalid', constraintId: c.id, label }, request, needsFixture: base.needsFixture });
    }
  }
  return drafts;
}
