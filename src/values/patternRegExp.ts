const cache = new Map<string, RegExp>();

/**
 * A schema `pattern` as a regular expression: read with the `u` flag as JSON Schema asks, else without
 * it, since real documents write escapes such as `\-` that only the `u` flag refuses. Compiled once per
 * pattern. `flags` are added to `u` (the flag-less fallback keeps them).
 */
export function patternRegExp(pattern: string, flags = ''): RegExp {
  const key = `${flags}/${pattern}`;
  let held = cache.get(key);
  if (!held) {
    try {
      held = new RegExp(pattern, `u${flags}`);
    } catch {
      held = new RegExp(pattern, flags);
    }
    cache.set(key, held);
  }
  return held;
}
