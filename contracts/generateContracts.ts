import { fileURLToPath } from 'node:url';
import { catalogueOperation } from '../src/catalogue/buildCatalogue.ts';
import { planCases } from '../src/plan/planCases.ts';
import { loadSpecs } from '../src/openapi/loadSpecs.ts';
import { validatorsFor } from '../src/validation/validatorsFor.ts';
import { CONTRACT_SEED } from './contractSettings.ts';
import { writePacts } from './writePacts.ts';

/** Where the committed pact files live. */
export const CONTRACTS_PACTS_DIR = fileURLToPath(new URL('./pacts/', import.meta.url));

/**
 * Plans every shipped operation with the fixed contract seed and writes one pact per document into
 * `outDir`: the reference page's example exchange, the planner's deterministic valid and boundary cases,
 * every single-rule violation that can travel as a JSON document, missing and wrong credentials, and an
 * unknown resource.
 */
export async function generateContracts(outDir: string = CONTRACTS_PACTS_DIR): Promise<string[]> {
  const specs = await loadSpecs();
  return writePacts({
    specs,
    outDir,
    casesFor: (operation, fixtures) => planCases(operation, catalogueOperation(operation), validatorsFor(operation), { seed: CONTRACT_SEED, fixtures }),
  });
}
