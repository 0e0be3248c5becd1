import { atLeastOneMembers } from '../catalogue/walkSchema.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import type { BaseRequest } from './baseRequest.ts';
import { constraintSite } from './constraintSite.ts';
import { minimalValue } from './minimalValue.ts';
import type { PlanDraft } from './PlanDraft.ts';
import { schemaTypes } from './schemaTypes.ts';
import { textOfLength, textWithinBytes } from './textOfLength.ts';

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Keeps an object's members that are not in the group and that its schema requires. */
function withoutGroup(current: unknown, node: SchemaNode, members: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  for (const name of node.required ?? []) {
    if (members.includes(name)) continue;
    const child = node.properties?.[name];
    out[name] = name in source ? source[name] : child ? minimalValue(child) : null;
  }
  return out;
}

/**
 * Valid requests at the edges the document states, one variation of the base request each: every enum
 * value, each string at exactly its minLength and maxLength (in code points, with non-ASCII text), each
 * number at its minimum and maximum, and each member of an at-least-one group alone. Credential rules
 * and path parameters are left out: a path id at its edge is the unknown-resource case.
 */
export function boundaryDrafts(operation: Operation, constraints: readonly Constraint[], base: BaseRequest): PlanDraft[] {
  const drafts: PlanDraft[] = [];
  const add = (c: Constraint, label: string, request: PlanDraft['request']): void => {
    drafts.push({ intent: { kind: 'boundary', constraintId: c.id, label }, request, needsFixture: base.needsFixture });
  };
  for (const c of constraints) {
    if (c.credential || c.where === 'path' || c.where === 'response') continue;
    const site = constraintSite(operation, c, base.request);
    if (!site?.node) continue;
    const node = site.node;
    const name = c.name || 'body';
    switch (c.kind) {
      case 'enum':
        for (const value of c.value as readonly unknown[]) add(c, `${name}=${describe(value)}`, site.set(value));
        break;
      case 'minLength':
      case 'maxLength': {
        // ASCII at the limit: its length is the same whether a server counts code points, UTF-16 units or
        // bytes, so a boundary case never blames a server for a counting the page does not settle.
        const text = textOfLength(c.value as number, node, 'ascii') ?? textOfLength(c.value as number, node, site.channel);
        if (text !== undefined) add(c, `${name} length ${String(c.value)}`, site.set(text));
        // Non-ASCII text that stays within the limit under every counting (UTF-8 bytes included).
        const wide = c.kind === 'maxLength' && site.channel === 'text' ? textWithinBytes(c.value as number, node) : undefined;
        if (wide !== undefined && wide !== text) drafts.push({ intent: { kind: 'valid', label: `${name} non-ASCII, ${Buffer.byteLength(wide)} bytes` }, request: site.set(wide), needsFixture: base.needsFixture });
        break;
      }
      case 'minimum':
      case 'maximum': {
        const integer = schemaTypes(node).includes('integer');
        const raw = c.value as number;
        const value = integer ? (c.kind === 'minimum' ? Math.ceil(raw) : Math.floor(raw)) : raw;
        add(c, `${name} = ${value}`, site.set(value));
        break;
      }
      case 'atLeastOne': {
        const members = atLeastOneMembers(node) ?? (c.value as string[]);
        const current = site.current !== null && typeof site.current === 'object' ? (site.current as Record<string, unknown>) : {};
        for (const member of members) {
          const child = node.properties?.[member];
          const value = member in current ? current[member] : child ? minimalValue(child) : null;
          add(c, `only ${member}`, site.set({ ...withoutGroup(site.current, node, members), [member]: value }));
        }
        break;
      }
      default:
        break;
    }
  }
  return drafts;
}
