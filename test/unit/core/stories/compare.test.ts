import { describe, expect, it } from 'vitest'
import { overlap, passages } from '../../../../src-main/core/stories/compare'
import { shingle } from '../../../../src-main/core/stories/shingles'

const base = 'Officials in Valmora Bay said on Monday that the ferry services between the islands would resume next week after repairs to the harbour gate were finished.'

describe('text reuse between two documents', () => {
  it('sees a scraped copy without punctuation as the same text', () => {
    const stripped = base.replace(/[.,]/g, '').replace(/Monday/, 'Monday ')
    const o = overlap(shingle(base).set, shingle(stripped).set)
    expect(o.aInB).toBeGreaterThan(0.95)
    expect(o.bInA).toBeGreaterThan(0.95)
  })

  it('finds the shared passage of a rewrite and where it is in each text', () => {
    const rewrite = `In other news, a storm closed the airport. ${base.slice(0, 90)} Critics said the delay cost millions.`
    const [p] = passages(shingle(base), shingle(rewrite))
    expect(p).toBeDefined()
    expect(base.slice(p!.a.start, p!.a.end)).toContain('ferry services')
    expect(rewrite.slice(p!.b.start, p!.b.end)).toContain('ferry services')
    expect(overlap(shingle(base).set, shingle('Completely different words about a football match in the rain.').set).jaccard).toBeLessThan(0.05)
  })
})
