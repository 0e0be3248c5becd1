import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_SEED } from '../../contracts/contractSettings.ts';
import { writePacts } from '../../contracts/writePacts.ts';
import { catalogueOperation } from '../../src/catalogue/buildCatalogue.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import type { Spec } from '../../src/openapi/Spec.ts';
import { planCases } from '../../src/plan/planCases.ts';
import { validatorsFor } from '../../src/validation/validatorsFor.ts';

let root: string;
let specs: Spec[];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'write-pacts-'));
  specs = await loadSpecs();
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('writePacts', () => {
  it('leaves the pact folder as it was when generation fails part way, and leaves no work folder behind', async () => {
    const outDir = join(root, 'failing', 'pacts');
    await mkdir(outDir, { recursive: true });
    const committed = { 'interconnect-conformance-hcx-interconnect.json': '{"committed":"hcx"}\n', 'interconnect-conformance-huawei-dc.json': '{"committed":"dc"}\n' };
    for (const [name, text] of Object.entries(committed)) await writeFile(join(outDir, name), text);
    // The first document's pact is complete (Pact has written it) when the second one fails.
    const casesFor = (operation: Spec['operations'][number], fixtures: Readonly<Record<string, string>>) => {
      if (operation.operationId === specs[1]!.operations[0]!.operationId) throw new Error('planner broke');
      return planCases(operation, catalogueOperation(operation), validatorsFor(operation), { seed: CONTRACT_SEED, fixtures }).slice(0, 3);
    };
    await expect(writePacts({ specs, outDir, casesFor })).rejects.toThrow('planner broke');
    for (const [name, text] of Object.entries(committed)) expect(await readFile(join(outDir, name), 'utf8')).toBe(text);
    expect(await readdir(join(root, 'failing'))).toEqual(['pacts']);
  });

  it('replaces the pact files whole once every interaction has been exercised', async () => {
    const outDir = join(root, 'passing');
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'interconnect-conformance-huawei-dc.json'), '{"stale":true}\n');
    const written = await writePacts({
      specs,
      outDir,
      casesFor: (operation, fixtures) => planCases(operation, catalogueOperation(operation), validatorsFor(operation), { seed: CONTRACT_SEED, fixtures }).slice(0, 3),
    });
    expect(written).toEqual([join(outDir, 'interconnect-conformance-hcx-interconnect.json'), join(outDir, 'interconnect-conformance-huawei-dc.json')]);
    const dc = JSON.parse(await readFile(written[1]!, 'utf8')) as { interactions: unknown[]; stale?: boolean };
    expect(dc.stale).toBeUndefined();
    // The reference example and the three cases (none of them a duplicate request).
    expect(dc.interactions.length).toBeGreaterThanOrEqual(2);
    expect((await readFile(written[1]!, 'utf8')).endsWith('}\n')).toBe(true);
    expect(await readdir(root)).not.toContainEqual(expect.stringMatching(/^\.passing-/));
  });
});
