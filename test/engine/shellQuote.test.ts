import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { shellQuote, shellQuoteExpanding } from '../../src/runner/shellQuote.ts';

/** The words bash makes of a line, with TOKEN exported. */
const bashWords = (line: string, token: string): string[] =>
  execFileSync('bash', ['-c', `printf '%s\\0' ${line}`], { env: { ...process.env, TOKEN: token }, encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);

describe('shellQuoteExpanding', () => {
  test('the shell expands the named variable and keeps the rest literal', () => {
    const secret = `s3cr3t "quoted" $HOME \`x\``;
    expect(shellQuoteExpanding('X-Auth-Token: $TOKEN', ['TOKEN'])).toBe('"X-Auth-Token: $TOKEN"');
    expect(bashWords(shellQuoteExpanding('X-Auth-Token: $TOKEN', ['TOKEN']), secret)).toEqual([`X-Auth-Token: ${secret}`]);
    expect(bashWords(shellQuoteExpanding('$TOKEN', ['TOKEN']), secret)).toEqual([secret]);
    // Everything but the named variable stays as written: quotes, backslashes, other variables, `!`.
    const text = `a "b" \\c $HOME \`d\` e!f 'g' $TOKEN $TOKENS`;
    expect(bashWords(shellQuoteExpanding(text, ['TOKEN']), 'T')).toEqual([text.replace('$TOKEN ', 'T ')]);
  });

  test('without the variable it quotes as shellQuote does, and the old single quotes would send it literally', () => {
    expect(shellQuoteExpanding('plain-value', ['TOKEN'])).toBe(shellQuote('plain-value'));
    expect(bashWords(shellQuote('$TOKEN'), 'T')).toEqual(['$TOKEN']);
  });
});
