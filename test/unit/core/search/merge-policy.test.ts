import { describe, expect, it } from 'vitest'
import { DEFAULT_MERGE_POLICY, planMerges, type SegmentStats } from '../../../../src-main/core/search/merge-policy'

const seg = (id: string, live: number, size = live): SegmentStats => ({ id, size, live })

describe('merge policy', () => {
  it('drops segments with no live document', () => {
    expect(planMerges([seg('s1', 0, 40), seg('s2', 5)])).toEqual({ drop: ['s1'], merges: [] })
  })

  it('merges ten segments of one tier into one, smallest first, and leaves other tiers alone', () => {
    const small = Array.from({ length: 11 }, (_, i) => seg(`a${i}`, 2 + i % 5))
    const big = Array.from({ length: 9 }, (_, i) => seg(`b${i}`, 300))
    const plan = planMerges([...small, ...big])
    expect(plan.merges).toHaveLength(1)
    expect(plan.merges[0]).toHaveLength(10)
    expect(plan.merges[0]!.every((id) => id.startsWith('a'))).toBe(true)
    // the one left for the next round is one of the largest
    const left = small.find((s) => !plan.merges[0]!.includes(s.id))!
    expect(left.live).toBe(Math.max(...small.map((s) => s.live)))
  })

  it('never builds a segment over the size cap', () => {
    const tier = Array.from({ length: 10 }, (_, i) => seg(`s${i}`, 3000))
    const plan = planMerges(tier, { ...DEFAULT_MERGE_POLICY, maxSegmentDocs: 7000 })
    for (const group of plan.merges) expect(group.length * 3000).toBeLessThanOrEqual(7000)
  })

  it('rewrites a segment that is mostly tombstones on its own', () => {
    expect(planMerges([seg('s1', 4, 40), seg('s2', 30, 40)]).merges).toEqual([['s1']])
  })
})
