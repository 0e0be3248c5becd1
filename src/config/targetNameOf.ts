import { redactUrl } from '../runner/redactUrl.ts';
import type { NamedTarget } from './ConformanceConfig.ts';

/**
 * The name a run gives a configured server (what reports show and `--only-target` selects): its `name`,
 * else its URL without a trailing slash and with any password hidden.
 */
export function targetNameOf(entry: string | NamedTarget): string {
  if (typeof entry !== 'string' && entry.name !== undefined) return entry.name;
  return redactUrl((typeof entry === 'string' ? entry : entry.url).replace(/\/+$/, ''));
}
