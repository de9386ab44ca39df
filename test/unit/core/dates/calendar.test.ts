import { describe, expect, it } from 'vitest'
import { dayOf, formatDate, parseYmd, span, weekdayOf, ymd } from '../../../../src-main/core/dates/calendar'

describe('calendar days', () => {
  it('round-trip between day numbers and YYYY-MM-DD, refusing days that do not exist', () => {
    const d = dayOf(2015, 10, 30)
    expect(ymd(d)).toBe('2015-10-30')
    expect(parseYmd('2015-10-30')).toBe(d)
    expect(parseYmd('2015-02-30')).toBeUndefined()
    expect(parseYmd('30/10/2015')).toBeUndefined()
    expect(weekdayOf(d)).toBe(5) // a Friday
  })

  it('give a month or a year as the range of its days, and format it at its precision', () => {
    const feb = dayOf(2016, 2, 10)
    expect(span(feb, 'month').map(ymd)).toEqual(['2016-02-01', '2016-02-29'])
    expect(span(feb, 'year').map(ymd)).toEqual(['2016-01-01', '2016-12-31'])
    expect(formatDate(feb, 'month')).toBe('2016-02')
    expect(formatDate(feb, 'year')).toBe('2016')
  })
})
