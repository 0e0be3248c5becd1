/** POSIX shell quoting, only where the shell would otherwise change the value (replay lines stay readable). */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
