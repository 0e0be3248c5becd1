import { beforeAll, describe, expect, it } from 'vitest';
import { contentType } from '../../src/checks/contentType.ts';
import { loadSubjects, outcomes, verdictsOf, type ExchangeSpec, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

describe('content-type', () => {
  const table: Array<[string, 'hcx' | 'dc', ExchangeSpec, string[]]> = [
    ['HCX 202 JSON example', 'hcx', {}, ['pass']],
    ['HCX 202 application/json with charset', 'hcx', { headers: { 'Content-Type': 'application/json;charset=UTF-8' } }, ['pass']],
    ['HCX 400 as text/plain', 'hcx', { status: 400, text: 'bad request' }, ['fail']],
    ['HCX 400 labelled JSON that does not parse', 'hcx', { status: 400, text: '{"errors": [', headers: { 'content-type': 'application/json' } }, ['fail']],
    ['HCX 401 with an empty text/plain body (no body documented)', 'hcx', { status: 401, text: '' }, []],
    ['HCX 404 as text/html (no body documented)', 'hcx', { status: 404, text: '<h1>nope</h1>', headers: { 'content-type': 'text/html' } }, []],
    ['HCX 202 with an empty body (data and its task id are required)', 'hcx', { text: '', headers: {} }, ['fail']],
    ['HCX 418 (undocumented status)', 'hcx', { status: 418, text: 'teapot' }, []],
    ['DC 200 JSON example', 'dc', {}, ['pass']],
    ['DC 200 as application/problem+json', 'dc', { headers: { 'content-type': 'application/problem+json' } }, ['pass']],
    ['DC 200 with an empty body (required properties)', 'dc', { text: '', headers: { 'content-type': 'application/json' } }, ['fail']],
    ['DC 400 as text/html', 'dc', { status: 400, text: '<html>bad</html>', headers: { 'content-type': 'text/html' } }, ['fail']],
    ['DC 400 JSON without a content type', 'dc', { status: 400, json: { error_code: 'DC.0001', error_msg: 'x' }, headers: {} }, ['fail']],
    ['DC 409 JSON through 4XX', 'dc', { status: 409, json: { error_code: 'DC.0409', error_msg: 'x' } }, ['pass']],
  ];
  it.each(table)('%s', (_label, which, spec, expected) => {
    expect(outcomes(verdictsOf(contentType, which === 'hcx' ? hcx : dc, spec))).toEqual(expected);
  });

  it('names what came back', () => {
    const [verdict] = verdictsOf(contentType, dc, { status: 400, text: '<html>bad</html>', headers: { 'content-type': 'text/html' } });
    expect(verdict?.message).toContain('text/html');
    expect(verdict?.message).toContain('application/json');
  });
});
