import { readFile } from 'node:fs/promises';
import { PactError } from '../errors/ConformanceError.ts';

/** What the verifier side needs to know about one interaction of a pact file. */
export interface PactInteractionInfo {
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  readonly description: string;
  readonly states: readonly { readonly name: string; readonly params: Readonly<Record<string, unknown>> }[];
  readonly comments: readonly string[];
}

interface PactJson {
  consumer?: { name?: unknown };
  provider?: { name?: unknown };
  interactions?: unknown;
}

/** Reads pact files (V3 or V4 JSON); a missing or malformed file is a PactError naming it. */
export async function readPactFiles(files: readonly string[]): Promise<PactInteractionInfo[]> {
  const out: PactInteractionInfo[] = [];
  for (const file of files) {
    let pact: PactJson;
    try {
      pact = JSON.parse(await readFile(file, 'utf8')) as PactJson;
    } catch (cause) {
      throw new PactError(`cannot read pact file ${file}: ${(cause as Error).message}`, { cause });
    }
    if (!Array.isArray(pact.interactions) || typeof pact.consumer?.name !== 'string' || typeof pact.provider?.name !== 'string') {
      throw new PactError(`${file} is not a pact file (consumer, provider and interactions are required)`);
    }
    for (const raw of pact.interactions as Record<string, unknown>[]) {
      const states = Array.isArray(raw['providerStates']) ? (raw['providerStates'] as { name: string; params?: Record<string, unknown> }[]) : [];
      const comments = (raw['comments'] as { text?: unknown } | undefined)?.text;
      out.push({
        file,
        consumer: pact.consumer.name,
        provider: pact.provider.name,
        description: String(raw['description'] ?? ''),
        states: states.map((s) => ({ name: String(s.name), params: s.params ?? {} })),
        comments: Array.isArray(comments) ? comments.map(String) : [],
      });
    }
  }
  return out;
}
