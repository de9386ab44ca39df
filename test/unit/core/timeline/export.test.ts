import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '../../../../src-main/core/timeline/build'
import { toCsv, toTimelineJs } from '../../../../src-main/core/timeline/export'

const event = (over: Partial<TimelineEvent>): TimelineEvent => ({
  id: 'e1',
  status: 'dated',
  start: '2015-03-01',
  end: '2015-03-01',
  precision: 'day',
  notAfter: null,
  kind: 'killing',
  label: 'killed 30 in "Tal Abyad", officials said',
  count: 30,
  places: ['place:tal-abyad'],
  actors: [],
  sources: [{ docId: 'd1', path: 'wire/a.txt', sentence: 'At least 30 <people> were killed.', offsets: [0, 33], dateText: 'March 1', basis: 'explicit', published: '2015-03-02', archived: '2026-01-01' }],
  independentSources: 1,
  reported: '2015-03-02',
  archived: '2026-01-01',
  ...over
})
const names = (id: string) => (id === 'place:tal-abyad' ? 'Tal Abyad' : id)

describe('timeline export', () => {
  it('writes CSV with RFC 4180 quoting, places by name and sources by path', () => {
    const csv = toCsv([event({}), event({ id: 'e2', status: 'undated', start: null, end: null, precision: null, notAfter: '2015-04-01', count: null })], names)
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('event_id,status,start_date,end_date,precision,not_after,event_type,label,count,places,actors,independent_sources,sources,reported,archived')
    expect(lines[1]).toBe('e1,dated,2015-03-01,2015-03-01,day,,killing,"killed 30 in ""Tal Abyad"", officials said",30,Tal Abyad,,1,wire/a.txt,2015-03-02,2026-01-01')
    expect(lines[2]!.startsWith('e2,undated,,,,2015-04-01,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('gives TimelineJS the dated events only, with the article text escaped', () => {
    const tl = toTimelineJs([event({}), event({ id: 'e2', status: 'unresolved', start: null, end: null })], names)
    expect(tl.events).toHaveLength(1)
    expect(tl.events[0]!.start_date).toEqual({ year: 2015, month: 3, day: 1 })
    expect(tl.events[0]!.text.text).toContain('&lt;people&gt;')
    expect(tl.events[0]!.text.text).not.toContain('<people>')
  })
})
