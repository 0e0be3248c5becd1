import type { ParameterSpec } from './Operation.ts';

/** The text between an array parameter's items, by its `style` (commas for `form` and `simple`). */
export function arrayDelimiter(parameter: Pick<ParameterSpec, 'style'> | undefined): string {
  if (parameter?.style === 'spaceDelimited') return ' ';
  if (parameter?.style === 'pipeDelimited') return '|';
  return ',';
}
