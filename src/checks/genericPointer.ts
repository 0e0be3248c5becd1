/** Splits a JSON pointer into unescaped segments. */
function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function escape(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

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
  for (const segment of segmentsOf(pointer)) {
    if (Array.isArray(node)) {
      generic += '/*';
      display += `[${segment}]`;
      node = node[Number(segment)];
    } else {
      generic += `/${escape(segment)}`;
      display += display === '' ? segment : `.${segment}`;
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return { generic, display };
}
