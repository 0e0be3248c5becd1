import { describe, expect, it } from 'vitest';
import { matchesStatusKey } from '../../src/checks/matchesStatusKey.ts';
import type { ResponseSpec } from '../../src/openapi/Operation.ts';
import { statusKey } from '../../src/openapi/statusKey.ts';
import { responseFor } from '../../src/validation/OperationValidators.ts';

describe('statusKey: the one reading of an OpenAPI response key', () => {
  it('says how a key covers a status: exact, range (any case), default, or not at all', () => {
    expect(statusKey('404', 404)).toBe('exact');
    expect(statusKey('4XX', 404)).toBe('range');
    expect(statusKey('4xx', 404)).toBe('range');
    expect(statusKey('default', 404)).toBe('default');
    expect(statusKey('DEFAULT', 404)).toBe('default');
    expect(statusKey('5XX', 404)).toBeUndefined();
    expect(statusKey('400', 404)).toBeUndefined();
  });

  it('is what matchesStatusKey and responseFor read: the most specific documented response wins', () => {
    const responses = [{ status: 'default' }, { status: '4xx' }, { status: '404' }] as ResponseSpec[];
    expect(responseFor(responses, 404)?.status).toBe('404');
    expect(responseFor(responses, 409)?.status).toBe('4xx');
    expect(responseFor(responses, 500)?.status).toBe('default');
    expect(responseFor(responses.slice(1), 500)).toBeUndefined();
    expect(responseFor([{ status: 'Default' }] as ResponseSpec[], 201)?.status).toBe('Default');
    expect(matchesStatusKey('2XX', 204)).toBe(true);
    expect(matchesStatusKey('2XX', 304)).toBe(false);
  });
});
