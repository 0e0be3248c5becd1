import { describe, expect, test } from 'vitest';
import { redactText } from '../../src/runner/redact.ts';

describe('a one-letter credential', () => {
  test('is not scrubbed from text, so judged values keep their letters (ACTIVE stays ACTIVE)', () => {
    expect(redactText('{"status":"ACTIVE","ok":true}', ['T'])).toBe('{"status":"ACTIVE","ok":true}');
    expect(redactText('token=s3cret-value', ['s3cret-value'])).toBe('token=[REDACTED]');
  });
});
