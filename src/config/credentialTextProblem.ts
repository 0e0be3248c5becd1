import { headerTextProblem } from './headerTextProblem.ts';

/**
 * Why a credential (a `--token`, a `--header` value) cannot be sent as given, undefined when it can: an
 * empty one, one with white space at either end (HTTP drops it, so the server would get another
 * credential), or one `headerTextProblem` refuses. Never repeats the text.
 */
export function credentialTextProblem(text: string): string | undefined {
  if (text === '') return 'is empty';
  return headerTextProblem(text) ?? (text.trim() !== text ? 'starts or ends with white space, which HTTP drops' : undefined);
}
