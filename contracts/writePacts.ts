import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HTTPResponseStatusClass, MatchersV3, PactV4 } from '@pact-foundation/pact';
import type { TemplateHeaders, TemplateQuery } from '@pact-foundation/pact';
import type { Case } from '../src/model/Case.ts';
import type { Operation } from '../src/openapi/Operation.ts';
import type { Spec } from '../src/openapi/Spec.ts';
import { buildInteractions } from './buildInteractions.ts';
import { CONTRACT_CONSUMER, providerNameOf, providerStateNameOf } from './contractSettings.ts';
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
  return Object.fromEntries(
    operation.parameters.filter((p) => p.in === 'path' && typeof p.example === 'string').map((p) => [p.name, p.example as string]),
  );
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
}

/**
 * Runs the consumer side: every interaction of every operation is registered with pact-js and exercised
 * against Pact's own mock server, which then writes one pact file per provider (one per document).
 * Returns the files written, in name order.
 */
export async function writePacts(options: WritePactsOptions): Promise<string[]> {
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  for (const spec of options.specs) {
    const provider = providerNameOf(spec.file);
    const file = join(options.outDir, `${CONTRACT_CONSUMER}-${provider}.json`);
    // pact-js merges into an existing file: start from none so the result depends on the inputs only.
    await rm(file, { force: true });
    const pact = new PactV4({ consumer: CONTRACT_CONSUMER, provider, dir: options.outDir, logLevel: 'error' });
    for (const operation of spec.operations) {
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
            if (Object.keys(request.query).length > 0) builder.query({ ...request.query } as TemplateQuery);
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
  await normalisePactFiles(options.outDir);
  return written.sort();
}

/** Re-serialises the pact files with a trailing newline, so that they diff cleanly in review. */
async function normalisePactFiles(dir: string): Promise<void> {
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const path = join(dir, name);
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, `${JSON.stringify(parsed, null, 2)}\n`);
  }
}
