import { describe, expect, it } from 'vitest';
import { PactError } from '../../src/errors/ConformanceError.ts';
import { outcomesFromResults } from '../../src/pact/outcomesFromResults.ts';
import type { PactInteractionInfo } from '../../src/pact/readPactFiles.ts';

const info = (provider: string, description: string, comments: string[] = []): PactInteractionInfo => ({
  file: 'f.json',
  consumer: 'c',
  provider,
  description,
  states: [],
  comments,
  request: { method: 'PUT', path: '/', query: '', headers: {} },
});

describe('outcomesFromResults', () => {
  it("gives one outcome per interaction, with mismatch lines and the comments' intent, constraint and case", () => {
    const results = JSON.stringify({
      result: false,
      interactionResults: [
        { description: 'a', result: 'OK' },
        { description: 'b', result: 'Error' },
      ],
      errors: [
        {
          interaction: 'Verifying a pact between c and p Given s - b',
          mismatch: {
            type: 'mismatches',
            mismatches: [
              { type: 'BodyMismatch', path: '$.vlan', mismatch: "Expected '4000' to match '^x$'" },
              { type: 'StatusMismatch', expected: 200, actual: 500 },
            ],
          },
        },
      ],
    });
    const out = outcomesFromResults(results, [info('p', 'a', ['valid']), info('p', 'b', ['invalid DC.x.maxLength', 'case abc123']), info('p', 'c')]);
    expect(out[0]).toMatchObject({ description: 'a', passed: true, mismatches: [], intentKind: 'valid' });
    expect(out[1]).toMatchObject({
      description: 'b',
      passed: false,
      intentKind: 'invalid',
      constraintId: 'DC.x.maxLength',
      caseId: 'abc123',
      mismatches: ["BodyMismatch $.vlan: Expected '4000' to match '^x$'", 'StatusMismatch: expected 200, got 500'],
    });
    expect(out[2]).toMatchObject({ description: 'c', passed: false, mismatches: ['not verified: the verifier reported no result for this interaction'] });
  });

  it("carries the provider's status: from the answers when they line up with the interactions, else from a status mismatch", () => {
    const results = JSON.stringify({
      interactionResults: [
        { description: 'a', result: 'OK' },
        { description: 'b', result: 'Error' },
      ],
      errors: [
        {
          interaction: 'Verifying a pact between c and p - b',
          mismatch: { type: 'mismatches', mismatches: [{ type: 'StatusMismatch', expected: 202, actual: 401, mismatch: 'expected 202 but was 401' }] },
        },
      ],
    });
    const infos = [info('p', 'a'), info('p', 'b')];
    // A 401 that met a 4xx expectation passed: only the answers tell.
    const lined = outcomesFromResults(results, infos, [
      { method: 'PUT', path: '/', status: 401 },
      { method: 'PUT', path: '/', status: 401 },
    ]);
    expect(lined.map((o) => [o.passed, o.status])).toEqual([
      [true, 401],
      [false, 401],
    ]);
    // Answers that do not line up (one missing, another method) are not trusted.
    for (const answers of [
      [{ method: 'PUT', path: '/', status: 400 }],
      [
        { method: 'GET', path: '/', status: 400 },
        { method: 'GET', path: '/', status: 400 },
      ],
    ]) {
      expect(outcomesFromResults(results, infos, answers).map((o) => o.status)).toEqual([undefined, 401]);
    }
  });

  it('throws a PactError when the results are not JSON', () => {
    expect(() => outcomesFromResults('Pact core crashed', [])).toThrow(PactError);
  });
});
