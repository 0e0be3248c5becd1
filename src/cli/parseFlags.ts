import { InvalidArgumentError } from 'commander';

/** `--header 'Name: value'` → [name, value]. */
export function parseHeader(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new InvalidArgumentError(`expected 'Name: value', got a header without a valid name`);
  return { ...previous, [name]: text.slice(colon + 1).trim() };
}

/** `--fixture NAME=VALUE` (repeatable). */
export function parseFixture(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new InvalidArgumentError(`expected NAME=VALUE, got "${text}"`);
  return { ...previous, [text.slice(0, eq)]: text.slice(eq + 1) };
}

function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidArgumentError(`"${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError(`"${text}" is not an http(s) URL`);
  return text;
}

export interface TargetFlags {
  target?: string;
  targets: Record<string, string>;
}

/** `--target URL` (every operation) or `--target NAME=URL` (an operationId or a document name). */
export function parseTarget(text: string, previous: TargetFlags = { targets: {} }): TargetFlags {
  const match = /^([A-Za-z][\w.-]*)=(.+)$/.exec(text);
  if (match && !/^https?:/i.test(text)) return { ...previous, targets: { ...previous.targets, [match[1]!]: checkUrl(match[2]!) } };
  return { ...previous, target: checkUrl(text) };
}

/** `--report FORMAT=PATH` or `--report FORMAT` (default path in the report directory). */
export function parseReport(text: string, previous: Array<{ format: string; path?: string }> = []): Array<{ format: string; path?: string }> {
  const eq = text.indexOf('=');
  const format = eq < 0 ? text : text.slice(0, eq);
  const path = eq < 0 ? undefined : text.slice(eq + 1);
  if (!['console', 'json', 'junit', 'md', 'html'].includes(format)) throw new InvalidArgumentError(`unknown report format "${format}" (json, junit, md, html, console)`);
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
