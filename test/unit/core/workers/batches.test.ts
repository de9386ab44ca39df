import { describe, expect, it } from 'vitest'
import { batchRanges } from '../../../../src-main/core/workers/batches'

describe('segment batches', () => {
  it('cover every file once, in order, at most one segment each', () => {
    for (const n of [1, 999, 2000, 10_000, 23_456]) {
      const r = batchRanges(n, 5000, 1000)
      expect(r[0]![0]).toBe(0)
      expect(r.at(-1)![1]).toBe(n)
      for (let i = 1; i < r.length; i++) expect(r[i]![0]).toBe(r[i - 1]![1])
      for (const [a, b] of r) expect(b - a).toBeLessThanOrEqual(5000)
    }
    expect(batchRanges(0, 5000, 1000)).toEqual([])
  })

  it('split in two once the workers pay off, and keep the last batch short', () => {
    expect(batchRanges(2000, 5000, 1000)).toEqual([[0, 1000], [1000, 2000]])
    expect(batchRanges(10_000, 5000, 1000)).toEqual([[0, 5000], [5000, 9000], [9000, 10_000]])
  })

  it('start a new archive with a small first batch, searchable early, when there is more than twice as much', () => {
    expect(batchRanges(10_000, 5000, 1000, undefined, 500)).toEqual([[0, 500], [500, 5250], [5250, 9000], [9000, 10_000]])
    expect(batchRanges(1100, 5000, 1000, undefined, 500)).toEqual([[0, 500], [500, 1100]])
    expect(batchRanges(900, 5000, 1000, undefined, 500)).toEqual([[0, 900]])
    // never larger than a segment
    expect(batchRanges(1100, 300, 1000, undefined, 500).slice(0, 2)).toEqual([[0, 300], [300, 600]])
  })
})
