import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultPactFiles } from '../../src/pact/defaultPactFiles.ts';

interface PactFile {
  readonly interactions: ReadonlyArray<{ readonly description: string; readonly response: { readonly status: number } }>;
}

/** The kind of case an interaction is (`valid`, `boundary`, `invalid`, `no-auth`, ...), from its description. */
const kindOf = (description: string): string => (description.split(' ')[1] ?? '').replace(/:$/, '');

/**
 * The shipped pacts cut down to one interaction of each kind of case (a broken rule, no and a wrong
 * credential, an unknown resource, another owner's resource, ...), written into `dir` under their own
 * names, for the tests of the verifier's wiring (credentials, fixture ids, provider states, the document's
 * checks, reports), which judge the same for one interaction of a kind as for all of them. Every shipped
 * interaction is verified against the mock in test/pact/verifyPacts.test.ts.
 *
 * Of the interactions that promise a success only the first of each pact is kept: an accepted upgrade
 * runs a while, and HCX (and the mock) refuses another upgrade of the appliance meanwhile, which a fast
 * verifier would send (test/helpers/fastVerifier.ts). `including` keeps the interactions whose
 * description it matches as well (a fault's own).
 */
export function representativePacts(dir: string, including?: RegExp): string[] {
  return defaultPactFiles().map((file) => {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as PactFile;
    const kinds = new Set<string>();
    const interactions = pact.interactions.filter((i) => {
      if (including?.test(i.description)) return true;
      const kind = i.response.status < 300 ? 'a success' : kindOf(i.description);
      if (kinds.has(kind)) return false;
      kinds.add(kind);
      return true;
    });
    const out = join(dir, basename(file));
    writeFileSync(out, JSON.stringify({ ...pact, interactions }, null, 2));
    return out;
  });
}
