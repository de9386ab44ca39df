// Date expressions of one article, resolved against its publication date (#20): the forms news
// uses, the future tense, durations that are never dated. Every text is written for these tests.
import { describe, expect, it } from 'vitest'
import { dayOf, ymd } from '../../../../src-main/core/dates/calendar'
import { dateExpressions, type DateExpression } from '../../../../src-main/core/dates/expressions'

const on = (y: number, m: number, d: number) => ({ earliest: dayOf(y, m, d), latest: dayOf(y, m, d) })
const find = (text: string, published = on(2015, 10, 28)) => dateExpressions(text, published)
const range = (e: DateExpression | undefined) => (e?.range ? `${ymd(e.range.start)}…${ymd(e.range.end)} ${e.range.precision}` : null)
const byText = (list: DateExpression[], text: string) => list.find((e) => e.text === text)

describe('date expressions of an article', () => {
  it('reads a weekday in the future tense as the next one, and one in the past as the last one', () => {
    // 2015-10-28 is a Wednesday
    const future = find('The final will be played on Sunday in Harrowgate.')
    expect(range(byText(future, 'Sunday'))).toBe('2015-11-01…2015-11-01 day')
    expect(byText(future, 'Sunday')?.rule).toMatch(/next one/)
    const past = find('Police said on Sunday that the ferry had sunk.')
    expect(range(byText(past, 'Sunday'))).toBe('2015-10-25…2015-10-25 day')
    // a preview whose verb comes after the day
    expect(range(byText(find("Sunday's derby will decide the title."), 'Sunday'))).toBe('2015-11-01…2015-11-01 day')
  })

  it('reads a year-less date that is payable or scheduled as ahead of the article', () => {
    const list = find('The dividend is payable Dec. 15 to holders of record. The board met Oct. 2.', on(1989, 11, 2))
    expect(range(byText(list, 'Dec. 15'))).toBe('1989-12-15…1989-12-15 day')
    expect(range(byText(list, 'Oct. 2'))).toBe('1989-10-02…1989-10-02 day')
    expect(range(find('Sales rose in December.', on(1989, 11, 2)).find((e) => /December/.test(e.text)))).toBe('1988-12-01…1988-12-31 month')
  })

  it('reads quarters, the latest one begun by the article unless told otherwise', () => {
    const oct = find('Third-quarter profit fell, and the company expects a loss in the fourth quarter.', on(1989, 10, 27))
    expect(range(oct.find((e) => /^Third-quarter/.test(e.text)))).toBe('1989-07-01…1989-09-30 quarter')
    expect(range(oct.find((e) => /fourth quarter/.test(e.text)))).toBe('1989-10-01…1989-12-31 quarter')
    const jan = find('Fourth-quarter earnings doubled. The next quarter looks weaker.', on(1990, 1, 15))
    expect(range(jan.find((e) => /^Fourth-quarter/.test(e.text)))).toBe('1989-10-01…1989-12-31 quarter')
    expect(range(jan.find((e) => /next quarter/.test(e.text)))).toBe('1990-04-01…1990-06-30 quarter')
    expect(range(find('In the second quarter of 1987 output fell.').find((e) => /second quarter/.test(e.text)))).toBe('1987-04-01…1987-06-30 quarter')
  })

  it('reads "now" and "currently" as the present, and "next year" and "tomorrow" ahead', () => {
    const list = find('Talks are now stalled and the mill is currently closed. A vote is due tomorrow, and a new plant opens next year.')
    expect(list.filter((e) => e.kind === 'present').map((e) => e.text)).toEqual(['now', 'currently'])
    expect(range(byText(list, 'tomorrow'))).toBe('2015-10-29…2015-10-29 day')
    expect(range(byText(list, 'next year'))).toBe('2016-01-01…2016-12-31 year')
  })

  it('reads a bare year after "since", "of" or "fiscal", without the preposition in its span', () => {
    const list = find('Prices have risen since 2007, and the budget of 2009 was cut in fiscal 2011.')
    expect(list.filter((e) => e.kind === 'date').map((e) => e.text)).toEqual(['2007', '2009', 'fiscal 2011'])
    expect(range(byText(list, '2009'))).toBe('2009-01-01…2009-12-31 year')
    // a stretch of years: two dates in the list (the timeline dates an event over it to all of it)
    expect(find('Attacks went on between 1994 and 1997 near the border.').map((e) => e.text)).toEqual(['1994', '1997'])
    // numbers that are not years stay numbers
    expect(find('Output of 2000 tons a day, up from 1990 tons.').filter((e) => e.kind === 'date')).toEqual([])
  })

  it('keeps durations and recurring times as lengths, never as dates', () => {
    const list = find('After 210 years of rule and the first nine months of talks, the ferry now runs daily; it sank two years ago.')
    expect(list.find((e) => e.text === '210 years')).toMatchObject({ kind: 'duration', length: 'P210Y', range: null })
    expect(list.find((e) => /nine months/.test(e.text))).toMatchObject({ kind: 'duration', length: 'P9M' })
    expect(byText(list, 'daily')).toMatchObject({ kind: 'set', length: 'P1D' })
    expect(byText(list, 'two years ago')).toMatchObject({ kind: 'date' })
    expect(byText(find('The talks dragged on for weeks.'), 'weeks')).toMatchObject({ kind: 'duration', length: 'PXW', range: null })
    // "in the past": some time before publication, no closer
    expect(find('Such floods have struck the town in the past.').find((e) => /past/.test(e.text))?.range?.precision).toBe('vague')
    expect(range(byText(list, 'two years ago'))).toBe('2013-01-01…2013-12-31 year')
  })

  it('leaves a relative date unresolved without a publication date, and resolves an explicit one', () => {
    const list = dateExpressions('The strike began last week, on March 8, 2015.', null)
    expect(byText(list, 'last week')).toMatchObject({ range: null, anchor: null })
    expect(byText(list, 'March 8, 2015')).toMatchObject({ anchor: 'text' })
    expect(range(byText(list, 'March 8, 2015'))).toBe('2015-03-08…2015-03-08 day')
  })
})
