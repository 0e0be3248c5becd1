import { malformedJson } from '../values/malformedJson.ts';
import type { Keyword, Sample } from './Keyword.ts';
import { RawBody } from './RawBody.ts';

/**
 * The body is its JSON media type: bodies that do not parse, the ones lenient parsers accept anyway. An
 * empty body is only tried where a body is required (elsewhere a server may read it as no body at all).
 * A byte-order mark is not tried: RFC 8259 lets a parser ignore one.
 */
export const mediaTypeKeyword: Keyword = {
  kinds: ['mediaType'],
  // The rule comes from the request body's media type, not from a schema keyword.
  rules: () => [],
  boundaries: () => [],
  violations: (_rule, site) => {
    const text = site.current === undefined ? '' : JSON.stringify(site.current);
    const out: Sample[] = [
      { variant: 'truncated', label: 'truncated JSON', value: new RawBody(malformedJson(site.current)) },
      { variant: 'trailing-text', label: 'text after the JSON value', value: new RawBody(`${text || '{}'} trailing`) },
    ];
    if (site.bodyRequired) out.push({ variant: 'empty', label: 'an empty body', value: new RawBody('') });
    return out;
  },
  // Every drawn body is a JSON value, encoded in the media type when sent.
  valid: (_node, values) => values,
  locate: (issue) => (issue.keyword === 'json' ? { kind: 'mediaType', target: '' } : undefined),
  describe: () => 'is not valid JSON',
};
