import { judgeHeld } from './judgeHeld.ts';
import { whenResponse } from './whenResponse.ts';

/**
 * An update is stored: in a sequence of updates to one resource, a later answer still shows the members
 * an earlier update set and no later one changed. Its provenance is the update rule's (the echo
 * `reflects` rule the sequence follows).
 */
export const persistence = whenResponse({
  name: 'persistence',
  title: 'An accepted update is kept',
  provenance: 'reading',
  run: (exchange, context) => judgeHeld('persistence', 'persisted', exchange, context),
});
