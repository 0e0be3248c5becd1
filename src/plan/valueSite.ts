import type { ValueSite } from '../keywords/Keyword.ts';
import type { ConstraintSite } from './constraintSite.ts';

/** What a keyword module needs to know of a constraint's site. */
export function valueSite(site: ConstraintSite): ValueSite {
  return {
    node: site.node ?? {},
    channel: site.channel,
    current: site.current,
    asText: site.parameter !== undefined,
    ...(site.bodyRequired !== undefined ? { bodyRequired: site.bodyRequired } : {}),
  };
}
