import { describe, expect, it } from 'vitest'
import { topK } from '../../../../src-main/core/search/top'

describe('top-k selection', () => {
  it('gives the k best in order, the same as a full sort', () => {
    const items = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1009)
    const cmp = (a: number, b: number) => b - a
    expect(topK(items, 24, cmp)).toEqual([...items].sort(cmp).slice(0, 24))
    expect(topK(items, 0, cmp)).toEqual([])
    expect(topK([3, 1, 2], 10, cmp)).toEqual([3, 2, 1])
  })
})
