import { ConfigError } from '../../src/errors/ConformanceError.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import type { FaultProfile } from '../FaultProfile.ts';
import { generateMutants } from './generateMutants.ts';

/** A mutant by id as a fault profile of its operation; an unknown id is a configuration error, in one line. */
export function resolveMutant(id: string, operations: readonly Operation[]): FaultProfile {
  const mutant = generateMutants(operations).find((m) => m.id === id);
  if (!mutant) throw new ConfigError(`unknown mutant "${id}"; \`npm run mock -- --list-mutants\` lists all ${generateMutants(operations).length}`);
  return { operationId: mutant.operationId, description: mutant.description, hooks: () => mutant.hooks() };
}
