import { PactError } from '../errors/ConformanceError.ts';
import type { PactInteractionOutcome } from './PactVerificationResult.ts';
import type { PactInteractionInfo } from './readPactFiles.ts';
import type { ProviderAnswer } from './VerifierWorkerMessages.ts';

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
 * The provider's answers, one per interaction, when they line up with the interactions (the verifier sends
 * them one at a time, in file order; the paths hold the fixture ids, not the pact's, so only their shape
 * is compared); undefined when they do not, and statuses then come from the mismatches alone.
 */
function alignedAnswers(answers: readonly ProviderAnswer[], interactions: readonly PactInteractionInfo[]): readonly ProviderAnswer[] | undefined {
  const segments = (path: string): number => path.split('/').length;
  const lined = answers.length === interactions.length && interactions.every((info, i) => info.request.method === answers[i]!.method && segments(info.request.path) === segments(answers[i]!.path));
  return lined ? answers : undefined;
}

/**
 * Joins the native verifier's JSON results with the interactions of the pact files: one outcome per
 * interaction, in file order, with its mismatches as lines. Errors are keyed by a text that ends with
 * the description, so interactions are matched on (provider, description). Each outcome carries the
 * provider's status: from the answers the worker saw, else from a status mismatch.
 */
export function outcomesFromResults(resultsJson: string, interactions: readonly PactInteractionInfo[], answers: readonly ProviderAnswer[] = []): PactInteractionOutcome[] {
  let results: VerifierResults;
  try {
    results = JSON.parse(resultsJson) as VerifierResults;
  } catch (cause) {
    throw new PactError('the Pact verifier returned results that are not JSON', { cause });
  }
  const errors = results.errors ?? [];
  const aligned = alignedAnswers(answers, interactions);
  const verified = new Map<string, string>();
  for (const r of results.interactionResults ?? []) if (r.description !== undefined) verified.set(r.description, r.result ?? '');
  return interactions.map((info, index) => {
    const own = errors.filter((e) => {
      const key = e.interaction ?? '';
      return key.endsWith(` - ${info.description}`) && key.includes(` and ${info.provider}`);
    });
    const statusMismatch = own.flatMap((e) => e.mismatch?.mismatches ?? []).find((m) => m.type === 'StatusMismatch' && typeof m.actual === 'number');
    const status = aligned?.[index]?.status ?? (statusMismatch?.actual as number | undefined);
    const mismatches = own.flatMap((e) => {
      const m = e.mismatch;
      if (!m) return ['verification failed'];
      if (m.mismatches && m.mismatches.length > 0) return m.mismatches.map(describeMismatch);
      return [m.message ?? m.type ?? 'verification failed'];
    });
    const result = verified.get(info.description);
    if (result === undefined && mismatches.length === 0) mismatches.push('not verified: the verifier reported no result for this interaction');
    else if (result !== undefined && result !== 'OK' && mismatches.length === 0) mismatches.push(`verifier result: ${result}`);
    return {
      consumer: info.consumer,
      provider: info.provider,
      description: info.description,
      passed: mismatches.length === 0,
      mismatches,
      ...(status !== undefined ? { status } : {}),
      ...fromComments(info.comments),
    };
  });
}
