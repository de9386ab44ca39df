/**
 * The timeline of an open archive: every reported event merged across its sources (computed once
 * per index, correction or date change), filtered by a search, entities and a date window.
 */
import { analysisCoverage, type Coverage } from '../archive/coverage'
import type { ArchiveContext } from '../archive/context'
import { parseYmd } from '../dates/calendar'
import { entityRegistry, requireEntity } from '../entities/service'
import type { EntityType } from '../entities/types'
import { DatelineError } from '../errors'
import { storyState, copyRootOf } from '../stories/service'
import { buildTimeline, density, filterTimeline, type Density, type DensityUnit, type TimelineDoc, type TimelineEvent } from './build'

export interface TimelineOptions {
  /** only events reported by documents matching this search */
  query?: string
  /** only events reported by documents mentioning every one of these entities, and none of `excludeDocumentEntities` (the results' filters) */
  documentEntities?: string[]
  excludeDocumentEntities?: string[]
  /** only events whose places or actors include every one of these entities */
  entities?: string[]
  /** only dated events overlapping this window (YYYY-MM-DD, inclusive) */
  from?: string
  to?: string
  /** at most this many dated events (default all) */
  limit?: number
  density?: DensityUnit
}

export interface TimelineResult {
  /** dated events, in time order */
  events: TimelineEvent[]
  /** events with no date in their text (placed no later than their report) */
  undatedEvents: TimelineEvent[]
  /** events dated relative to a publication date that is unknown ("last week" in an undated article) */
  unresolvedEvents: TimelineEvent[]
  undated: number
  unresolved: number
  density: Density
  /** names of the places and actors the events refer to */
  entities: Record<string, { name: string; type: EntityType }>
  /** some of the documents are not analysed yet (two-phase indexing): their events are not in yet */
  analysis?: Coverage
  ms: number
}

/** Every reported event of the archive, merged across sources (computed once per index or date change). */
export function allEvents(ctx: ArchiveContext): TimelineEvent[] {
  const registry = entityRegistry(ctx)
  const stories = storyState(ctx)
  const c = ctx.cache.timeline
  if (c && c.registry === registry && c.stories === stories) return c.events
  const snap = ctx.snapshot
  const input: TimelineDoc[] = []
  for (const d of snap.documents()) {
    const sd = snap.findSegmentDoc(d)
    if (!sd?.events?.length) continue
    const ents = registry.entitiesOf(d.id).filter((x) => !x.record.hidden)
    const hit = stories.byDoc.get(d.id)
    const member = hit?.story.members[hit.index]
    const t: TimelineDoc = {
      id: d.id,
      path: d.path,
      text: sd.text,
      events: sd.events,
      published: stories.published.get(d.id)!,
      archived: new Date(d.indexedAt).toISOString().slice(0, 10),
      copyRoot: copyRootOf(d.id, hit?.story),
      entitiesIn: (start, end) => {
        const places: string[] = []
        const actors: string[] = []
        for (const x of ents) {
          // "a London-based monitoring group" says where the group sits, not where the event happened
          if (!x.mentions.some(([s, e]) => s < end && e > start && !/^[-‐‑]based\b/.test(sd.text.slice(e, e + 7)))) continue
          ;(x.record.type === 'place' ? places : actors).push(x.record.id)
        }
        return { places, actors }
      }
    }
    if (hit) t.story = hit.story.id
    if (member) t.role = member.role
    input.push(t)
  }
  const events = buildTimeline(input)
  ctx.cache.timeline = { registry, stories, events }
  return events
}

/** The documents that report an event dated within a window (the search's `eventsFrom`/`eventsTo`). */
export function documentsWithEventsIn(ctx: ArchiveContext, from: number | undefined, to: number | undefined): Set<string> {
  const inWindow = new Set<string>()
  for (const e of filterTimeline(allEvents(ctx), { from, to })) for (const src of e.sources) inWindow.add(src.docId)
  return inWindow
}

/**
 * The timeline of reported events, for the whole archive or a search, entity filter and date
 * window. `matching` gives the documents of a search (the search service's, passed in so the
 * timeline does not depend on it).
 */
export function timeline(ctx: ArchiveContext, opts: TimelineOptions, matching: (query: string, filter: { entities?: string[]; excludeEntities?: string[] }) => Set<string>): TimelineResult {
  const t0 = performance.now()
  const registry = entityRegistry(ctx)
  const window = (s: string | undefined, name: string): number | undefined => {
    if (s === undefined) return undefined
    const d = parseYmd(s)
    if (d === undefined) throw new DatelineError('usage', `--${name} "${s}" is not a date: use YYYY-MM-DD (for example 2015-03-01).`)
    return d
  }
  const from = window(opts.from, 'from')
  const to = window(opts.to, 'to')
  if (from !== undefined && to !== undefined && from > to) throw new DatelineError('usage', `The window ends (${opts.to}) before it starts (${opts.from}).`)
  const entities = (opts.entities ?? []).map((id) => requireEntity(registry, id).id)
  const byDocuments = Boolean(opts.documentEntities?.length || opts.excludeDocumentEntities?.length)
  const docSet = opts.query?.trim() || byDocuments ? matching(opts.query ?? '', { entities: opts.documentEntities, excludeEntities: opts.excludeDocumentEntities }) : undefined
  const all = allEvents(ctx)
  const kept = filterTimeline(all, { docs: docSet, entities, from, to })
  const dated = kept.filter((e) => e.status === 'dated')
  // undated and unresolved events follow the search and entity filters, not the date window
  const rest = from === undefined && to === undefined ? kept : filterTimeline(all, { docs: docSet, entities })
  const undatedEvents = rest.filter((e) => e.status === 'undated')
  const unresolvedEvents = rest.filter((e) => e.status === 'unresolved')
  const shown = opts.limit === undefined ? dated : dated.slice(0, Math.max(0, opts.limit))
  const names: TimelineResult['entities'] = {}
  for (const e of [...shown, ...undatedEvents, ...unresolvedEvents]) {
    for (const id of [...e.places, ...e.actors]) {
      if (names[id]) continue
      const r = registry.resolve(id)
      if (r) names[id] = { name: r.name, type: r.type }
    }
  }
  return {
    events: shown,
    undatedEvents,
    unresolvedEvents,
    undated: undatedEvents.length,
    unresolved: unresolvedEvents.length,
    density: density(dated, opts.density),
    entities: names,
    ...withCoverage(analysisCoverage(ctx, docSet && (() => docSet))),
    ms: Math.round((performance.now() - t0) * 100) / 100
  }
}

/** The events one document reports (each with all its sources across the archive). */
export function documentEvents(ctx: ArchiveContext, pathOrId: string): TimelineEvent[] {
  const meta = ctx.snapshot.meta(pathOrId)
  return allEvents(ctx).filter((e) => e.sources.some((s) => s.docId === meta.id))
}

function withCoverage(c: Coverage | undefined): { analysis?: Coverage } {
  return c ? { analysis: c } : {}
}
