import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';
import { schemaArbitrary } from '../../src/plan/arbitraries/schemaArbitrary.ts';

/** Every member schema of the shipped request and response bodies. */
async function memberSchemas(): Promise<SchemaNode[]> {
  const out: SchemaNode[] = [];
  const seen = new Set<SchemaNode>();
  const visit = (node: SchemaNode | undefined): void => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    out.push(node);
    for (const child of Object.values(node.properties ?? {})) visit(child);
    if (node.items) visit(node.items);
  };
  for (const spec of await loadSpecs([])) for (const operation of spec.operations) [operation.requestBody?.schema, ...operation.responses.map((r) => r.schema)].forEach(visit);
  return out;
}

// stateSequenceDrafts draws a few values first and the full sample only when they do not suffice: the
// plan is the same only while a shorter sample is the head of a longer one under the same seed.
describe('fast-check samples under one seed', () => {
  it('a short sample is the head of a longer one, for every member schema of the shipped documents', async () => {
    const schemas = await memberSchemas();
    expect(schemas.length).toBeGreaterThan(20);
    for (const schema of schemas) {
      for (const seed of [7, 1003]) {
        const arbitrary = schemaArbitrary(schema);
        const full = fc.sample(arbitrary, { seed, numRuns: 24 });
        for (const numRuns of [1, 2]) expect(fc.sample(arbitrary, { seed, numRuns })).toEqual(full.slice(0, numRuns));
      }
    }
  });
});
