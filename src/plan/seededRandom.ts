/** FNV-1a of a text: a stable 32-bit number to start a generator from. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A small deterministic generator (mulberry32) of 32-bit integers from a seed and a salt: planning stays
 * pure, and the same (seed, salt) always gives the same values on every platform.
 */
export function seededRandom(seed: number, salt: string): () => number {
  let state = hash(`${seed}:${salt}`);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
