import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { generateMutants } from './generateMutants.ts';
import type { MutantFamily } from './Mutant.ts';

export interface MutantSummary {
  readonly id: string;
  readonly family: MutantFamily;
  readonly operationId: string;
  readonly description: string;
}

/** Every mutant of the documents the mock serves (default: the shipped ones), in generation order. */
export async function listMutants(specFiles: readonly string[] = []): Promise<MutantSummary[]> {
  const operations = (await loadSpecs(specFiles)).flatMap((s) => s.operations);
  return generateMutants(operations).map(({ id, family, operationId, description }) => ({ id, family, operationId, description }));
}
