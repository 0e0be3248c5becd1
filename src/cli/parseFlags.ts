import { InvalidArgumentError } from 'commander';
import { REPORT_FORMATS } from '../config/ConformanceConfig.ts';
import { redactUrl } from '../runner/redactUrl.ts';
import { parseHostOverride } from '../runner/hostOverrides.ts';
import { credentialTextProblem } from '../config/credentialTextProblem.ts';
import { missingSchemeProblem } from '../config/missingScheme.ts';
import { specTwin } from '../config/specTwin.ts';
import { UsageError } from '../errors/ConformanceError.ts';

// Header and token errors are UsageErrors, not commander's InvalidArgumentError: commander would quote
// the argument, and these values are credentials.

/** `--header 'Name: value'` → [name, value]; a value that cannot be sent (or is empty) is refused before anything is. */
export function parseHeader(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--header: expected "Name: value" with a valid header name before the colon`);
  const value = text.slice(colon + 1).trim();
  const problem = credentialTextProblem(value);
  if (problem) throw new UsageError(`--header "${name}": the value ${problem}`);
  return { ...previous, [name]: value };
}

/** `--resolve HOST:PORT:ADDRESS` (repeatable). */
export function parseResolve(text: string, previous: readonly string[] = []): string[] {
  if (parseHostOverride(text) === undefined) throw new UsageError(`--resolve must be HOST:PORT:ADDRESS (e.g. hcx.example.com:443:127.0.0.1), got "${text}"`);
  return [...previous, text.trim()];
}

/** `--token T`: it goes into a header, so the same characters are refused. */
export function parseToken(text: string): string {
  const problem = credentialTextProblem(text);
  if (problem) throw new UsageError(`--token: the value ${problem}`);
  return text;
}

/** `--spec PATH` (repeatable): the same document twice would plan and count its cases twice. */
export function parseSpec(text: string, previous: readonly string[] = []): string[] {
  const twin = specTwin(text, previous);
  if (twin !== undefined) throw new UsageError(twin === text ? `--spec ${text} is given twice` : `--spec ${text} and --spec ${twin} are the same file`);
  return [...previous, text];
}

/** A flag that takes one of a few words. */
export function parseChoice<const T extends string>(flag: string, choices: readonly T[]): (text: string) => T {
  return (text) => {
    const choice = choices.find((c) => c === text);
    if (choice === undefined) throw new UsageError(`${flag} must be ${choices.join(' or ')}`);
    return choice;
  };
}

/** `--only-value NAME=VALUE` (repeatable; values for one name add up). The value is text: the input's schema reads it. */
export function parseOnlyValue(text: string, previous: Record<string, string[]> = {}): Record<string, string[]> {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--only-value: expected NAME=VALUE (a parameter name or a body member pointer such as /hosted_connect/bandwidth), got "${text}"`);
  const name = text.slice(0, eq);
  return { ...previous, [name]: [...(previous[name] ?? []), text.slice(eq + 1)] };
}

/** `--fixture NAME=VALUE` (repeatable). */
export function parseFixture(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new InvalidArgumentError(`expected NAME=VALUE, got "${text}"`);
  return { ...previous, [text.slice(0, eq)]: text.slice(eq + 1) };
}

/**
 * A base URL: http(s), without a query or fragment (the operation's path is appended to it). Errors name
 * the flag and show the URL with its password and query left out, never the value as typed.
 */
export function parseUrl(flag: string): (text: string) => string {
  return (text) => {
    const schemeless = missingSchemeProblem(flag, text);
    if (schemeless !== undefined) throw new UsageError(schemeless);
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new UsageError(`${flag}: not a URL`);
    }
    const shown = redactUrl(`${url.origin}${url.pathname}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag}: ${shown} is not an http(s) URL`);
    if (url.search !== '' || url.hash !== '') throw new UsageError(`${flag}: ${shown}: a base URL has no query or fragment (the operation's path and query are added to it)`);
    return text;
  };
}

export interface TargetFlags {
  target?: string;
  targets: Record<string, string>;
}

/**
 * `--target URL` (every operation) or `--target NAME=URL` (an operationId or a document name). Each
 * once: a second one for the same name would silently replace the first.
 */
export function parseTarget(text: string, previous: TargetFlags = { targets: {} }): TargetFlags {
  const match = /^([A-Za-z][\w.-]*)=(.+)$/.exec(text);
  if (match && !/^https?:/i.test(text)) {
    const name = match[1]!;
    if (Object.hasOwn(previous.targets, name)) throw new UsageError(`--target ${name} is given twice`);
    return { ...previous, targets: { ...previous.targets, [name]: parseUrl('--target')(match[2]!) } };
  }
  if (previous.target !== undefined) throw new UsageError('--target URL (for every operation) is given twice; name the operation or document: --target NAME=URL');
  return { ...previous, target: parseUrl('--target')(text) };
}

/** `--report FORMAT=PATH` or `--report FORMAT` (default path in the report directory). */
export function parseReport(text: string, previous: Array<{ format: string; path?: string }> = []): Array<{ format: string; path?: string }> {
  const eq = text.indexOf('=');
  const format = eq < 0 ? text : text.slice(0, eq);
  const path = eq < 0 ? undefined : text.slice(eq + 1);
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new InvalidArgumentError(`unknown report format "${format}" (${REPORT_FORMATS.join(', ')})`);
  if (path === '') throw new InvalidArgumentError(`empty path for report ${format}`);
  return [...previous, { format, ...(path ? { path } : {}) }];
}

export function parseInteger(min: number, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError(`expected an integer, got "${text}"`);
    const value = Number(text);
    if (value < min || value > max) throw new InvalidArgumentError(`expected ${min}..${max}, got ${value}`);
    return value;
  };
}

export function parsePositiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError(`expected a positive number, got "${text}"`);
  return value;
}
