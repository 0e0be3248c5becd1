/** An HCX interconnect appliance. */
export interface Appliance {
  readonly applianceId: string;
  readonly name: string;
  readonly applianceType: string;
  readonly currentVersion: string;
  readonly availableVersion: string;
  /** Id of an upgrade task still running: a second upgrade is refused (422) meanwhile. */
  readonly runningTaskId?: string;
}

/** An HCX interconnect task (what `GET /hybridity/api/interconnect/tasks/{id}` returns). */
export interface InterconnectTask {
  readonly interconnectTaskId: string;
  readonly applianceId: string;
  readonly operation: 'UPGRADE';
  readonly status: 'RUNNING' | 'SUCCESS';
  readonly force: boolean;
  readonly local: boolean;
  readonly method: string;
  readonly startTime: string;
  readonly endTime?: string;
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

/** Bound on kept tasks so a long benchmark does not grow memory without end. */
const MAX_TASKS = 10_000;

/** Everything the mock remembers, in memory, for the life of one server. */
export class MockState {
  readonly appliances = new Map<string, Appliance>();
  readonly tasks = new Map<string, InterconnectTask>();
  readonly hostedConnects = new Map<string, StoredHostedConnect>();
  /** By operationId and resource id. */
  readonly documentResources = new Map<string, DocumentResource>();

  addTask(task: InterconnectTask): void {
    if (this.tasks.size >= MAX_TASKS) {
      // Maps iterate in insertion order: the first key is the oldest task.
      for (const [id, old] of this.tasks) {
        if (old.status !== 'RUNNING') {
          this.tasks.delete(id);
          break;
        }
      }
    }
    this.tasks.set(task.interconnectTaskId, task);
  }
}
