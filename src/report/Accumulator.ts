/**
 * A part of the report that folds results one at a time and joins with another of its kind (the legs of
 * a run, the shards of a run, the reports `merge` is given). Laws (test/report/laws.test.ts):
 * `combine(empty(), a)` and `combine(a, empty())` equal `a`; `combine` is associative; folding a list
 * with `add` and combining the folds of its two halves give the same value.
 * `add` may update its accumulator in place and returns it; `combine` leaves both arguments alone.
 */
export interface Accumulator<A, Item> {
  readonly empty: () => A;
  readonly add: (accumulator: A, item: Item) => A;
  readonly combine: (a: A, b: A) => A;
}
