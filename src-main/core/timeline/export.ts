/**
 * Timeline exports for the tools analysts already use: TimelineJS (Knight Lab's JSON format:
 * `events` of slides with a `start_date` holding at least a year) and an ACLED-like CSV table
 * (one row per event: dates and precision, type, count, places, actors, sources).
 */
import type { TimelineEvent } from './build'

export interface TimelineJsDate {
  year: number
  month?: number
  day?: number
}

export interface TimelineJsSlide {
  start_date: TimelineJsDate
  end_date?: TimelineJsDate
  text: { headline: string; text: string }
  group?: string
  display_date?: string
  unique_id: string
}

export interface TimelineJs {
  title: { text: { headline: string; text: string } }
  events: TimelineJsSlide[]
}

type Names = (id: string) => string

function jsDate(ymd: string, precision: TimelineEvent['precision']): TimelineJsDate {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number]
  if (precision === 'year' || precision === 'vague') return { year: y }
  if (precision === 'month' || precision === 'season' || precision === 'quarter') return { year: y, month: m }
  return { year: y, month: m, day: d }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Dated events only: TimelineJS cannot place an event without a start date. */
export function toTimelineJs(events: readonly TimelineEvent[], names: Names, title = 'Dateline timeline'): TimelineJs {
  const slides: TimelineJsSlide[] = []
  for (const e of events) {
    if (e.status !== 'dated') continue
    const body = [
      e.count !== null ? `<p>Count: ${e.count}</p>` : '',
      e.places.length ? `<p>Places: ${escapeHtml(e.places.map(names).join(', '))}</p>` : '',
      e.actors.length ? `<p>Actors: ${escapeHtml(e.actors.map(names).join(', '))}</p>` : '',
      `<p>${e.sources.length} source${e.sources.length === 1 ? '' : 's'} (${e.independentSources} independent):</p><ul>`,
      ...e.sources.map((s) => `<li>${escapeHtml(s.path)}${s.published ? ` (${s.published})` : ''}: “${escapeHtml(s.sentence)}”</li>`),
      '</ul>'
    ].join('')
    const slide: TimelineJsSlide = {
      start_date: jsDate(e.start!, e.precision),
      text: { headline: escapeHtml(e.label), text: body },
      group: e.kind,
      unique_id: e.id
    }
    if (e.end !== e.start) slide.end_date = jsDate(e.end!, e.precision)
    if (e.precision !== 'day') slide.display_date = `${e.start} – ${e.end} (${e.precision})`
    slides.push(slide)
  }
  return { title: { text: { headline: escapeHtml(title), text: `${slides.length} events reported in the archive` } }, events: slides }
}

const CSV_COLUMNS = ['event_id', 'status', 'start_date', 'end_date', 'precision', 'not_after', 'event_type', 'label', 'count', 'places', 'actors', 'independent_sources', 'sources', 'reported', 'archived'] as const

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** An ACLED-like table, RFC 4180 quoting; places and actors by name, sources by path. */
export function toCsv(events: readonly TimelineEvent[], names: Names): string {
  const rows = [CSV_COLUMNS.join(',')]
  for (const e of events) {
    rows.push(
      [
        e.id,
        e.status,
        e.start,
        e.end,
        e.precision,
        e.notAfter,
        e.kind,
        e.label,
        e.count,
        e.places.map(names).join('; '),
        e.actors.map(names).join('; '),
        e.independentSources,
        e.sources.map((s) => s.path).join('; '),
        e.reported,
        e.archived
      ]
        .map(csvCell)
        .join(',')
    )
  }
  return rows.join('\r\n') + '\r\n'
}

/** An event named by what is known of it: kind, count, place (or actor): "attack ×7 — Kirkuk". */
export function eventName(e: Pick<TimelineEvent, 'kind' | 'count' | 'places' | 'actors'>, names: Names): string {
  const where = e.places[0] ?? e.actors[0]
  return `${e.kind}${e.count ? ` ×${e.count}` : ''}${where ? ` — ${names(where)}` : ''}`
}

const SOURCE_COLUMNS = ['event_id', 'event', 'start_date', 'end_date', 'status', 'source', 'published', 'role', 'date_as_written', 'dated_by', 'sentence'] as const

/**
 * The source list behind a set of events, for an editor or a footnote: one row per event and
 * article that reports it, with the article's publication date, the date as the article wrote it
 * and the sentence quoted (RFC 4180 quoting).
 */
export function toSourceList(events: readonly TimelineEvent[], names: Names): string {
  const rows = [SOURCE_COLUMNS.join(',')]
  for (const e of events) {
    for (const s of e.sources) {
      rows.push(
        [e.id, eventName(e, names), e.start, e.end, e.status, s.path, s.published, s.role ?? null, s.dateText, s.basis, s.sentence.replace(/\s+/g, ' ').trim()]
          .map(csvCell)
          .join(',')
      )
    }
  }
  return rows.join('\r\n') + '\r\n'
}
