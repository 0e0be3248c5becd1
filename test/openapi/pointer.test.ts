import { describe, expect, it } from 'vitest';
import { pointerOf, pointerSegments, removeAt, setAt, valueAt } from '../../src/openapi/pointer.ts';

describe('the JSON pointer kernel', () => {
  it('builds, splits and reads with RFC 6901 escaping', () => {
    const pointer = pointerOf('a/b', 'c~d', '0');
    expect(pointer).toBe('/a~1b/c~0d/0');
    expect(pointerSegments(pointer)).toEqual(['a/b', 'c~d', '0']);
    expect(valueAt({ 'a/b': { 'c~d': ['x'] } }, pointer)).toBe('x');
    expect(valueAt({ a: 1 }, '/a/b')).toBeUndefined();
  });

  it('sets in place where the parents are there, and nowhere else without makeParent', () => {
    const doc: Record<string, unknown> = { a: { b: 1 }, list: [{ n: 1 }] };
    expect(setAt(doc, '/a/b', 2)).toBe(true);
    expect(setAt(doc, '/list/0/n', 3)).toBe(true);
    expect(setAt(doc, '/missing/x', 4)).toBe(false);
    expect(setAt(doc, '/a/b/c', 5)).toBe(false);
    expect(doc).toEqual({ a: { b: 2 }, list: [{ n: 3 }] });
    // The root is never replaced.
    expect(setAt(doc, '', 6)).toBe(false);
    expect(setAt('text', '/a', 1)).toBe(false);
  });

  it('makes missing parents with makeParent, told the depth and what was there; a declined parent writes nothing', () => {
    const doc: Record<string, unknown> = { a: null, s: 'text' };
    const calls: [number, unknown][] = [];
    expect(setAt(doc, '/a/b/c', 1, (depth, existing) => (calls.push([depth, existing]), {}))).toBe(true);
    expect(calls).toEqual([
      [0, null],
      [1, undefined],
    ]);
    expect(setAt(doc, '/s/x', 1, (_d, existing) => (existing === undefined || existing === null ? {} : undefined))).toBe(false);
    expect(setAt(doc, '/list/0', 'first', () => [])).toBe(true);
    expect(doc).toEqual({ a: { b: { c: 1 } }, s: 'text', list: ['first'] });
  });

  it('removes a member or an array item, and says whether it was there', () => {
    const doc = { a: { b: 1, c: 2 }, list: ['x', 'y', 'z'] };
    expect(removeAt(doc, '/a/b')).toBe(true);
    expect(removeAt(doc, '/list/1')).toBe(true);
    expect(removeAt(doc, '/a/nothing')).toBe(false);
    expect(removeAt(doc, '/none/b')).toBe(false);
    expect(doc).toEqual({ a: { c: 2 }, list: ['x', 'z'] });
    const made: Record<string, unknown> = {};
    expect(removeAt(made, '/p/q', () => ({}))).toBe(false);
    expect(made).toEqual({ p: {} });
  });
});
