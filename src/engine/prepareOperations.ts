import { basename } from 'node:path';
import { catalogueOperation } from '../catalogue/buildCatalogue.ts';
import { checkRegistry } from '../checks/registry.ts';
import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { ConfigError } from '../errors/ConformanceError.ts';
import type { Spec } from '../spec/Spec.ts';
import { validatorsFor } from '../validation/validatorsFor.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * Pairs every operation with its catalogue, compiled validators, user expectations and target.
 * A target is looked up by operationId, then by document file name (without `.yaml`), then the default.
 */
export function prepareOperations(specs: readonly Spec[], config: ConformanceConfig, defaultTarget: string | undefined): PreparedOperation[] {
  const known = new Set<string>();
  const prepared = specs.flatMap((spec) => {
    // A document is named by its file name, with or without `.openapi` (`huawei-dc`, `huawei-dc.openapi`).
    const docKeys = [...new Set([basename(spec.file).replace(/\.(ya?ml|json)$/i, ''), basename(spec.file).replace(/(\.openapi)?\.(ya?ml|json)$/i, '')])];
    for (const key of docKeys) known.add(key);
    return spec.operations.map((operation): PreparedOperation => {
      known.add(operation.operationId);
      const byDocument = docKeys.map((key) => config.targets[key]).find((url) => url !== undefined);
      const baseUrl = config.targets[operation.operationId] ?? byDocument ?? config.target ?? defaultTarget;
      if (!baseUrl) throw new ConfigError(`no target for ${operation.operationId}: give --target URL or --target ${operation.operationId}=URL`);
      return {
        operation,
        specFile: spec.file,
        constraints: catalogueOperation(operation),
        validators: validatorsFor(operation),
        expectations: config.operations[operation.operationId] ?? { acceptedStatuses: [], skipChecks: [] },
        baseUrl: baseUrl.replace(/\/+$/, ''),
      };
    });
  });
  for (const key of [...Object.keys(config.targets), ...Object.keys(config.operations)]) {
    if (!known.has(key)) throw new ConfigError(`unknown operation or document "${key}" (known: ${[...known].sort().join(', ')})`);
  }
  for (const [operationId, expectations] of Object.entries(config.operations)) {
    const unknown = expectations.skipChecks.find((name) => !checkRegistry.has(name));
    if (unknown) throw new ConfigError(`operations.${operationId}.skipChecks: unknown check "${unknown}" (known: ${[...checkRegistry.keys()].join(', ')})`);
  }
  return prepared;
}
