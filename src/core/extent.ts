/**
 * Largest and smallest of a list, in a loop: `Math.max(...values)` passes
 * every value as an argument and overflows the call stack on a long list
 * (about 100,000 values), which left a widget blank.
 */

/** The largest value, or `floor` when it is larger (or the list is empty). NaN is skipped. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest value, or `ceiling` when it is smaller (or the list is empty). NaN is skipped. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}
