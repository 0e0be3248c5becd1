import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HTTPResponseStatusClass, MatchersV3, PactV4 } from '@pact-foundation/pact';
import type { TemplateHeaders } from '@pact-foundation/pact';
import { makeConsumerPact } from '@pact-foundation/pact-core';
import type { Case } from '../src/model/Case.ts';
import type { Operation } from '../src/openapi/Operation.ts';
import type { Spec } from '../src/openapi/Spec.ts';
import { buildInteractions } from './buildInteractions.ts';
import { CONTRACT_CONSUMER, providerNameOf, providerStateNameOf } from './contractSettings.ts';
import { linkOnlyOperations } from '../src/engine/linkedOperations.ts';
import type { InteractionDefinition, StatusExpectation } from './InteractionDefinition.ts';

/** Plans the cases of one operation with the given fixture ids (the case planner, in production). */
export type CasesFor = (operation: Operation, fixtures: Readonly<Record<string, string>>) => readonly Case[];

export interface WritePactsOptions {
  readonly specs: readonly Spec[];
  readonly casesFor: CasesFor;
  /** Folder the pact files are written to; existing pact files of the same pairs are replaced. */
  readonly outDir: string;
}

/** The documents' own example ids, keyed by path-parameter name: the ids the pacts show as examples. */
export function exampleFixtures(operation: Operation): Record<string, string> {
  return Object.fromEntries(operation.parameters.filter((p) => p.in === 'path' && typeof p.example === 'string').map((p) => [p.name, p.example as string]));
}

function statusMatcher(status: StatusExpectation): number | ReturnType<typeof MatchersV3.matchStatus> {
  switch (status.kind) {
    case 'exact':
      return status.status;
    case 'clientError':
      return MatchersV3.matchStatus(status.example, HTTPResponseStatusClass.ClientError);
    case 'oneOf':
      return MatchersV3.matchStatus(status.example, [...status.statuses]);
  }
}

const exampleStatus = (status: StatusExpectation): number => (status.kind === 'exact' ? status.status : status.example);

// Asks Pact's native core whether a mock server (known by its port) has matched what it expects.
const matchProbe = makeConsumerPact('match-probe', 'match-probe', 4, 'error');
const MATCH_WAIT_MS = 2_000;

/**
 * Waits until Pact's mock server has recorded the match of the request it answered. It answers first and
 * records after, so `executeTest`, which checks as soon as the test function returns, now and then saw
 * "expected but not received" for a request that was answered (pact-js #1835, pact-reference #535). A
 * request that truly did not match never counts: after the wait, `executeTest` reports it.
 */
async function matchRecorded(port: number): Promise<void> {
  const deadline = Date.now() + MATCH_WAIT_MS;
  while (!matchProbe.mockServerMatchedSuccessfully(port) && Date.now() < deadline) await sleep(2);
}

/** Sends the interaction's example request to Pact's mock server, as the consumer would. */
async function sendExample(baseUrl: string, definition: InteractionDefinition): Promise<void> {
  const { request } = definition;
  const query = new URLSearchParams(Object.entries(request.query)).toString();
  const headers: Record<string, string> = { ...request.headers };
  if (request.body) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${request.path}${query ? `?${query}` : ''}`, {
    method: request.method,
    headers,
    ...(request.body ? { body: JSON.stringify(request.body.json) } : {}),
  });
  await response.arrayBuffer();
  const expected = exampleStatus(definition.response.status);
  if (response.status !== expected) throw new Error(`${definition.description}: Pact's mock server answered ${response.status}, expected ${expected}`);
  await matchRecorded(Number(new URL(baseUrl).port));
}

/**
 * Runs the consumer side: every interaction of every operation is registered with pact-js and exercised
 * against Pact's own mock server, which writes one pact file per provider (one per document). Pact
 * writes after every interaction, so the files are made in a fresh folder beside `outDir` and moved into
 * it only once all are complete: a failed generation leaves `outDir` as it was. Returns the files
 * written, in name order.
 */
export async function writePacts(options: WritePactsOptions): Promise<string[]> {
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  // Beside outDir, so that moving a file into it is a rename on the same file system.
  const work = await mkdtemp(join(dirname(outDir), `.${basename(outDir)}-`));
  try {
    const made = await writePactsInto(options, work);
    await normalisePactFiles(work);
    for (const file of made) await rename(join(work, file), join(outDir, file));
    return made.map((file) => join(outDir, file)).sort();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Writes the pacts into an empty folder (pact-js merges into an existing file); returns their names. */
async function writePactsInto(options: WritePactsOptions, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const spec of options.specs) {
    const provider = providerNameOf(spec.file);
    const file = `${CONTRACT_CONSUMER}-${provider}.json`;
    const pact = new PactV4({ consumer: CONTRACT_CONSUMER, provider, dir, logLevel: 'error' });
    // An operation only a link reaches (a task) has no id a consumer could name beforehand: no interaction.
    const linkOnly = linkOnlyOperations(spec.operations);
    for (const operation of spec.operations.filter((o) => !linkOnly.has(o.operationId))) {
      const fixtures = exampleFixtures(operation);
      const definitions = buildInteractions(operation, options.casesFor(operation, fixtures), { fixtures, providerState: providerStateNameOf(operation) });
      for (const definition of definitions) {
        const { request, response } = definition;
        const comment = 'constraintId' in definition.intent ? `${definition.intent.kind} ${definition.intent.constraintId}` : definition.intent.kind;
        let interaction = pact
          .addInteraction()
          .given(definition.providerState.name, { ...definition.providerState.params })
          .uponReceiving(definition.description)
          .comment(comment);
        if (definition.caseId) interaction = interaction.comment(`case ${definition.caseId}`);
        await interaction
          .withRequest(request.method, request.pathMatcher as string, (builder) => {
            if (Object.keys(request.query).length > 0) builder.query({ ...request.query });
            if (Object.keys(request.headerMatchers).length > 0) builder.headers({ ...request.headerMatchers } as TemplateHeaders);
            if (request.body) builder.jsonBody(request.body.json);
          })
          .willRespondWith(statusMatcher(response.status), (builder) => {
            if (response.body !== undefined) builder.jsonBody(response.body);
          })
          .executeTest((mockServer) => sendExample(mockServer.url, definition));
      }
    }
    written.push(file);
  }
  return written;
}

/** Re-serialises the pact files with a trailing newline, so that they diff cleanly in review. */
async function normalisePactFiles(dir: string): Promise<void> {
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const path = join(dir, name);
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, `${JSON.stringify(parsed, null, 2)}\n`);
  }
}
