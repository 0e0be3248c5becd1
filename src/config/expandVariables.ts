const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * `text` with every `${NAME}` replaced by the environment variable NAME. `missing` decides what an unset
 * one becomes (or throws); `found` sees each value taken from the environment (a login's secrets).
 */
export function expandVariables(text: string, env: NodeJS.ProcessEnv, missing: (name: string, written: string) => string, found?: (value: string) => void): string {
  return text.replace(VARIABLE, (written: string, name: string) => {
    const value = env[name];
    if (value === undefined) return missing(name, written);
    found?.(value);
    return value;
  });
}
