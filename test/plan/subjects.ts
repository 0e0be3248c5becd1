import { fileURLToPath } from 'node:url';
import { catalogueOperation } from '../../src/catalogue/buildCatalogue.ts';
import type { Constraint } from '../../src/model/Constraint.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { OperationValidators } from '../../src/validation/OperationValidators.ts';

export interface PlanSubject {
  readonly operation: Operation;
  readonly constraints: readonly Constraint[];
  readonly validators: OperationValidators;
}

export const FIXTURES = {
  applianceId: '20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3',
  project_id: '6fbe9263116a4b68818cf1edce16bc4f',
  hosted_connect_id: '0278b472-ffa5-4eb3-8c0d-979d479f8ef6',
  widgetId: 'w-0001',
} as const;

export const WIDGETS_DOC = fileURLToPath(new URL('./fixtures/widgets.openapi.yaml', import.meta.url));

function subject(operation: Operation): PlanSubject {
  return { operation, constraints: catalogueOperation(operation), validators: new OperationValidators(operation) };
}

/** The two shipped operations and the test document's one, by operationId. */
export async function loadPlanSubjects(): Promise<Record<'hcx' | 'dc' | 'widgets', PlanSubject>> {
  const shipped = (await loadSpecs()).flatMap((s) => s.operations);
  const [widgets] = (await loadSpecs([WIDGETS_DOC])).flatMap((s) => s.operations);
  const find = (id: string): Operation => shipped.find((o) => o.operationId === id)!;
  return { hcx: subject(find('upgradeInterconnectAppliance')), dc: subject(find('updateHostedConnect')), widgets: subject(widgets!) };
}
