/**
 * An event named by what the core knows of it: its kind, its count and where ("killing ×30 — Tal
 * Abyad"), instead of a cut sentence. `names` maps the event's place and actor ids to names (a
 * timeline response's `entities`).
 */
import type { TimelineEventView } from '../../src-main/contract/api'

export function eventTitle(e: Pick<TimelineEventView, 'kind' | 'count' | 'places' | 'actors'>, names: Record<string, { name: string }>): string {
  const where = e.places.map((id) => names[id]?.name).find(Boolean)
  const who = where ? undefined : e.actors.map((id) => names[id]?.name).find(Boolean)
  return `${e.kind}${e.count ? ` ×${e.count}` : ''}${where ? ` — ${where}` : who ? ` — ${who}` : ''}`
}

/** An event's dates as the user reads them: one day, or the first and last. */
export function eventWhen(e: Pick<TimelineEventView, 'start' | 'end'>): string {
  return !e.start ? 'undated' : e.end && e.end !== e.start ? `${e.start} – ${e.end}` : e.start
}
