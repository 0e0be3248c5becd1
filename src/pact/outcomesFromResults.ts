import { PactError } from '../errors/ConformanceError.ts';
import type { PactInteractionOutcome } from './PactVerificationResult.ts';
import type { PactInteractionInfo } from './readPactFiles.ts';

interface VerifierMismatch {
  type?: string;
  path?: string;
  mismatch?: string;
  expected?: unknown;
  actual?: unknown;
  key?: string;
  parameter?: string;
}

interface VerifierResults {
  result?: boolean;
  interactionResults?: { description?: string; result?: string }[];
  errors?: { interaction?: string; mismatch?: { type?: string; message?: string; mismatches?: VerifierMismatch[] } }[];
}

function describeMismatch(m: VerifierMismatch): string {
  const where = m.path ?? m.key ?? m.parameter;
  const text = m.mismatch ?? `expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`;
  return `${m.type ?? 'Mismatch'}${where ? ` ${where}` : ''}: ${text}`;
}

/** Comment lines the contracts generator writes: `<intent> [constraintId]` and `case <id>`. */
function fromComments(comments: readonly string[]): Pick<PactInteractionOutcome, 'intentKind' | 'constraintId' | 'caseId'> {
  const out: { intentKind?: string; constraintId?: string; caseId?: string } = {};
  for (const line of comments) {
    const caseMatch = /^case (\S+)$/.exec(line);
    if (caseMatch) out.caseId = caseMatch[1]!;
    else if (out.intentKind === undefined) {
      const [kind, constraintId] = line.split(' ');
      if (kind) out.intentKind = kind;
      if (constraintId) out.constraintId = constraintId;
    }
  }
  return out;
}

/**
 * Joins the native verifier's JSON results with the interactions of the pact files: one outcome per
 * interaction, in file order, with its mismatches as lines. Errors are keyed by a text that ends with
 * the description, so interactions are matched on (provider, description).
 */
export function outcomesFromResults(resultsJson: string, interactions: readonly PactInteractionInfo[]): PactInteractionOutcome[] {
  let results: VerifierResults;
  try {
    results = JSON.parse(resultsJson) as VerifierResults;
  } catch (cause) {
    throw new PactError('the Pact verifier returned results that are not JSON', { cause });
  }
  const errors = results.errors ?? [];
  const verified = new Map<string, string>();
  for (const r of results.interactionResults ?? []) if (r.description !== undefined) verified.set(r.description, r.result ?? '');
  return interactions.map((info) => {
    const own = errors.filter((e) => {
      const key = e.interaction ?? '';
      return key.endsWith(` - ${info.description}`) && key.includes(` and ${info.provider}`);
    });
    const mismatches = own.flatMap((e) => {
      const m = e.mismatch;
      if (!m) return ['verification failed'];
      if (m.mismatches && m.mismatches.length > 0) return m.mismatches.map(describeMismatch);
      return [m.message ?? m.type ?? 'verification failed'];
    });
    const status = verified.get(info.description);
    if (status === undefined && mismatches.length === 0) mismatches.push('not verified: the verifier reported no result for this interaction');
    else if (status !== undefined && status !== 'OK' && mismatches.length === 0) mismatches.push(`verifier result: ${status}`);
    return {
      consumer: info.consumer,
      provider: info.provider,
      description: info.description,
      passed: mismatches.length === 0,
      mismatches,
      ...fromComments(info.comments),
    };
  });
}
