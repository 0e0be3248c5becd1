/**
 * The one POSIX shell quoter, for every command line the tool prints (curl lines, replay lines, dry-run
 * listings). `singleQuoted`: everything literal, a quote written as '\''.
 */
export function singleQuoted(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Quoting only where the shell would otherwise change the value (replay lines stay readable). */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : singleQuoted(value);
}

/**
 * A word in which the shell expands the named variables (`$TOKEN`, a credential placeholder of a replay
 * line) and takes everything else literally: in double quotes, so the line runs as printed once the
 * variable is exported. A value that names none of them is quoted as `shellQuote` does.
 */
export function shellQuoteExpanding(value: string, variables: readonly string[]): string {
  const names = variables.filter((v) => /^[A-Za-z_]\w*$/.test(v));
  if (names.length === 0) return shellQuote(value);
  const parts = value.split(new RegExp(`(\\$(?:${names.join('|')})(?!\\w))`));
  if (parts.length === 1) return shellQuote(value);
  // `!` would be history expansion in an interactive bash even in double quotes: such text is single-quoted.
  const literal = (text: string): string => (text.includes('!') ? `"${singleQuoted(text)}"` : text.replace(/["\\$`]/g, '\\$&'));
  return `"${parts.map((part, i) => (i % 2 === 1 ? part : literal(part))).join('')}"`;
}
