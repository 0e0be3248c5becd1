/** True when a status code is covered by a response key: exact (`"404"`), range (`"4XX"`) or `"default"`. */
export function matchesStatusKey(key: string, status: number): boolean {
  const code = String(status);
  const upper = key.toUpperCase();
  return upper === code || upper === `${code[0]}XX` || upper === 'DEFAULT';
}
