import type { RuleEdge } from '../model/Case.ts';
import type { CaseResult } from '../model/CaseResult.ts';

function edgeName(operationId: string, edge: { readonly constraintId: string; readonly family?: string }): string {
  return `${operationId}|${edge.constraintId}|${edge.family ?? ''}`;
}

/**
 * The rule edges whose boundary case failed on its own rule in this leg (`operationId|constraintId|family`),
 * noted as results arrive: a random request that stands at several edges is keyed as the one whose
 * boundary case failed (src/plan/edgeOf.ts), since that is the defect it most likely shows again.
 */
export class FailedEdges {
  private readonly failed = new Set<string>();

  note(result: CaseResult): void {
    if (result.status !== 'ran' || result.case.intent.kind !== 'boundary') return;
    const { intent } = result.case;
    if (result.verdicts.some((v) => v.outcome === 'fail' && v.constraintId === intent.constraintId)) this.failed.add(edgeName(result.case.operationId, intent));
  }

  has(operationId: string, edge: RuleEdge): boolean {
    return this.failed.has(edgeName(operationId, edge));
  }
}
