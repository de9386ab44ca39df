/** Binary search over sorted arrays, shared by the postings, the story sample index and the date evidence. */

/** Index of the first element ≥ `value` in `sorted` from `from` on (its length when none). */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, value: T, from = 0): number {
  let lo = from
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
