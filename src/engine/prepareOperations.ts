import { basename } from 'node:path';
import { catalogueOperation } from '../catalogue/buildCatalogue.ts';
import { checkRegistry } from '../checks/registry.ts';
import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { ConfigError, SpecError } from '../errors/ConformanceError.ts';
import type { Spec } from '../openapi/Spec.ts';
import { validatorsFor } from '../validation/validatorsFor.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * Pairs every operation that runs with its catalogue, compiled validators, user expectations and target.
 * A target is looked up by operationId, then by document file name (without `.yaml`), then the default.
 * An operation without a target is left out (the user named servers for other operations only), and so
 * is one that `--operation` does not select.
 */
export function prepareOperations(specs: readonly Spec[], config: ConformanceConfig, defaultTarget: string | undefined): PreparedOperation[] {
  const known = new Set<string>();
  const operationIds = new Set<string>();
  const pathParameters = new Set<string>();
  const prepared = specs.flatMap((spec) => {
    // A document is named by its file name, with or without `.openapi` (`huawei-dc`, `huawei-dc.openapi`).
    const docKeys = [...new Set([basename(spec.file).replace(/\.(ya?ml|json)$/i, ''), basename(spec.file).replace(/(\.openapi)?\.(ya?ml|json)$/i, '')])];
    for (const key of docKeys) known.add(key);
    return spec.operations.flatMap((operation): PreparedOperation[] => {
      known.add(operation.operationId);
      operationIds.add(operation.operationId);
      for (const p of operation.parameters) if (p.in === 'path') pathParameters.add(p.name);
      if (config.operationIds.length > 0 && !config.operationIds.includes(operation.operationId)) return [];
      const byDocument = docKeys.map((key) => config.targets[key]).find((url) => url !== undefined);
      const baseUrl = config.targets[operation.operationId] ?? byDocument ?? config.target ?? defaultTarget;
      if (!baseUrl) return [];
      return [
        {
          operation,
          specFile: spec.file,
          constraints: catalogueOperation(operation),
          validators: validatorsFor(operation),
          expectations: config.operations[operation.operationId] ?? { acceptedStatuses: [], skipChecks: [] },
          baseUrl: baseUrl.replace(/\/+$/, ''),
        },
      ];
    });
  });
  for (const key of [...Object.keys(config.targets), ...Object.keys(config.operations)]) {
    if (!known.has(key)) throw new ConfigError(`unknown operation or document "${key}" (known: ${[...known].sort().join(', ')})`);
  }
  for (const id of config.operationIds) {
    if (!operationIds.has(id)) throw new ConfigError(`--operation ${id}: no such operation (known: ${[...operationIds].sort().join(', ')})`);
  }
  for (const name of Object.keys(config.fixtures)) {
    if (!pathParameters.has(name)) throw new ConfigError(`--fixture ${name}: no operation has a path parameter "${name}" (known: ${[...pathParameters].sort().join(', ')})`);
  }
  for (const { operation } of prepared) {
    const unknown = Object.keys(operation.hints.checkProvenance).find((name) => !checkRegistry.has(name));
    if (unknown) throw new SpecError('CONF_ERR_SPEC_INVALID', `${operation.operationId}: x-conformance.provenance names unknown check "${unknown}" (known: ${[...checkRegistry.keys()].join(', ')})`);
  }
  for (const [operationId, expectations] of Object.entries(config.operations)) {
    const unknown = expectations.skipChecks.find((name) => !checkRegistry.has(name));
    if (unknown) throw new ConfigError(`operations.${operationId}.skipChecks: unknown check "${unknown}" (known: ${[...checkRegistry.keys()].join(', ')})`);
    // A severity key that names nothing would be silently ignored: the rule the user meant keeps its severity.
    const operation = specs.flatMap((spec) => spec.operations).find((o) => o.operationId === operationId);
    const constraintIds = new Set(operation ? catalogueOperation(operation).map((c) => c.id) : []);
    const stray = Object.keys(expectations.severity ?? {}).find((key) => !checkRegistry.has(key) && !constraintIds.has(key));
    if (stray !== undefined) throw new ConfigError(`operations.${operationId}.severity: "${stray}" is neither a check name nor a constraint id of ${operationId} (see \`conformance constraints\`; checks: ${[...checkRegistry.keys()].join(', ')})`);
  }
  if (prepared.length === 0) {
    const why = config.operationIds.length > 0 ? `--operation ${config.operationIds.join(', ')} has no --target` : 'no operation has a target';
    throw new ConfigError(`nothing to run: ${why} (give --target URL, or --target ${[...operationIds][0] ?? 'OPERATION'}=URL)`);
  }
  return prepared;
}
