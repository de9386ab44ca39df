// How the window says a publication date and how it is known, in plain words.
import { describe, expect, it } from 'vitest'
import { formatDay, publishedInWords } from '../../../src-renderer/lib/dates'

const base = { confidence: 0, evidence: [], fileDate: '2026-11-22' }

describe('publication dates in words', () => {
  it('says the date and how it is known, or why it is unknown', () => {
    expect(formatDay('2015-03-09')).toBe('9 March 2015')
    expect(publishedInWords({ ...base, date: '2015-03-09', source: 'story', confidence: 0.7 })).toBe('Published 9 March 2015 — estimated from another article of the same story')
    expect(publishedInWords({ ...base, date: null, source: 'dateline', partial: { month: 2, day: 26 } })).toBe('Published 26 February, year unknown — from its dateline')
    expect(publishedInWords({ ...base, date: null, source: 'conflict', evidence: ['conflicting: header line "9 March 2015" (2015-03-09) and dateline "Feb 20, 2015" (2015-02-20)'] })).toBe(
      'Publication date unknown — the dates the article states disagree'
    )
    expect(publishedInWords({ ...base, date: null, source: 'none' })).toBe('Publication date unknown')
  })
})
