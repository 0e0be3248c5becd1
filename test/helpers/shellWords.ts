/**
 * Splits a command line the way a POSIX shell does for the quoting our printed commands use: single
 * quotes (everything literal), double quotes (backslash escapes `"`, `\`, `$` and a backtick) and
 * backslashes outside quotes. No expansion: `$TOKEN` stays as written, for the test to substitute.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated single quote in ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= '';
      for (i += 1; line[i] !== '"'; i += 1) {
        if (i >= line.length) throw new Error(`unterminated double quote in ${line}`);
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i += 1;
        word += line[i];
      }
    } else if (c === '\\') {
      i += 1;
      word = (word ?? '') + (line[i] ?? '');
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
