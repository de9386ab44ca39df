/**
 * The archive's timeline: every event mention resolved against its article's publication date,
 * mentions of one event merged (merge.ts), and each event given its three dates — when it happened
 * (start/end/precision), when it was reported (the earliest publication among its sources) and
 * when it entered the archive. Pure: the service hands in the documents, this returns the events.
 */
import { createHash } from 'node:crypto'
import { dayOf, parseYmd, span, ymd } from '../dates/calendar'
import type { Published } from '../dates/publication'
import type { StoryRole } from '../stories/group'
import type { EventKind, EventMention, TimeRef } from './events'
import { mergeMentions, type MergeInput } from './merge'
import { resolveTimex, type Anchor, type DateRange, type TimePrecision } from './resolve'

export interface TimelineDoc {
  id: string
  path: string
  text: string
  events: readonly EventMention[]
  published: Published
  /** YYYY-MM-DD the document entered the archive (was first indexed) */
  archived: string
  story?: string
  role?: StoryRole
  /** the document this one is a copy of, followed to the first non-copy: copies count once */
  copyRoot: string
  entitiesIn(start: number, end: number): { places: string[]; actors: string[] }
}

export interface TimelineSource {
  docId: string
  path: string
  sentence: string
  offsets: [number, number]
  dateText: string | null
  /** explicit: the text gives the date; published: computed from the publication date; null: undated */
  basis: 'explicit' | 'published' | null
  published: string | null
  archived: string
  role?: StoryRole
}

export type EventStatus = 'dated' | 'undated' | 'unresolved'

export interface TimelineEvent {
  id: string
  status: EventStatus
  /** when it happened (inclusive range); null unless dated */
  start: string | null
  end: string | null
  precision: TimePrecision | null
  /** for an undated event: the last day it can have happened (its report or publication date) */
  notAfter: string | null
  kind: EventKind
  label: string
  count: number | null
  places: string[]
  actors: string[]
  sources: TimelineSource[]
  independentSources: number
  /** when it was first reported: the earliest publication date among the sources */
  reported: string | null
  /** when it entered the archive: the earliest among the sources */
  archived: string
}

interface Resolved {
  doc: TimelineDoc
  m: EventMention
  range?: DateRange
  notAfter?: number
  unresolved: boolean
  places: string[]
  actors: string[]
}

/** The publication date as an anchor for relative dates; null when unknown. */
export function anchorOf(p: Published): Anchor | null {
  if (!p.date || !p.precision) return null
  const day = dayFromDate(p.date)
  if (day === undefined) return null
  const [earliest, latest] = span(day, p.precision)
  return { earliest, latest }
}

function dayFromDate(s: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return parseYmd(s)
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(s)
  return m ? dayOf(Number(m[1]), m[2] ? Number(m[2]) : 1, 1) : undefined
}

function resolveMention(doc: TimelineDoc, m: EventMention, anchor: Anchor | null): Resolved {
  const ents = doc.entitiesIn(m.start, m.end)
  let places = ents.places
  if (m.context) places = [...new Set([...places, ...doc.entitiesIn(m.context[0], m.context[1]).places])]
  const r: Resolved = { doc, m, unresolved: false, places, actors: ents.actors }
  if (m.time) {
    const range = resolveTimex(m.time.expr, anchor)
    if (range) r.range = range
    else r.unresolved = true
  } else {
    const reported = m.reported && resolveTimex(m.reported.expr, anchor)
    const bound = reported ? reported.end : anchor?.latest
    if (bound !== undefined) r.notAfter = bound
  }
  return r
}

const PRECISION_RANK: Record<TimePrecision, number> = { day: 0, week: 1, month: 2, quarter: 3, season: 3, year: 4, vague: 5 }

/** The source whose date is most precise (explicit before computed, then the narrower range). */
function bestDated(list: Resolved[]): Resolved | undefined {
  let best: Resolved | undefined
  for (const r of list) {
    if (!r.range) continue
    if (
      !best ||
      PRECISION_RANK[r.range.precision] < PRECISION_RANK[best.range!.precision] ||
      (PRECISION_RANK[r.range.precision] === PRECISION_RANK[best.range!.precision] &&
        (r.range.basis === 'explicit' && best.range!.basis !== 'explicit' ? true : r.range.end - r.range.start < best.range!.end - best.range!.start))
    )
      best = r
  }
  return best
}

function sourceOf(r: Resolved): TimelineSource {
  const t: TimeRef | undefined = r.m.time
  const s: TimelineSource = {
    docId: r.doc.id,
    path: r.doc.path,
    sentence: r.doc.text.slice(r.m.start, r.m.end),
    offsets: [r.m.start, r.m.end],
    dateText: t ? t.text : null,
    basis: r.range ? r.range.basis : null,
    published: r.doc.published.date,
    archived: r.doc.archived
  }
  if (r.doc.role) s.role = r.doc.role
  return s
}

function eventId(list: Resolved[]): string {
  const keys = list.map((r) => `${r.doc.path}#${r.m.start}`).sort()
  return 'ev_' + createHash('sha1').update(keys.join('\n')).digest('hex').slice(0, 12)
}

function toEvent(list: Resolved[]): TimelineEvent {
  list.sort((a, b) => (a.doc.published.date ?? '9999').localeCompare(b.doc.published.date ?? '9999') || a.doc.path.localeCompare(b.doc.path) || a.m.start - b.m.start)
  const best = bestDated(list)
  const counts = list.map((r) => r.m.count).filter((c): c is number => c !== undefined)
  // the label of the most informative source: dated, with a count, first reported
  // (a copy's sentence is the original's, often with its punctuation stripped: the original's reads better)
  const pool = list.some((r) => r.doc.role !== 'copy') ? list.filter((r) => r.doc.role !== 'copy') : list
  const labelled = pool.find((r) => r.range && r.m.count !== undefined) ?? bestDated(pool) ?? pool.find((r) => r.m.count !== undefined) ?? pool[0]!
  const notAfters = list.map((r) => r.notAfter).filter((d): d is number => d !== undefined)
  const reported = list.map((r) => r.doc.published.date).filter((d): d is string => !!d).sort()[0] ?? null
  return {
    id: eventId(list),
    status: best ? 'dated' : list.some((r) => r.unresolved) ? 'unresolved' : 'undated',
    start: best ? ymd(best.range!.start) : null,
    end: best ? ymd(best.range!.end) : null,
    precision: best ? best.range!.precision : null,
    notAfter: !best && notAfters.length ? ymd(Math.min(...notAfters)) : null,
    kind: labelled.m.kind,
    label: labelled.m.label,
    // the conservative figure when reports differ (ACLED's convention)
    count: counts.length ? Math.min(...counts) : null,
    places: unique(list.flatMap((r) => r.places)),
    actors: unique(list.flatMap((r) => r.actors)),
    sources: onePerDocument(list).map(sourceOf),
    independentSources: new Set(list.map((r) => r.doc.copyRoot)).size,
    reported,
    archived: list.map((r) => r.doc.archived).sort()[0]!
  }
}

/** A document that tells the event twice ("12 killed … killing a dozen") is one source: its dated mention. */
function onePerDocument(list: Resolved[]): Resolved[] {
  const byDoc = new Map<string, Resolved>()
  for (const r of list) {
    const have = byDoc.get(r.doc.id)
    if (!have || (!have.range && r.range)) byDoc.set(r.doc.id, r)
  }
  return list.filter((r) => byDoc.get(r.doc.id) === r)
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)]
}

/** Every event of the archive, dated ones first in time order, then undated and unresolved ones. */
export function buildTimeline(docs: readonly TimelineDoc[]): TimelineEvent[] {
  const resolved: Resolved[] = []
  for (const doc of docs) {
    const anchor = anchorOf(doc.published)
    for (const m of doc.events) resolved.push(resolveMention(doc, m, anchor))
  }
  const inputs: MergeInput[] = resolved.map((r, key) => {
    const x: MergeInput = { key, doc: r.doc.id, kind: r.m.kind, places: r.places, sentence: r.doc.text.slice(r.m.start, r.m.end) }
    if (r.m.count !== undefined) x.count = r.m.count
    if (r.range) x.range = r.range
    if (r.notAfter !== undefined) x.notAfter = r.notAfter
    if (r.doc.story) x.story = r.doc.story
    return x
  })
  const events = mergeMentions(inputs).map((keys) => toEvent(keys.map((k) => resolved[k]!)))
  const rank: Record<EventStatus, number> = { dated: 0, undated: 1, unresolved: 2 }
  return events.sort(
    (a, b) => rank[a.status] - rank[b.status] || (a.start ?? a.notAfter ?? '').localeCompare(b.start ?? b.notAfter ?? '') || (a.end ?? '').localeCompare(b.end ?? '') || a.id.localeCompare(b.id)
  )
}

/** An event as shown outside the core (CLI, window): document ids are internal. */
export function publicEvent(e: TimelineEvent): Omit<TimelineEvent, 'sources'> & { sources: Array<Omit<TimelineSource, 'docId'>> } {
  return { ...e, sources: e.sources.map(({ docId: _docId, ...s }) => s) }
}

export interface TimelineFilter {
  /** only events with a source among these documents */
  docs?: ReadonlySet<string>
  /** only events whose places or actors include every one of these entity ids */
  entities?: readonly string[]
  /** only dated events overlapping this window (inclusive day numbers) */
  from?: number
  to?: number
}

export function filterTimeline(events: readonly TimelineEvent[], f: TimelineFilter): TimelineEvent[] {
  const from = f.from === undefined ? undefined : ymd(f.from)
  const to = f.to === undefined ? undefined : ymd(f.to)
  return events.filter((e) => {
    if (f.docs && !e.sources.some((s) => f.docs!.has(s.docId))) return false
    if (f.entities?.length && !f.entities.every((id) => e.places.includes(id) || e.actors.includes(id))) return false
    if (from !== undefined || to !== undefined) {
      if (e.status !== 'dated') return false
      if (from !== undefined && e.end! < from) return false
      if (to !== undefined && e.start! > to) return false
    }
    return true
  })
}

export type DensityUnit = 'day' | 'month' | 'year'

export interface Density {
  unit: DensityUnit
  /** "2015-03-08", "2015-03" or "2015" → number of events starting then */
  buckets: Array<{ at: string; events: number }>
}

/** Events per day, month or year, for drawing a timeline too dense to draw event by event. */
export function density(events: readonly TimelineEvent[], unit?: DensityUnit): Density {
  const dated = events.filter((e) => e.status === 'dated')
  if (!unit) {
    const days = dated.map((e) => parseYmd(e.start!)!)
    const width = days.length ? Math.max(...days) - Math.min(...days) : 0
    unit = width > 3 * 366 ? 'year' : width > 92 ? 'month' : 'day'
  }
  const len = unit === 'day' ? 10 : unit === 'month' ? 7 : 4
  const counts = new Map<string, number>()
  for (const e of dated) counts.set(e.start!.slice(0, len), (counts.get(e.start!.slice(0, len)) ?? 0) + 1)
  return { unit, buckets: [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([at, n]) => ({ at, events: n })) }
}


