import { seededRandom } from './seededRandom.ts';

/** A version-4-shaped UUID drawn deterministically from (seed, salt). */
export function seededUuid(seed: number, salt: string): string {
  const next = seededRandom(seed, salt);
  const bytes: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    const n = next();
    bytes.push(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
