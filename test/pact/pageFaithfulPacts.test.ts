import { describe, expect, test } from 'vitest';
import { defaultPactFiles } from '../../src/pact/defaultPactFiles.ts';
import { verifyPacts } from '../../src/pact/verifyPacts.ts';
import { APPLIANCE, CONNECTION, PROJECT, startVariant, TOKEN, VARIANTS } from '../fixtures/pageFaithfulVariants.ts';

/**
 * The committed contracts hold only what the vendor pages state: a provider written from the page, with
 * one page-consistent behaviour (members left out, nulls, another 4xx, a pending update, charset,
 * chunked bodies), passes every interaction of its API's pact.
 */
describe('verify-pacts against servers that follow the vendor page', () => {
  test.each(VARIANTS.map(([variant]) => [variant.name, variant] as const))('%s: every interaction passes', async (_name, variant) => {
    const { server } = await startVariant(variant);
    try {
      const hcx = 'hcx' in variant;
      // The page's own HCX header is the literal `Authorization: <value>` (or a bearer token): given as a header.
      const credentials = hcx ? { headers: { Authorization: variant.hcx.auth === 'bearer' ? `Bearer ${TOKEN}` : TOKEN } } : { token: TOKEN };
      const result = await verifyPacts({
        target: server.url,
        fixtures: { applianceId: APPLIANCE, project_id: PROJECT, hosted_connect_id: CONNECTION },
        pactFiles: defaultPactFiles().filter((file) => file.includes(hcx ? 'hcx-interconnect' : 'huawei-dc')),
        ...credentials,
      });
      expect(result.interactions.length).toBeGreaterThan(10);
      expect(result.interactions.filter((i) => !i.passed).map((i) => `${i.description}: ${i.mismatches.join('; ')}`)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
