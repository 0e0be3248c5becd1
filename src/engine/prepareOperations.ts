import { catalogueOperation } from '../catalogue/buildCatalogue.ts';
import { checkRegistry } from '../checks/registry.ts';
import type { ConformanceConfig, NamedTarget, TargetSetting } from '../config/ConformanceConfig.ts';
import { ConfigError, SpecError } from '../errors/ConformanceError.ts';
import { documentKeys } from '../openapi/documentKeys.ts';
import type { Spec } from '../openapi/Spec.ts';
import { targetNameOf } from '../config/targetNameOf.ts';
import { redactUrl } from '../runner/redactUrl.ts';
import { validatorsFor } from '../validation/validatorsFor.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { linkOnlyOperations, withLinked } from './linkedOperations.ts';
import { valueRestrictionsOf } from './valueRestrictionsOf.ts';

/** The run's default server: a URL, and the name the report gives it (default: the URL). */
export interface DefaultTarget {
  readonly url: string;
  readonly name?: string;
}

type Resolved = Required<Pick<NamedTarget, 'url' | 'name' | 'fixtures' | 'headers'>> & { readonly configName?: string; readonly named: boolean };

/** Every server of one operation, named, with its own fixtures and headers; a name or URL listed twice is refused. */
function resolveTargets(setting: TargetSetting, where: string): Resolved[] {
  const entries = typeof setting === 'string' ? [setting] : setting;
  const resolved = entries.map((entry): Resolved => {
    const target = typeof entry === 'string' ? { url: entry } : entry;
    const url = target.url.replace(/\/+$/, '');
    return {
      url,
      name: targetNameOf(target),
      fixtures: target.fixtures ?? {},
      headers: target.headers ?? {},
      named: target.name !== undefined,
      ...(target.name !== undefined ? { configName: target.name } : {}),
    };
  });
  resolved.forEach((target, index) => {
    if (!/^https?:\/\//i.test(target.url)) throw new ConfigError(`${where}: ${redactUrl(target.url)} is not an http or https URL`);
    if (/[?#]/.test(target.url)) throw new ConfigError(`${where}: ${redactUrl(target.url.replace(/[?#].*$/, ''))}: a base URL has no query or fragment`);
    const earlier = resolved.slice(0, index);
    // One endpoint may serve two projects (other fixtures or credentials); the same server twice is a slip.
    const same = (t: Resolved): boolean => t.url === target.url && JSON.stringify([t.fixtures, t.headers]) === JSON.stringify([target.fixtures, target.headers]);
    if (earlier.some(same)) throw new ConfigError(`${where}: ${redactUrl(target.url)} is listed twice`);
    if (earlier.some((t) => t.name === target.name)) throw new ConfigError(`${where}: the name "${target.name}" is given twice`);
  });
  return resolved;
}

/**
 * Pairs every operation that runs with its catalogue, compiled validators, user expectations and target:
 * one entry per target when the config lists several servers for it. A target is looked up by
 * operationId, then by document file name (without `.yaml`), then the default.
 * An operation without a target is left out (the user named servers for other operations only), and so
 * is one that `--operation` does not select.
 */
export function prepareOperations(specs: readonly Spec[], config: ConformanceConfig, defaultTarget: DefaultTarget | undefined): PreparedOperation[] {
  const known = new Set<string>();
  const operationIds = new Set<string>();
  const pathParameters = new Set<string>();
  const prepared = specs.flatMap((spec) => {
    const docKeys = documentKeys(spec.file);
    for (const key of docKeys) known.add(key);
    // An operation only a link can reach is tested through that link (src/engine/LinkFollower.ts).
    const linkOnly = linkOnlyOperations(spec.operations);
    return spec.operations.flatMap((operation): PreparedOperation[] => {
      known.add(operation.operationId);
      operationIds.add(operation.operationId);
      for (const p of operation.parameters) if (p.in === 'path') pathParameters.add(p.name);
      if (config.operationIds.length > 0 && !config.operationIds.includes(operation.operationId)) return [];
      if (linkOnly.has(operation.operationId)) return [];
      const keys = [operation.operationId, ...docKeys].filter((k) => config.targets[k] !== undefined);
      // An operation's own URL overrides its document's servers (a replay line does that); two lists of
      // servers for one operation are refused rather than one silently dropped.
      if (keys.filter((k) => typeof config.targets[k] !== 'string').length > 1) {
        throw new ConfigError(`targets: ${keys.join(' and ')} both name servers for ${operation.operationId}; list them under one key`);
      }
      const key = keys[0];
      const fallback = config.target !== undefined ? { url: config.target } : defaultTarget;
      const targets =
        key !== undefined
          ? resolveTargets(config.targets[key]!, `targets.${key}`)
          : fallback
            ? [{ url: fallback.url.replace(/\/+$/, ''), name: targetNameOf(fallback), fixtures: {}, headers: {}, named: fallback.name !== undefined }]
            : [];
      const constraints = catalogueOperation(operation);
      const validators = validatorsFor(operation);
      const own = config.operations[operation.operationId] ?? { acceptedStatuses: [], skipChecks: [] };
      const expectations = config.checks && Object.keys(config.checks).length > 0 ? { ...own, checkSettings: config.checks } : own;
      const restrictions = targets.length > 0 ? valueRestrictionsOf(operation, constraints, validators, config) : [];
      return targets.map((target) =>
        withLinked(
          {
            operation,
            specFile: spec.file,
            constraints,
            validators,
            expectations,
            ...(restrictions.length > 0 ? { restrictions } : {}),
            baseUrl: target.url,
            targetName: target.name,
            targetNamed: target.named,
            targetFixtures: target.fixtures,
            targetHeaders: target.headers,
            ...(target.configName !== undefined ? { configName: target.configName } : {}),
          },
          spec.operations,
          config,
        ),
      );
    });
  });
  for (const key of [...Object.keys(config.targets), ...Object.keys(config.operations)]) {
    if (!known.has(key)) throw new ConfigError(`unknown operation or document "${key}" (known: ${[...known].sort().join(', ')})`);
  }
  for (const id of config.operationIds) {
    if (!operationIds.has(id)) throw new ConfigError(`--operation ${id}: no such operation (known: ${[...operationIds].sort().join(', ')})`);
  }
  const fixtureNames = [
    ...Object.keys(config.fixtures).map((name) => [name, `--fixture ${name}`]),
    ...prepared.flatMap((p) => Object.keys(p.targetFixtures).map((name) => [name, `fixtures.${name} of target "${p.targetName}"`])),
  ];
  for (const [name, where] of fixtureNames) {
    if (!pathParameters.has(name!)) throw new ConfigError(`${where}: no operation has a path parameter "${name}" (known: ${[...pathParameters].sort().join(', ')})`);
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
    if (stray !== undefined)
      throw new ConfigError(
        `operations.${operationId}.severity: "${stray}" is neither a check name nor a constraint id of ${operationId} (see \`conformance constraints\`; checks: ${[...checkRegistry.keys()].join(', ')})`,
      );
  }
  // `--only-value` applies to every operation that has the input; one that none of the run's has is a slip.
  for (const input of Object.keys(config.onlyValues ?? {})) {
    if (prepared.length > 0 && !prepared.some((p) => p.restrictions?.some((r) => r.input === input) || config.operations[p.operation.operationId]?.values?.[input] !== undefined)) {
      throw new ConfigError(`--only-value ${input}: no operation of this run has an input "${input}" (a parameter name, or a body member's JSON pointer such as /hosted_connect/bandwidth)`);
    }
  }
  if (prepared.length === 0) {
    const why = config.operationIds.length > 0 ? `--operation ${config.operationIds.join(', ')} has no --target` : 'no operation has a target';
    throw new ConfigError(`nothing to run: ${why} (give --target URL, or --target ${[...operationIds][0] ?? 'OPERATION'}=URL)`);
  }
  return prepared;
}
