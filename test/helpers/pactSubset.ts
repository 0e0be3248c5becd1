import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultPactFiles } from '../../src/pact/defaultPactFiles.ts';

interface PactFile {
  readonly interactions: ReadonlyArray<{ readonly description: string }>;
}

/** The kind of case an interaction is (`valid`, `boundary`, `invalid`, `no-auth`, ...), from its description. */
const kindOf = (description: string): string => (description.split(' ')[1] ?? '').replace(/:$/, '');

/**
 * The shipped pacts cut down to the first interaction of each kind of case (a valid request, a boundary,
 * a broken rule, no and a wrong credential, an unknown resource, the page's example, ...), written into
 * `dir` under their own names: for the tests of the verifier's wiring (credentials, fixture ids, provider
 * states, reports), which judge the same for one interaction of a kind as for all of them. Every shipped
 * interaction is verified against the mock in test/pact/verifyPacts.test.ts.
 */
export function representativePacts(dir: string): string[] {
  return defaultPactFiles().map((file) => {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as PactFile;
    const kinds = new Set<string>();
    const interactions = pact.interactions.filter((i) => !kinds.has(kindOf(i.description)) && kinds.add(kindOf(i.description)));
    const out = join(dir, basename(file));
    writeFileSync(out, JSON.stringify({ ...pact, interactions }, null, 2));
    return out;
  });
}
