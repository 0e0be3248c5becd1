import { readFile } from 'node:fs/promises';
import { PactError } from '../errors/ConformanceError.ts';
import { jsonText } from '../openapi/jsonText.ts';

/** What the verifier side needs to know about one interaction of a pact file. */
export interface PactInteractionInfo {
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  readonly description: string;
  readonly states: readonly { readonly name: string; readonly params: Readonly<Record<string, unknown>> }[];
  readonly comments: readonly string[];
  /** The request as the pact states it (example values; credentials are placeholders). */
  readonly request: { readonly method: string; readonly path: string; readonly query: string; readonly headers: Readonly<Record<string, string>>; readonly bodyText?: string };
}

function requestOf(raw: unknown): PactInteractionInfo['request'] {
  const r = (raw ?? {}) as { method?: unknown; path?: unknown; query?: unknown; headers?: unknown; body?: { content?: unknown; encoded?: unknown } };
  const headers = Object.fromEntries(Object.entries((r.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.map(String).join(', ') : String(v)]));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries((r.query ?? {}) as Record<string, unknown>)) for (const item of Array.isArray(v) ? v : [v]) query.append(k, String(item));
  const content = r.body?.content;
  const bodyText = content === undefined ? undefined : jsonText(content);
  return { method: jsonText(r.method ?? 'GET'), path: jsonText(r.path ?? '/'), query: query.toString(), headers, ...(bodyText !== undefined ? { bodyText } : {}) };
}

interface PactJson {
  consumer?: { name?: unknown };
  provider?: { name?: unknown };
  interactions?: unknown;
}

/** Reads pact files (V3 or V4 JSON); a missing, malformed or empty file is a PactError naming it. */
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
    // An empty pact would verify nothing and pass.
    if (pact.interactions.length === 0) throw new PactError(`${file} has no interactions: nothing to verify`);
    const broken = (pact.interactions as unknown[]).findIndex((raw) => typeof raw !== 'object' || raw === null || typeof (raw as { request?: unknown }).request !== 'object');
    if (broken >= 0) throw new PactError(`${file} is not a pact file (interaction ${broken + 1} has no request)`);
    for (const raw of pact.interactions as Record<string, unknown>[]) {
      const states = Array.isArray(raw['providerStates']) ? (raw['providerStates'] as { name: string; params?: Record<string, unknown> }[]) : [];
      const comments = (raw['comments'] as { text?: unknown } | undefined)?.text;
      out.push({
        file,
        consumer: pact.consumer.name,
        provider: pact.provider.name,
        description: jsonText(raw['description'] ?? ''),
        states: states.map((s) => ({ name: String(s.name), params: s.params ?? {} })),
        comments: Array.isArray(comments) ? comments.map(String) : [],
        request: requestOf(raw['request']),
      });
    }
  }
  return out;
}
