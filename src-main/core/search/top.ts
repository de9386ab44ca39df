/**
 * The first `k` items in `cmp` order, sorted, without sorting the rest: a bounded binary heap
 * (O(n log k)). A broad search matches 100,000 documents and shows 20 of them.
 */
export function topK<T>(items: readonly T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k <= 0) return []
  if (items.length <= k * 4) return [...items].sort(cmp).slice(0, k)
  // max-heap on cmp: the root is the worst of the best k so far
  const heap: T[] = []
  const worse = (i: number, j: number) => cmp(heap[i]!, heap[j]!) > 0
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!])
  for (const x of items) {
    if (heap.length < k) {
      heap.push(x)
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1
        if (!worse(i, p)) break
        swap(i, p)
        i = p
      }
    } else if (cmp(x, heap[0]!) < 0) {
      heap[0] = x
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < heap.length && worse(l, m)) m = l
        if (r < heap.length && worse(r, m)) m = r
        if (m === i) break
        swap(i, m)
        i = m
      }
    }
  }
  return heap.sort(cmp)
}
