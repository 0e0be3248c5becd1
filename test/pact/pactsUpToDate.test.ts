import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACTS_PACTS_DIR, generateContracts } from '../../contracts/generateContracts.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('contracts/pacts', () => {
  it("are what `npm run pacts:generate` writes today, byte for byte (the consumer tests run against Pact's mock server)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pacts-'));
    dirs.push(dir);
    const written = await generateContracts(dir);
    const committed = (await readdir(CONTRACTS_PACTS_DIR)).filter((f) => f.endsWith('.json')).sort();
    expect(written.map((f) => f.split('/').pop())).toEqual(committed);
    for (const name of committed) {
      const fresh = await readFile(join(dir, name), 'utf8');
      const stored = await readFile(join(CONTRACTS_PACTS_DIR, name), 'utf8');
      expect(fresh === stored, `${name} is stale: run npm run pacts:generate and commit the result`).toBe(true);
    }
  });
});
