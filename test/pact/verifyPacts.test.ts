import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { PactError } from '../../src/errors/ConformanceError.ts';
import type { EmbeddedTargetFactory } from '../../src/model/EmbeddedTarget.ts';
import { defaultSpecFiles } from '../../src/openapi/defaultSpecFiles.ts';
import { defaultPactFiles } from '../../src/pact/defaultPactFiles.ts';
import type { PactInteractionOutcome, PactVerificationResult } from '../../src/pact/PactVerificationResult.ts';
import { verifyPacts } from '../../src/pact/verifyPacts.ts';
import { emptyCaStoreForTheVerifier } from '../helpers/fastVerifier.ts';
import { representativePacts } from '../helpers/pactSubset.ts';

emptyCaStoreForTheVerifier();
/** The embedded mock, its upgrade tasks ending at once (see emptyCaStoreForTheVerifier). */
const mockOfQuickTasks: EmbeddedTargetFactory = (options) => startMockServer({ ...options, taskDurationMs: 0 });

const failing = (r: PactVerificationResult): string[] =>
  r.interactions
    .filter((i) => !i.passed)
    .map((i) => i.description)
    .sort();
const matching = (r: PactVerificationResult, keep: (i: PactInteractionOutcome) => boolean): string[] =>
  r.interactions
    .filter(keep)
    .map((i) => i.description)
    .sort();
const succeeds = (i: PactInteractionOutcome): boolean => i.intentKind === 'valid' || i.intentKind === 'boundary';
const dcPact = (i: PactInteractionOutcome): boolean => i.provider === 'huawei-dc';
const hcxPact = (i: PactInteractionOutcome): boolean => i.provider === 'hcx-interconnect';

describe('verifyPacts against the embedded mock', () => {
  let correct: PactVerificationResult;
  const logs: string[] = [];
  const TOKEN = 'tok-SECRET-9f8e7d';
  const EXTRA = 'hdr-SECRET-1a2b3c';

  beforeAll(async () => {
    correct = await verifyPacts({ embeddedTarget: mockOfQuickTasks, token: TOKEN, headers: { 'X-Trace-Tenant': EXTRA }, onLog: (line) => logs.push(line) });
  });

  it('passes every interaction of every shipped pact on the correct mock', () => {
    const count = defaultPactFiles().reduce((n, f) => n + (JSON.parse(readFileSync(f, 'utf8')) as { interactions: unknown[] }).interactions.length, 0);
    expect(correct.interactions.length).toBe(count);
    expect(failing(correct)).toEqual([]);
    expect(correct.passed).toBe(true);
    expect(correct.interactions.every((i) => i.intentKind !== undefined)).toBe(true);
  });

  it('keeps the credential and the extra headers out of the result, the output and the pact files', () => {
    expect(logs.some((l) => l.includes('Verifying a pact between'))).toBe(true);
    const everything = [JSON.stringify(correct), ...logs, ...defaultPactFiles().map((f) => readFileSync(f, 'utf8'))].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(EXTRA);
  });

  const faults: [string, (i: PactInteractionOutcome) => boolean][] = [
    // The fault lets exactly one character too many through (plain, padded or decomposed); a name far over the limit is still refused.
    ['dc-accept-long-name', (i) => i.intentKind === 'invalid' && i.constraintId === 'DC.body.hosted_connect.name.maxLength' && /length 65( |$)/.test(i.description)],
    ['hcx-200-instead-of-202', (i) => hcxPact(i) && succeeds(i)],
    ['dc-ignore-auth', (i) => dcPact(i) && (i.intentKind === 'no-auth' || i.intentKind === 'wrong-auth')],
    ['dc-lenient-id-length', (i) => i.intentKind === 'invalid' && /^DC\.path\.hosted_connect_id\.(min|max)Length$/.test(i.constraintId ?? '')],
    // Every interaction promising a success for method=inService: its enum boundary and the valid combinations with it.
    ['hcx-reject-inservice', (i) => hcxPact(i) && succeeds(i) && /method ?= ?"?inService/.test(i.description)],
    ['hcx-unknown-appliance-202', (i) => hcxPact(i) && i.intentKind === 'unknown-resource'],
  ];
  // A contract holds what the page states: a member the page does not require (Huawei's response table has no
  // Mandatory column) is not in it, so a wrong value there is the document's finding (response-schema, in `run`
  // and in the verify-pacts command: test/pact/verifyPactsDocumentRules.test.ts, where dc-vlan-4000 passes every
  // interaction too), not a broken pact.
  it.concurrent.each(['dc-bad-time-format'])('passes %s, whose broken member the page does not require', async (fault) => {
    const result = await verifyPacts({ embeddedTarget: mockOfQuickTasks, token: TOKEN, mockFault: fault });
    expect(failing(result)).toEqual([]);
  });

  for (const [fault, broken] of faults) {
    it.concurrent(`fails exactly the interactions that ${fault} breaks`, async () => {
      const result = await verifyPacts({ embeddedTarget: mockOfQuickTasks, token: TOKEN, mockFault: fault });
      const expected = matching(result, broken);
      expect(expected.length).toBeGreaterThan(0);
      expect(failing(result)).toEqual(expected);
      expect(result.passed).toBe(false);
      for (const i of result.interactions.filter((o) => !o.passed)) expect(i.mismatches.length).toBeGreaterThan(0);
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    });
  }
});

// These judge the wiring (the credential injected, the fixture ids sent, provider states answered): one
// interaction of each kind of case shows it as well as all of them.
describe('verifyPacts against a given target', () => {
  let mock: MockServer;
  let dir: string;
  let pactFiles: string[];
  beforeAll(async () => {
    mock = await startMockServer({ token: 'target-SECRET-token' });
    dir = mkdtempSync(join(tmpdir(), 'pact-subset-'));
    pactFiles = representativePacts(dir);
  });
  afterAll(async () => {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails the success interactions, and only those, when the credential is wrong', async () => {
    const result = await verifyPacts({ target: mock.url, fixtures: { ...mock.fixtures }, token: 'not-the-token', pactFiles });
    // Every interaction promising a success fails (401 instead); those expecting a 4xx still get one.
    expect(matching(result, succeeds).length).toBeGreaterThan(0);
    expect(failing(result)).toEqual(matching(result, succeeds));
  });

  it('sends the fixture ids it is given, not the ids the pact shows', async () => {
    const fixtures = { ...mock.fixtures, hosted_connect_id: '99999999-8888-4777-8666-555555555555' };
    const result = await verifyPacts({ target: mock.url, fixtures, token: mock.token, pactFiles });
    // The mock knows no such hosted connection: every DC success interaction fails, HCX is untouched.
    expect(matching(result, (i) => dcPact(i) && succeeds(i)).length).toBeGreaterThan(0);
    expect(failing(result)).toEqual(matching(result, (i) => dcPact(i) && succeeds(i)));
  });

  it('refuses to run without the fixture ids the provider states need', async () => {
    await expect(verifyPacts({ target: mock.url, fixtures: {}, token: mock.token, pactFiles })).rejects.toBeInstanceOf(PactError);
  });

  it('throws a PactError for a pact file that does not exist', async () => {
    await expect(verifyPacts({ target: mock.url, fixtures: { ...mock.fixtures }, pactFiles: ['/nonexistent/pact.json'] })).rejects.toThrow(/cannot read pact file/);
  });
});

describe("verifyPacts against a server whose fixture ids differ from the pacts' examples", () => {
  let mock: MockServer;
  let dir: string;
  let pactFiles: string[];
  beforeAll(async () => {
    // The same documents with other example ids: the mock seeds its resources from them.
    dir = mkdtempSync(join(tmpdir(), 'pact-specs-'));
    const swaps: [string, string][] = [
      ['0278b472-ffa5-4eb3-8c0d-979d479f8ef6', '1111b472-ffa5-4eb3-8c0d-979d479f8ef6'],
      ['6fbe9263116a4b68818cf1edce16bc4f', '22229263116a4b68818cf1edce16bc4f'],
      ['20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3', '3333b7b0-2a69-4a4e-9a8a-2ac5a4f0c1d3'],
    ];
    const specFiles = defaultSpecFiles().map((file) => {
      const out = join(dir, basename(file));
      writeFileSync(
        out,
        swaps.reduce((text, [from, to]) => text.replaceAll(from, to), readFileSync(file, 'utf8')),
      );
      return out;
    });
    mock = await startMockServer({ specFiles, token: 'other-SECRET-token' });
    pactFiles = representativePacts(dir);
  });
  afterAll(async () => {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Also the given target's case with its own credential: provider states answer with the given fixtures.
  it('passes each kind of interaction: paths take the ids from the provider states, the given credential is injected', async () => {
    expect(mock.fixtures.hosted_connect_id).toBe('1111b472-ffa5-4eb3-8c0d-979d479f8ef6');
    const result = await verifyPacts({ target: mock.url, fixtures: { ...mock.fixtures }, token: mock.token, pactFiles });
    expect(result.interactions.length).toBeGreaterThan(5);
    expect(failing(result)).toEqual([]);
    expect(result.target).toBe(mock.url);
  });
});
