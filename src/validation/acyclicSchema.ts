type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The objects of a graph that are reached again from inside themselves (a recursive schema's loops). */
function loopTargets(root: unknown): Set<object> {
  const targets = new Set<object>();
  const onPath = new Set<object>();
  const done = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (onPath.has(node)) {
      targets.add(node);
      return;
    }
    if (done.has(node)) return;
    onPath.add(node);
    for (const child of Object.values(node)) visit(child);
    onPath.delete(node);
    done.add(node);
  };
  visit(root);
  return targets;
}

/**
 * A recursive schema (a dereferenced document keeps a `$ref` loop as an object that contains itself)
 * as a tree ajv can compile: every object a loop returns to becomes an entry of the root's `$defs`, and
 * each place that reaches it a `$ref` to it. A schema without a loop is returned as it is.
 */
export function acyclicSchema(schema: unknown): unknown {
  const targets = loopTargets(schema);
  if (targets.size === 0) return schema;
  const names = new Map<object, string>();
  for (const target of targets) names.set(target, `loop${names.size}`);
  const defs: Json = {};
  const copy = (node: unknown, definition = false): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const name = names.get(node);
    if (name !== undefined && !definition) return { $ref: `#/$defs/${name}` };
    if (Array.isArray(node)) return node.map((child) => copy(child));
    const out: Json = {};
    for (const [key, child] of Object.entries(node)) out[key] = copy(child);
    return out;
  };
  for (const [target, name] of names) defs[name] = copy(target, true);
  const root = names.has(schema as object) ? { $ref: `#/$defs/${names.get(schema as object)!}` } : copy(schema);
  if (!isObject(root)) return schema;
  return { ...root, $defs: { ...(isObject(root['$defs']) ? root['$defs'] : {}), ...defs } };
}
