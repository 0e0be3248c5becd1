/**
 * The family of a keyword sample's variant: its name without the numbers (`length-65` → `length`,
 * `length-64-wide` → `length-wide`, `value-2` → `value`), so a seed, a limit or an index never changes it.
 * Empty when the variant is only a number (a numbered draft).
 */
export function valueFamily(variant: string): string {
  return variant
    .replace(/\d+/g, '')
    .replace(/[-_.:]{2,}/g, '-')
    .replace(/^[-_.:]+|[-_.:]+$/g, '');
}
