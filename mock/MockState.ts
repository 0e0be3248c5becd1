import { MockTasks } from './MockTasks.ts';

/** An HCX interconnect appliance. */
export interface Appliance {
  readonly applianceId: string;
  readonly name: string;
  readonly applianceType: string;
  readonly currentVersion: string;
  readonly availableVersion: string;
}

/** The fields of Huawei's HostedDirectConnect (Table 6). */
export interface HostedDirectConnect {
  readonly id: string;
  readonly tenant_id: string;
  readonly name: string;
  readonly description: string;
  readonly bandwidth: number;
  readonly location: string;
  readonly peer_location: string;
  readonly hosting_id: string;
  readonly provider: string;
  readonly admin_state_up: boolean;
  readonly vlan: number;
  readonly status: string;
  readonly apply_time: string;
  readonly create_time: string;
  readonly provider_status: string;
  readonly port_type: string;
  readonly type: string;
  readonly [extra: string]: unknown;
}

export interface StoredHostedConnect {
  readonly projectId: string;
  readonly connect: HostedDirectConnect;
}

/** A resource of an operation served from its document alone (mock/operations/documentHandler.ts). */
export interface DocumentResource {
  readonly owner?: string;
  /** The success body the resource is answered with. */
  readonly body: unknown;
}

/** Everything the mock remembers, in memory, for the life of one server. */
export class MockState {
  readonly appliances = new Map<string, Appliance>();
  /** Tasks accepted requests started (operations whose answers link to a task). */
  readonly linkTasks = new MockTasks();
  readonly hostedConnects = new Map<string, StoredHostedConnect>();
  /** By operationId and resource id. */
  readonly documentResources = new Map<string, DocumentResource>();
}
