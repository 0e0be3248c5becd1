import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_CONSUMER, TOKEN_PLACEHOLDER, WRONG_TOKEN_PLACEHOLDER } from '../../contracts/contractSettings.ts';
import type { PlannedRequest } from '../../src/model/Case.ts';
import { defaultPactFiles } from '../../src/pact/defaultPactFiles.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { OperationValidators, responseFor } from '../../src/validation/OperationValidators.ts';

interface PactInteraction {
  description: string;
  comments?: { text?: string[] };
  providerStates?: { name: string; params: Record<string, string> }[];
  request: { method: string; path: string; query?: Record<string, string[]>; headers?: Record<string, string[]>; body?: { content?: unknown } };
  response: { status: number; body?: { content?: unknown } };
}

let operations: Operation[];
beforeAll(async () => {
  operations = (await loadSpecs()).flatMap((s) => s.operations);
});

const files = defaultPactFiles();
const pacts = files.map((file) => ({ file, pact: JSON.parse(readFileSync(file, 'utf8')) as { consumer: { name: string }; interactions: PactInteraction[] } }));

/** The operation a request goes to, and its path parameters, from the path templates. */
function route(method: string, path: string): { operation: Operation; pathParams: Record<string, string> } {
  for (const operation of operations) {
    if (operation.method.toUpperCase() !== method) continue;
    const names: string[] = [];
    const pattern = operation.pathTemplate.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]*)';
    });
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (match) return { operation, pathParams: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])) };
  }
  throw new Error(`no operation for ${method} ${path}`);
}

describe('committed pacts against the OpenAPI documents', () => {
  it('there is one pact per document, with interactions', () => {
    expect(pacts.length).toBe(2);
    for (const { pact } of pacts) {
      expect(pact.consumer.name).toBe(CONTRACT_CONSUMER);
      expect(pact.interactions.length).toBeGreaterThan(5);
      expect(pact.interactions.length).toBeLessThan(100);
    }
  });

  for (const { file, pact } of pacts) {
    describe(file.split('/').pop()!, () => {
      for (const interaction of pact.interactions) {
        it(interaction.description, () => {
          const { operation, pathParams } = route(interaction.request.method, interaction.request.path);
          const validators = new OperationValidators(operation);
          const kind = interaction.comments?.text?.[0]?.split(' ')[0];
          expect(kind, 'intent comment').toBeDefined();
          const credentialNames = new Set([...operation.credentialSchemes.map((c) => c.header), ...operation.parameters.filter((p) => p.credential).map((p) => p.name.toLowerCase())]);
          const headers: Record<string, string> = {};
          const credentials: string[] = [];
          for (const [name, values] of Object.entries(interaction.request.headers ?? {})) {
            if (credentialNames.has(name.toLowerCase())) credentials.push(values[0]!);
            else headers[name] = values[0]!;
          }
          // Only placeholders, never a real credential; no credential at all where the case sends none.
          for (const value of credentials) expect(value.endsWith(TOKEN_PLACEHOLDER) || value.endsWith(WRONG_TOKEN_PLACEHOLDER)).toBe(true);
          if (kind === 'no-auth') expect(credentials).toEqual([]);
          else if (kind === 'wrong-auth') expect(credentials.every((c) => c.endsWith(WRONG_TOKEN_PLACEHOLDER))).toBe(true);
          else expect(credentials.length).toBe(1);

          const body = interaction.request.body?.content;
          const request: PlannedRequest = {
            method: interaction.request.method,
            path: interaction.request.path,
            pathParams,
            query: Object.fromEntries(Object.entries(interaction.request.query ?? {}).map(([k, v]) => [k, v[0]!])),
            headers,
            ...(body === undefined ? {} : { body: { json: body } }),
            auth: 'configured',
          };
          const verdict = validators.validateRequest(request);
          if (kind === 'invalid') expect(verdict.valid, 'a violation case must break the document').toBe(false);
          else expect(verdict.issues).toEqual([]);

          // The example response: a documented status, and a body valid against that status's schema.
          const { status } = interaction.response;
          expect(responseFor(operation.responses, status), `status ${status} is documented`).toBeDefined();
          if (kind === 'valid' || kind === 'boundary') expect(status).toBeGreaterThanOrEqual(200);
          if (kind === 'valid' || kind === 'boundary') expect(status).toBeLessThan(300);
          else expect(status >= 400 && status < 500).toBe(true);
          // A contract holds only the members the page requires (a member only read into the page may be
          // left out by a page-faithful provider): what it shows is valid, apart from those absences.
          const responseBody = interaction.response.body?.content;
          if (responseBody !== undefined) expect((validators.validateResponse(status, responseBody)?.issues ?? []).filter((i) => i.keyword !== 'required')).toEqual([]);

          // Every provider-state parameter is a path parameter the request uses.
          for (const state of interaction.providerStates ?? []) for (const key of Object.keys(state.params)) expect(Object.keys(pathParams)).toContain(key);
        });
      }
    });
  }
});
