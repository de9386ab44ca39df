// The window's pure helpers: how the reader cuts an article into marked runs, and the timeline's axis.
import { describe, expect, it } from 'vitest'
import { splitRuns } from '../../src-renderer/lib/segments'
import { assignLanes, dayOf, densityBins, fit, pan, ticks, toDay, toX, ymdOf, zoom } from '../../src-renderer/lib/time-scale'

describe('reader runs', () => {
  it('marks exactly the spans of each layer, overlapping ones included, and loses no text', () => {
    const text = 'Daniel al-Haddad said the strike in Port Selwyn would go on.'
    const runs = splitRuns(text, [
      { name: 'mark', spans: [[10, 16]] },
      { name: 'entity', spans: [[0, 16], [36, 47]], values: ['person', 'place'] },
      { name: 'reused', spans: [[17, 60]] }
    ])
    expect(runs.map((r) => r.text).join('')).toBe(text)
    const at = (s: string) => runs.find((r) => r.text === s)!.marks
    expect(at('Haddad')).toEqual({ mark: '', entity: 'person' })
    expect(at('Daniel al-')).toEqual({ entity: 'person' })
    expect(at('Port Selwyn')).toEqual({ entity: 'place', reused: '' })
    expect(runs.filter((r) => r.marks['mark'] !== undefined).map((r) => r.text)).toEqual(['Haddad'])
  })

  it('ignores empty and out-of-range spans', () => {
    const runs = splitRuns('abc', [{ name: 'mark', spans: [[2, 2], [1, 99]] }])
    expect(runs).toEqual([
      { start: 0, end: 1, text: 'a', marks: {} },
      { start: 1, end: 3, text: 'bc', marks: { mark: '' } }
    ])
  })
})

describe('timeline axis', () => {
  const v = fit(dayOf('2015-01-01'), dayOf('2019-12-31'), 1000)

  it('fits the events with a margin and converts both ways', () => {
    expect(toX(v, dayOf('2015-01-01'))).toBeGreaterThan(0)
    expect(toX(v, dayOf('2019-12-31'))).toBeLessThan(1000)
    expect(ymdOf(Math.round(toDay(v, toX(v, dayOf('2017-06-15')))))).toBe('2017-06-15')
  })

  it('zooms about the pointer: the day under it stays under it', () => {
    const day = toDay(v, 300)
    const z = zoom(v, 0.25, 300)
    expect(toDay(z, 300)).toBeCloseTo(day, 6)
    expect(z.scale).toBeCloseTo(v.scale * 0.25, 9)
    // never closer than two weeks across the window
    let deep = z
    for (let i = 0; i < 40; i++) deep = zoom(deep, 0.5, 500)
    expect(deep.scale * deep.width).toBeCloseTo(14, 6)
  })

  it('pans with the pointer and labels years, months or days by zoom', () => {
    expect(toDay(pan(v, 100), 100)).toBeCloseTo(toDay(v, 0), 6)
    expect(ticks(v).unit).toBe('year')
    // the 5% margin shows the start of 2020 too
    expect(ticks(v).ticks.map((t) => t.label)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020'])
    const months = fit(dayOf('2016-01-01'), dayOf('2016-12-31'), 1000)
    expect(ticks(months).unit).toBe('month')
    expect(ticks(months).ticks.map((t) => t.label).slice(0, 3)).toEqual(['2016', 'Feb', 'Mar'])
    const days = fit(dayOf('2016-04-04'), dayOf('2016-04-10'), 700)
    expect(ticks(days).unit).toBe('day')
    expect(ticks(days).ticks.map((t) => t.label)).toContain('10 Apr')
  })

  it('puts overlapping events in different lanes and counts density per column', () => {
    const w = fit(dayOf('2016-01-01'), dayOf('2016-01-31'), 310)
    const items = [
      { start: dayOf('2016-01-05'), end: dayOf('2016-01-20') },
      { start: dayOf('2016-01-10'), end: dayOf('2016-01-10') },
      { start: dayOf('2016-01-25'), end: dayOf('2016-01-25') }
    ]
    const lanes = assignLanes(items, w)
    expect(lanes[0]).not.toBe(lanes[1])
    expect(lanes[2]).toBe(0)
    const bins = densityBins(items, w, 10)
    expect(bins.reduce((a, b) => a + b, 0)).toBe(3)
  })
})
