// How the window says a publication date and how it is known, in plain words.
import { describe, expect, it } from 'vitest'
import { dateInWords, formatDay, publishedInWords } from '../../../src-renderer/lib/dates'

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

  it('explains a date expression on hover: what it stands for and why', () => {
    const at = { start: 0, end: 6, anchor: 'publication' as const }
    expect(dateInWords({ ...at, text: 'Sunday', kind: 'date', range: { start: '2015-11-01', end: '2015-11-01', precision: 'day' }, rule: 'weekday, the next one (future tense)' })).toBe(
      'Sunday: 1 November 2015 — weekday, the next one (future tense)'
    )
    expect(dateInWords({ ...at, text: 'last week', kind: 'date', range: { start: '2015-10-19', end: '2015-10-25', precision: 'week' }, rule: 'relative week (-1)' })).toBe(
      'last week: 19 October 2015 – 25 October 2015 (week) — relative week (-1)'
    )
    expect(dateInWords({ ...at, text: '210 years', kind: 'duration', range: null, length: 'P210Y', anchor: null, rule: 'duration' })).toBe('210 years: lasting P210Y — duration')
  })
})
