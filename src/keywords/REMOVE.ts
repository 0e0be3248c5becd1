/** A sample value that means: leave the member (or parameter, or body) out. */
export const REMOVE: unique symbol = Symbol('remove');
