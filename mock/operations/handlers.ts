import { getInterconnectTask } from './getInterconnectTask.ts';
import type { OperationHandler } from './OperationHandler.ts';
import { updateHostedConnect } from './updateHostedConnect.ts';
import { upgradeInterconnectAppliance } from './upgradeInterconnectAppliance.ts';

/** Every operation the mock serves. */
export const handlers: readonly OperationHandler[] = [upgradeInterconnectAppliance, getInterconnectTask, updateHostedConnect];
