import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { severityOf } from '../model/Provenance.ts';
import type { Relaxation } from '../model/RunReport.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * Every way the resolved configuration makes the run's judgement laxer than the document, per operation
 * of the run: rules demoted to a warning (unless `--strict` overrides the demotion, or the rule is a
 * warning anyway), checks skipped, statuses accepted on top of the documented ones. The verdict line and
 * every report show this list, so a configuration cannot certify a server silently: a new setting that
 * relaxes a rule adds its line here.
 */
export function relaxationsOf(config: ConformanceConfig, operations: readonly PreparedOperation[]): Relaxation[] {
  const ran = new Set(operations.map((p) => p.operation.operationId));
  return Object.entries(config.operations)
    .filter(([operationId]) => ran.has(operationId))
    .flatMap(([operationId, o]): Relaxation[] => {
      const at = `operations.${operationId}`;
      const constraints = operations.find((p) => p.operation.operationId === operationId)?.constraints ?? [];
      const warningAnyway = (rule: string): boolean => {
        const constraint = constraints.find((c) => c.id === rule);
        return constraint !== undefined && severityOf(constraint.provenance, false) === 'warning';
      };
      const demoted = config.strict ? [] : Object.entries(o.severity ?? {}).filter(([rule, severity]) => severity === 'warning' && !warningAnyway(rule));
      return [
        ...demoted.map(([rule]) => ({ operationId, kind: 'severity' as const, rule, text: `${operationId}: ${rule} demoted to a warning (${at}.severity)` })),
        ...o.skipChecks.map((check) => ({ operationId, kind: 'skip-check' as const, rule: check, text: `${operationId}: check ${check} not run (${at}.skipChecks)` })),
        ...o.acceptedStatuses.map((status) => ({
          operationId,
          kind: 'accepted-status' as const,
          rule: status,
          text: `${operationId}: status ${status} accepted on top of the documented ones (${at}.acceptedStatuses)`,
        })),
        // Value restrictions (`${at}.values`) list here as kind 'values', one entry per restricted parameter.
      ];
    });
}
