import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/resolveConfig.ts';
import { prepareOperations } from '../../src/engine/prepareOperations.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { defaultPactFiles } from '../../src/pact/defaultPactFiles.ts';
import { pactCaseResults } from '../../src/pact/pactCaseResults.ts';
import { PACT_CHECK } from '../../src/pact/pactCheck.ts';
import { readPactFiles } from '../../src/pact/readPactFiles.ts';
import { verifyPacts } from '../../src/pact/verifyPacts.ts';
import { APPLIANCE, CONNECTION, PROJECT, startVariant, TOKEN, VARIANTS } from '../fixtures/pageFaithfulVariants.ts';
import { emptyCaStoreForTheVerifier } from '../helpers/fastVerifier.ts';

// The servers written from the pages run no tasks: nothing to wait for between two upgrades.
emptyCaStoreForTheVerifier();

/**
 * The committed contracts hold only what the vendor pages state: a provider written from the page, with
 * one page-consistent behaviour (members left out, nulls, another 4xx, a pending update, charset,
 * chunked bodies), passes every interaction of its API's pact. The document's response rules, judged on
 * the same answers, find at most the unstated rules a run lists as warnings for it.
 */
describe('verify-pacts against servers that follow the vendor page', () => {
  test.concurrent.each(VARIANTS.map(([variant, warnings]) => [variant.name, variant, warnings] as const))('%s: every interaction passes', async (_name, variant, warnings) => {
    const { server } = await startVariant(variant);
    try {
      const hcx = 'hcx' in variant;
      // The page's own HCX header is the literal `Authorization: <value>` (or a bearer token): given as a header.
      const credentials = hcx ? { headers: { Authorization: variant.hcx.auth === 'bearer' ? `Bearer ${TOKEN}` : TOKEN } } : { token: TOKEN };
      const pactFiles = defaultPactFiles().filter((file) => file.includes(hcx ? 'hcx-interconnect' : 'huawei-dc'));
      const result = await verifyPacts({
        target: server.url,
        fixtures: { applianceId: APPLIANCE, project_id: PROJECT, hosted_connect_id: CONNECTION },
        pactFiles,
        ...credentials,
      });
      expect(result.interactions.length).toBeGreaterThan(10);
      expect(result.interactions.filter((i) => !i.passed).map((i) => `${i.description}: ${i.mismatches.join('; ')}`)).toEqual([]);
      const prepared = prepareOperations(await loadSpecs(), resolveConfig({}, {}), { url: server.url });
      const results = pactCaseResults(result, await readPactFiles(pactFiles), prepared);
      const broken = results.flatMap((r) => (r.status === 'ran' ? r.verdicts : [])).filter((v) => v.check !== PACT_CHECK && v.outcome === 'fail');
      // Every answer was judged by the document too, and nothing that the page states is broken.
      expect(results.filter((r) => r.status === 'ran' && r.verdicts.some((v) => v.check === 'status-documented'))).toHaveLength(result.interactions.length);
      for (const verdict of broken) expect(warnings).toContain(`${verdict.check}/${verdict.constraintId ?? '-'} ${verdict.provenance}`);
    } finally {
      await server.close();
    }
  });
});
