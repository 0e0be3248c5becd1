import { pointerOf, pointerSegments } from '../openapi/pointer.ts';

export interface PointerForms {
  /** The catalogue's form: every array index replaced by `*`. */
  readonly generic: string;
  /** A readable path: `warnings[0].message`; `""` at the root. */
  readonly display: string;
}

/**
 * The catalogue form and a readable form of an instance pointer. Array indices are recognised by walking
 * the instance, so an object key that happens to be a number is kept as it is.
 */
export function genericPointer(root: unknown, pointer: string): PointerForms {
  let node: unknown = root;
  let generic = '';
  let display = '';
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) {
      generic += '/*';
      display += `[${segment}]`;
      node = node[Number(segment)];
    } else {
      generic += pointerOf(segment);
      display += display === '' ? segment : `.${segment}`;
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return { generic, display };
}
