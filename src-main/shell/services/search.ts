/** Searching the open archive from the window: results as you type, and the timeline of the results. */
import type { Services } from '../../contract/api'
import type { ExportSourcesRequest } from '../../contract/requests'
import type { TimelineOptions } from '../../core/timeline/service'
import { publicEvent } from '../../core/timeline/build'
import { toSourceList } from '../../core/timeline/export'
import { saveExport, withArchive, type Session } from './session'

const WINDOW_PHRASE_CHECKS = 1000

export function searchServices(session: Session): Pick<Services, 'search' | 'timeline' | 'exportResults' | 'exportSources' | 'savedSearches' | 'saveSearch' | 'runSavedSearch' | 'deleteSavedSearch' | 'recordSearch' | 'searchHistory' | 'clearSearchHistory' | 'batchSearch'> {
  return {
    batchSearch: (req) => withArchive(session, (svc) => svc.batchSearch(req.lines)),
    recordSearch: (req) =>
      withArchive(session, async (svc) => {
        await svc.recordSearch(req)
        return { kept: true as const }
      }),
    searchHistory: () => withArchive(session, (svc) => svc.searchHistory(50)),
    clearSearchHistory: () => withArchive(session, async (svc) => ({ cleared: await svc.clearSearchHistory() })),
    savedSearches: () => withArchive(session, (svc) => svc.savedSearches()),
    saveSearch: (req) => withArchive(session, (svc) => svc.saveSearch(req.name, { query: req.query, entities: req.entities, excludeEntities: req.excludeEntities })),
    runSavedSearch: (req) =>
      withArchive(session, async (svc) => {
        const r = await svc.runSavedSearch(req.name, { limit: 0 })
        return { saved: r.saved, newPaths: r.newPaths }
      }),
    deleteSavedSearch: (req) =>
      withArchive(session, async (svc) => {
        await svc.deleteSavedSearch(req.name)
        return { deleted: req.name }
      }),
    exportResults: (req) =>
      withArchive(session, (svc) => {
        const { format, query, ...filters } = req
        return saveExport(session, `dateline-results.${format}`, format, 'the results', () => svc.exportResults(query, format, filters))
      }),
    exportSources: (req) =>
      withArchive(session, (svc) =>
        saveExport(session, 'dateline-sources.csv', 'csv', 'the source list', () => {
          const t = svc.timeline(timelineOptions(req))
          // what the timeline shows: the dated events, and without a date range the undated and unresolved ones too
          const events = req.from || req.to ? t.events : [...t.events, ...t.undatedEvents, ...t.unresolvedEvents]
          return { text: toSourceList(events, (id) => t.entities[id]?.name ?? id), rows: events.reduce((n, e) => n + e.sources.length, 0) }
        })
      ),
    search: (req) =>
      withArchive(session, (svc) => {
        const r = svc.search(req.query, {
          limit: req.limit,
          offset: req.offset,
          entities: req.entities,
          excludeEntities: req.excludeEntities,
          sort: req.sort,
          eventsFrom: req.eventsFrom,
          eventsTo: req.eventsTo,
          dates: true,
          facetLimit: req.facetLimit ?? 15,
          // as-you-type: half the CLI's phrase checks. A common phrase at 10,000 articles answers in
          // 31-39 ms instead of 59-81 ms, its "about N" 2 % off instead of 3 % (measured)
          phraseCheckBudget: WINDOW_PHRASE_CHECKS
        })
        return {
          query: r.query,
          total: r.total,
          hits: r.hits.map((h) => ({ id: h.id, path: h.path, title: h.title, score: h.score, snippets: h.fragments, published: h.published ?? null, ...(h.source ? { source: h.source } : {}), ...(h.starred ? { starred: true } : {}), ...(h.tags ? { tags: h.tags } : {}), ...(h.notes ? { notes: h.notes } : {}), ...(h.pending ? { pending: true as const } : {}) })),
          ignored: r.ignored,
          facets: r.facets,
          sources: r.sources,
          tags: r.tags,
          ms: r.ms,
          ...(r.approximate ? { approximate: true } : {}),
          ...(r.analysis ? { analysis: r.analysis } : {}),
          ...(r.indexing ? { indexing: r.indexing } : {})
        }
      }),
    timeline: (req) =>
      withArchive(session, (svc) => {
        const t = svc.timeline({ ...timelineOptions(req), ...(req.limit !== undefined ? { limit: req.limit } : {}) })
        // what the window draws: the dated events, and a page of the undated and unresolved ones with their counts
        const page = req.undatedLimit ?? 100
        return {
          events: t.events.map(publicEvent),
          undatedEvents: t.undatedEvents.slice(0, page).map(publicEvent),
          unresolvedEvents: t.unresolvedEvents.slice(0, page).map(publicEvent),
          undated: t.undated,
          unresolved: t.unresolved,
          density: t.density,
          entities: t.entities,
          ...(t.analysis ? { analysis: t.analysis } : {}),
          ms: t.ms
        }
      })
  }
}

/** The window's timeline filters in the core's terms (the results' entity filters select the reporting documents). */
function timelineOptions(req: ExportSourcesRequest): TimelineOptions {
  return {
    ...(req.query?.trim() ? { query: req.query } : {}),
    ...(req.entities ? { entities: req.entities } : {}),
    ...(req.resultEntities ? { documentEntities: req.resultEntities } : {}),
    ...(req.resultExcludeEntities ? { excludeDocumentEntities: req.resultExcludeEntities } : {}),
    ...(req.from ? { from: req.from } : {}),
    ...(req.to ? { to: req.to } : {})
  }
}
