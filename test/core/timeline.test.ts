// The timeline: temporal expressions, events, merging across sources, re-resolution, filters, exports.
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src-main/core/api'
import { dayOf, parseYmd, ymd } from '../../src-main/core/dates/calendar'
import type { TimelineEvent } from '../../src-main/core/timeline/build'
import { findEvents } from '../../src-main/core/timeline/events'
import { toCsv, toTimelineJs } from '../../src-main/core/timeline/export'
import { resolveTimex, type Anchor } from '../../src-main/core/timeline/resolve'
import { findTimexes, newsChrono } from '../../src-main/core/timeline/timex'
import { GOLD_EVENTS, PUBLISHED, writeTimelineArchive } from '../fixtures/timeline'
import { parseCsv } from '../fixtures/csv'

const at = (s: string): Anchor => ({ earliest: parseYmd(s)!, latest: parseYmd(s)! })

/** every expression in the text resolved against a publication day: "text → start..end precision" */
function resolved(text: string, published: string | null): string[] {
  return findTimexes(text).map((t) => {
    const r = resolveTimex(t.expr, published ? at(published) : null)
    return `${t.text.replace(/[\s,]+$/, '')} → ${r ? `${ymd(r.start)}..${ymd(r.end)} ${r.precision} ${r.basis}` : 'unresolved'}`
  })
}

describe('temporal expressions in news text', () => {
  // 2015-03-09 is a Monday
  const PUB = '2015-03-09'

  it('resolves relative expressions against the publication date, as ranges with honest precision', () => {
    expect(resolved('Shootouts erupted last week in the town.', PUB)).toEqual(['last week → 2015-03-02..2015-03-08 week published'])
    expect(resolved('The bodies were found last month near the canal.', PUB)).toEqual(['last month → 2015-02-01..2015-02-28 month published'])
    expect(resolved('The massacre took place three months ago.', PUB)).toEqual(['three months ago → 2014-12-01..2014-12-31 month published'])
    expect(resolved('He arrived in Turkey two weeks ago.', PUB)).toEqual(['two weeks ago → 2015-02-20..2015-02-26 week published'])
    expect(resolved('Executions have in recent weeks been extended.', PUB)).toEqual(['in recent weeks → 2015-01-26..2015-03-09 vague published'])
    expect(resolved('Recruits were clamouring a few months ago for jobs.', PUB)).toEqual(['a few months ago → 2014-09-04..2015-01-12 vague published'])
    expect(resolved('The group swept through the region last summer.', PUB)).toEqual(['last summer → 2014-06-01..2014-08-31 season published'])
    expect(resolved('The bridge reopened yesterday.', PUB)).toEqual(['yesterday → 2015-03-08..2015-03-08 day published'])
  })

  it('puts year-less months and bare weekdays in the past of the article, unless their sentence speaks of the future', () => {
    // "in January" in a March article is this January; "in November" is last November
    expect(resolved('In an incident in Ramadi in January, allies battled.', PUB)).toEqual(['January → 2015-01-01..2015-01-31 month published'])
    expect(resolved('Revenue in November was estimated at a million.', PUB)).toEqual(['November → 2014-11-01..2014-11-30 month published'])
    // a bare weekday is the latest one on or before publication (chrono alone picks the closest, future included)
    expect(resolved('An attack killed 12 members of a police group Sunday.', PUB)).toEqual(['Sunday → 2015-03-08..2015-03-08 day published'])
    expect(resolved('The talks collapsed on Friday.', '2019-11-03')).toEqual(['on Friday → 2019-11-01..2019-11-01 day published'])
    expect(resolved('The convoy left last Monday.', PUB)).toEqual(['last Monday → 2015-03-02..2015-03-02 day published'])
    expect(resolved('The caption reads March 8.', PUB)).toEqual(['March 8 → 2015-03-08..2015-03-08 day published'])
    // a preview: the match will be played on the coming Sunday (PUB is Monday 2015-03-09)
    expect(resolved('The militia will attack the town on Sunday, commanders said.', PUB)).toEqual(['on Sunday → 2015-03-15..2015-03-15 day published'])
  })

  it('dates an event over a stretch of years to all of it', () => {
    const [e] = findEvents('The commander fought the occupation from 1919 to 1921, his family said.')
    expect(e?.time?.text).toBe('from 1919 to 1921')
    expect(resolveTimex(e!.time!.expr, null)).toMatchObject({ start: dayOf(1919, 1, 1), end: dayOf(1921, 12, 31) })
  })

  it('keeps explicit dates explicit, whatever the publication date', () => {
    expect(resolved('A still from a video released on March 17, 2014 by the group.', null)).toEqual(['March 17, 2014 → 2014-03-17..2014-03-17 day explicit'])
    expect(resolved('Published on 30 October, 2015 in London.', null)).toEqual(['on 30 October, 2015 → 2015-10-30..2015-10-30 day explicit'])
    expect(resolved('The campaign began in 2014 and never stopped.', null)).toEqual(['in 2014 → 2014-01-01..2014-12-31 year explicit'])
    expect(resolved('Fighting resumed in the summer of 2016.', null)).toEqual(['in the summer of 2016 → 2016-06-01..2016-08-31 season explicit'])
  })

  it('leaves relative dates unresolved when the publication date is unknown (never resolved against today)', () => {
    expect(resolved('Police arrested dozens of protesters last week.', null)).toEqual(['last week → unresolved'])
    expect(resolved('They fled three months ago.', null)).toEqual(['three months ago → unresolved'])
  })

  it('widens a relative date when the publication date is known only to the month', () => {
    const march: Anchor = { earliest: dayOf(2015, 3, 1), latest: dayOf(2015, 3, 31) }
    const r = resolveTimex(findTimexes('They were seen last week.')[0]!.expr, march)!
    // published between Sun 1 March (last week: 16–22 Feb) and Tue 31 March (last week: 23–29 March)
    expect([ymd(r.start), ymd(r.end)]).toEqual(['2015-02-16', '2015-03-29'])
    expect(r.precision).toBe('month')
    // the same calendar month either way keeps its precision
    const jan = resolveTimex(findTimexes('They were seen in January.')[0]!.expr, march)!
    expect([ymd(jan.start), ymd(jan.end), jan.precision]).toEqual(['2015-01-01', '2015-01-31', 'month'])
  })

  it('does not read money, counts, newspapers or verbs as dates', () => {
    expect(findTimexes('Recruits are offered up to $800 a month in salary.')).toEqual([])
    expect(findTimexes('The Observatory puts the number of executions at 3,518, including 1,910 civilians.')).toEqual([])
    expect(findTimexes('The Sunday Telegraph reported that some 700 Britons travelled.')).toEqual([])
    expect(findTimexes('Officials say they may march on the capital.')).toEqual([])
    expect(findTimexes('The service runs 24/7 in the city.')).toEqual([])
    expect(findTimexes('Its summer offensive stalled.')).toEqual([])
  })

  it('runs on a chrono configuration whose parsers are the ones chosen (guards against a chrono upgrade changing them)', () => {
    const names = newsChrono().parsers.map((p) => p.constructor.name)
    for (const n of ['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENMonthNameParser']) expect(names).toContain(n)
    for (const n of ['ENTimeExpressionParser', 'ENWeekdayParser', 'ENTimeUnitAgoFormatParser', 'ENCasualDateParser']) expect(names).not.toContain(n)
  })
})

describe('events in one article', () => {
  const one = (text: string) => findEvents(text)

  it('keeps when it was said apart from when it happened', () => {
    const [e] = one('A monitoring group reported on Tuesday that militants had executed 11 prisoners in the city.')
    expect(e).toMatchObject({ kind: 'execution', count: 11 })
    expect(e!.time).toBeUndefined()
    expect(e!.reported?.text).toBe('on Tuesday')
    // the attribution after the event does not make its date a report date
    const [f] = one('Gunmen attacked a checkpoint on Sunday, killing seven policemen, officials said.')
    expect(f).toMatchObject({ kind: 'attack', count: 7 })
    expect(f!.time?.text).toBe('on Sunday')
    // an announcement is itself the event: its date is the event's
    const [g] = one('Last week the governor announced a night curfew across the southern districts.')
    expect(g).toMatchObject({ kind: 'announcement' })
    expect(g!.time?.text).toBe('Last week')
  })

  it('dates an event from a later sentence that refers back to it', () => {
    const ev = one('It was revealed this week that a mass execution of 224 fighters had taken place near the city.\n\nThe massacre took place three months ago, a defector said.')
    expect(ev).toHaveLength(1)
    expect(ev[0]).toMatchObject({ kind: 'execution', count: 224 })
    expect(ev[0]!.time?.text).toBe('three months ago')
  })

  it('takes the conservative count and ignores money, ages and years', () => {
    expect(one('The bodies of between 30 and 40 men were found last month in a ditch.')[0]).toMatchObject({ kind: 'killing', count: 30 })
    expect(one('Police arrested dozens of protesters last week.')[0]).toMatchObject({ kind: 'arrest', count: 12 })
    expect(one('A 15-year-old boy was killed on the front line last week.')[0]!.count).toBeUndefined()
    expect(one('Militants seized $800,000 in cash from the bank on Monday.')[0]!.count).toBeUndefined()
  })

  it('does not take running totals, hypotheticals, negations or generic statements for events', () => {
    expect(one('The Observatory puts the number of executions by the group at 3,518 since the start of the war.')).toEqual([])
    expect(one('Officials fear the militants will attack the city next week.')).toEqual([])
    expect(one('The army has not recaptured any territory this year.')).toEqual([])
    expect(one('Such attacks are becoming increasingly common in the province.')).toEqual([])
    expect(one('The conference opens on 12 March 2018 in Geneva and runs until Friday.')).toEqual([])
    expect(one('Subscribe to continue reading: unlimited access killed by paywall $1 a week.')).toEqual([])
    // markets in the words of war
    expect(one('Shares of Kestrel Mills fell to 12.5 crowns on Tuesday after the results.')).toEqual([])
    expect(one('The index closed at 1,204 points on Monday, traders said.')).toEqual([])
    expect(one('Varn Timber struck a deal with its lenders on Friday.')).toEqual([])
    expect(one('Spending on durable goods fell to an annual rate of $ 626.3 billion in July.')).toEqual([])
    // totals over years, and what is not the event it sounds like
    expect(one('Some 15,000 people have died in the province since 1993, when the governor was ousted.')).toEqual([])
    expect(one('Thousands have been killed in the war, begun in late 1994.')).toEqual([])
    expect(one('The rebel leader walked free on Friday after charges of attempted murder were dropped.')).toEqual([])
    expect(one('A fire broke out at the harbour restaurant on Saturday.')).toEqual([])
    expect(one('The minister was treated last year for two heart attacks.')).toEqual([])
    // the day something was condemned is not the day it happened (and a noun cue needs its own date or count)
    expect(one('Ostrova on Saturday condemned the shelling of a hospital in Varn.')).toEqual([])
    // a perfect tense that reports one event still does
    expect(one('At least 12 people have been killed in a bomb attack in Harrowgate, police said on Monday.')).toHaveLength(1)
  })

  it('finds events in a scrape with its punctuation stripped, one per clause', () => {
    const stripped =
      'the activists say the group imposed new restrictions on travel in recent weeks including a ban on truck drivers carrying men out of the province without written permission from the local emir the activist group says Public executions have in recent weeks been extended to about 120 of the groups own members according to the monitor'
    const ev = one(stripped)
    expect(ev.map((e) => e.kind)).toEqual(['announcement', 'execution'])
    expect(ev[1]).toMatchObject({ count: 120 })
  })
})

describe('the timeline of the fixture archive', () => {
  let svc: ArchiveService
  let root: string
  let events: TimelineEvent[]
  beforeAll(async () => {
    let dataDir: string
    ;({ root, dataDir } = writeTimelineArchive())
    svc = await ArchiveService.open(root, { dataDir })
    await svc.update()
    const t = svc.timeline()
    events = [...t.events, ...t.undatedEvents, ...t.unresolvedEvents]
  }, 60_000)

  it('dates the fixtures as written (the timeline resolves against these)', () => {
    for (const d of svc.documents()) expect(svc.published(d.id).date, d.path).toBe(PUBLISHED[d.path])
  })

  it('finds the hand-listed events with their date ranges and merges each into one entry (measured floors)', () => {
    let found = 0
    let exact = 0
    let merged = 0
    const multi = GOLD_EVENTS.filter((g) => g.docs.length > 1)
    for (const g of GOLD_EVENTS) {
      const hit = events.find((e) => e.sources.some((s) => s.path === g.docs[0]) && g.cue.test(e.sources.map((s) => s.sentence).join(' ')) && (g.count === undefined || e.count === g.count))
      if (!hit) continue
      found++
      if (hit.start === g.start && hit.end === g.end) exact++
      if (g.docs.length > 1 && g.docs.every((p) => hit.sources.some((s) => s.path === p)) && hit.independentSources === (g.independent ?? g.docs.length)) merged++
    }
    // events a reader would not list (everything not matched by a gold event)
    const spurious = events.filter(
      (e) => !GOLD_EVENTS.some((g) => e.sources.some((s) => s.path === g.docs[0]) && g.cue.test(e.sources.map((s) => s.sentence).join(' ')))
    )
    const report = { gold: GOLD_EVENTS.length, found, exactRange: exact, multiSource: multi.length, merged, timelineEntries: events.length, spurious: spurious.length }
    console.log('timeline quality on the fixture:', JSON.stringify(report))
    // measured: 11/11 found, 11/11 exact ranges, 4/4 merged with the right independent count, 0 spurious
    expect(found / GOLD_EVENTS.length).toBeGreaterThanOrEqual(0.9)
    expect(exact / found).toBeGreaterThanOrEqual(0.9)
    expect(merged).toBe(multi.length)
    expect(spurious.length).toBeLessThanOrEqual(2)
  })

  it('shows one event once, with every source, and counts a copy with its original', () => {
    const attack = events.find((e) => e.count === 7)!
    expect(attack.sources.map((s) => s.path).sort()).toEqual(['kirkuk/rewrite.txt', 'kirkuk/scrape.txt', 'kirkuk/wire.txt'])
    expect(attack.independentSources).toBe(2)
    expect(attack.sources.find((s) => s.path === 'kirkuk/scrape.txt')!.role).toBe('copy')
    // the three dates, separately
    expect(attack).toMatchObject({ start: '2016-04-10', end: '2016-04-10', precision: 'day', reported: '2016-04-12' })
    expect(attack.archived).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // the source sentence is the file's own text at its offsets
    for (const s of attack.sources) expect(svc.document(s.path).text.slice(s.offsets[0], s.offsets[1])).toBe(s.sentence)
    const kirkuk = svc.entities({ query: 'Kirkuk', type: 'place' })[0]!
    expect(attack.places).toContain(kirkuk.id)
  })

  it('re-resolves relative dates when a publication date is set or changed, and unresolves them when cleared', async () => {
    const arrest = () => {
      const t = svc.timeline()
      return [...t.events, ...t.unresolvedEvents].find((e) => e.sources.some((s) => s.path === 'basra/protest.txt'))!
    }
    expect(arrest()).toMatchObject({ status: 'unresolved', start: null })
    await svc.setPublicationDate('basra/protest.txt', '2018-07-18') // a Wednesday
    expect(arrest()).toMatchObject({ status: 'dated', start: '2018-07-09', end: '2018-07-15', precision: 'week' })
    expect(arrest().sources[0]).toMatchObject({ dateText: 'last week', basis: 'published', published: '2018-07-18' })
    await svc.setPublicationDate('basra/protest.txt', '2018-09-05')
    expect(arrest()).toMatchObject({ start: '2018-08-27', end: '2018-09-02' })
    await svc.setPublicationDate('basra/protest.txt', null)
    expect(arrest()).toMatchObject({ status: 'unresolved' })
  })

  it('filters by search, entity and date window, and summarises density', () => {
    const all = svc.timeline()
    const idlib = svc.timeline({ query: 'idlib' })
    expect(idlib.events.length).toBeGreaterThan(0)
    expect(idlib.events.every((e) => e.sources.some((s) => s.path.startsWith('idlib/')))).toBe(true)
    const window = svc.timeline({ from: '2016-01-01', to: '2016-12-31' })
    expect(window.events.map((e) => e.start!.slice(0, 4)).every((y) => y === '2016')).toBe(true)
    expect(window.events.length).toBeLessThan(all.events.length)
    const hawija = svc.entities({ query: 'Hawija', type: 'place' })[0]!
    const byPlace = svc.timeline({ entities: [hawija.id] })
    expect(byPlace.events.map((e) => e.count)).toEqual([14])
    expect(byPlace.entities[hawija.id]!.name).toBe('Hawija')
    expect(all.density.unit).toBe('year')
    expect(all.density.buckets.reduce((n, b) => n + b.events, 0)).toBe(all.events.length)
    expect(() => svc.timeline({ from: '2016-13-01' })).toThrow(/not a date/)
    expect(() => svc.timeline({ from: '2017-01-01', to: '2016-01-01' })).toThrow(/before it starts/)
  })

  it('exports TimelineJS JSON that satisfies its schema, and a CSV with one row per event', () => {
    const t = svc.timeline()
    const names = (id: string) => t.entities[id]?.name ?? id
    const js = toTimelineJs(t.events, names)
    validateTimelineJs(js)
    expect(js.events).toHaveLength(t.events.length)
    const csv = toCsv(t.events, names)
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual(['event_id', 'status', 'start_date', 'end_date', 'precision', 'not_after', 'event_type', 'label', 'count', 'places', 'actors', 'independent_sources', 'sources', 'reported', 'archived'])
    expect(rows).toHaveLength(t.events.length + 1)
    for (const r of rows) expect(r).toHaveLength(15)
    const attack = rows.find((r) => r[8] === '7')!
    expect(attack.slice(2, 5)).toEqual(['2016-04-10', '2016-04-10', 'day'])
    expect(attack[9]).toContain('Kirkuk')
  })

  it('drops an event with its last source, and picks up a new one', async () => {
    rmSync(path.join(root, 'idlib/rescuers.txt'))
    await svc.update()
    const strike = svc.timeline().events.find((e) => e.count === 23)!
    expect(strike.sources.map((s) => s.path)).toEqual(['idlib/market.txt'])
    writeFileSync(path.join(root, 'idlib/rescuers.txt'), 'Rescuers count the dead\n4 November 2019\n\nAt least 23 people were killed in an air strike on an Idlib market on Friday, rescuers said.\n')
    await svc.update()
    expect(svc.timeline().events.find((e) => e.count === 23)!.independentSources).toBe(2)
  })
})

/** The TimelineJS3 JSON format's required fields (timeline.knightlab.com/docs/json-format.html). */
function validateTimelineJs(js: unknown): void {
  const o = js as { events?: unknown; title?: { text?: { headline?: unknown } } }
  expect(Array.isArray(o.events)).toBe(true)
  if (o.title) expect(typeof o.title.text?.headline).toBe('string')
  const ids = new Set<string>()
  const date = (d: unknown) => {
    const x = d as { year?: unknown; month?: unknown; day?: unknown }
    expect(Number.isInteger(x.year)).toBe(true)
    if (x.month !== undefined) expect(x.month).toSatisfy((m: unknown) => Number.isInteger(m) && (m as number) >= 1 && (m as number) <= 12)
    if (x.day !== undefined) {
      expect(x.month).toBeDefined()
      expect(x.day).toSatisfy((n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 31)
    }
  }
  for (const e of o.events as Array<Record<string, unknown>>) {
    date(e['start_date'])
    if (e['end_date'] !== undefined) date(e['end_date'])
    const text = e['text'] as { headline?: unknown; text?: unknown }
    expect(typeof text.headline).toBe('string')
    expect(typeof text.text).toBe('string')
    const id = e['unique_id'] as string
    expect(ids.has(id)).toBe(false)
    ids.add(id)
  }
}
