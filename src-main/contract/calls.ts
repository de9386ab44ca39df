/**
 * The contract between the window and main, declared once: each call's name in main (the
 * service), its name on `window.dateline`, its channel, its argument schema with the message a
 * malformed request gets, and its result type. Channel names, the preload object, the handler
 * registration, argument validation and the window's client types are derived from this table
 * (api.ts); main's events are listed the same way.
 */
import type { z } from 'zod'
import * as req from './requests'
import type * as v from './views'

/** A result type, named in the table for the type system only. */
const returns = <T>() => undefined as unknown as T

export const CALLS = {
  status: { api: 'getStatus', channel: 'archive:status', returns: returns<v.StatusView>() },
  /** Shows the native folder dialog, then opens and indexes the chosen archive. */
  chooseArchive: { api: 'chooseArchive', channel: 'archive:choose', returns: returns<v.StatusView>() },
  /** Open one of `status.recent`. */
  openRecent: { api: 'openRecent', channel: 'archive:open-recent', arg: req.RecentPath, usage: 'openRecent expects the path of a recent archive', returns: returns<v.StatusView>() },
  /** Stop the indexing in progress; the index stays as it was. */
  cancelIndexing: { api: 'cancelIndexing', channel: 'archive:cancel-indexing', returns: returns<{ cancelled: boolean }>() },
  search: {
    api: 'search',
    channel: 'search:query',
    arg: req.SearchRequest,
    usage: 'search expects { query: string (≤ 1000 chars), limit?, offset?, entities?, excludeEntities?, sort?, facetLimit?: 1-200, eventsFrom?: YYYY-MM-DD, eventsTo?: YYYY-MM-DD }',
    returns: returns<v.SearchResponse>()
  },
  /** The reported events of the archive or of a search, each once with all its sources. */
  timeline: { api: 'timeline', channel: 'timeline:query', arg: req.TimelineRequest, usage: 'timeline expects { query?: string, entities?: string[], resultEntities?: string[], resultExcludeEntities?: string[], from?: YYYY-MM-DD, to?: YYYY-MM-DD, limit?, undatedLimit? }', returns: returns<v.TimelineResponse>() },
  /** One article for the reader: text, highlights, entity mentions, date, story, events. */
  document: { api: 'document', channel: 'document:open', arg: req.DocumentRequest, usage: 'document expects { path: string, query?: string }', returns: returns<v.DocumentResponse>() },
  /** Open the file an article was read from (a PDF, a mailbox) in the system's program for it; a web page or feed is shown in its folder instead. */
  openOriginal: { api: 'openOriginal', channel: 'document:open-original', arg: req.OpenOriginalRequest, usage: 'openOriginal expects { path: string }', returns: returns<{ file: string; shown: 'opened' | 'in its folder' }>() },
  /** Star, tag or note an article (kept in the data folder, never in the article); its marks after the change. */
  annotate: {
    api: 'annotate',
    channel: 'document:annotate',
    arg: req.AnnotateRequest,
    usage: 'annotate expects { op: "star", path, on } | { op: "tag", path, tag, on } | { op: "note", path, text, passage?: { start, end } } | { op: "edit-note", path, id, text } | { op: "delete-note", path, id }',
    returns: returns<v.AnnotationsView>()
  },
  /** Saved searches, newest first, each with how many articles are new or changed since it last ran. */
  savedSearches: { api: 'savedSearches', channel: 'saved:list', returns: returns<{ saved: v.SavedSearchView[]; notice?: string }>() },
  /** Save the current search under a name. */
  saveSearch: { api: 'saveSearch', channel: 'saved:add', arg: req.SaveSearchRequest, usage: 'saveSearch expects { name: string, query: string, entities?, excludeEntities? }', returns: returns<v.SavedSearchView>() },
  /** Run a saved search: it, and the paths new since its last run (seen from now on); the window then searches it. */
  runSavedSearch: { api: 'runSavedSearch', channel: 'saved:run', arg: req.SavedNameRequest, usage: 'runSavedSearch expects { name: string }', returns: returns<{ saved: v.SavedSearchView; newPaths: string[] }>() },
  deleteSavedSearch: { api: 'deleteSavedSearch', channel: 'saved:delete', arg: req.SavedNameRequest, usage: 'deleteSavedSearch expects { name: string }', returns: returns<{ deleted: string }>() },
  /** Each line of a list searched on its own: how many articles, first and last publication date. */
  batchSearch: { api: 'batchSearch', channel: 'search:batch', arg: req.BatchSearchRequest, usage: 'batchSearch expects { lines: 1 to 2,000 strings }', returns: returns<v.BatchRowView[]>() },
  /** Keep a search in the history (the window does once a search has stood for a moment or a result was opened). */
  recordSearch: { api: 'recordSearch', channel: 'history:record', arg: req.RecordSearchRequest, usage: 'recordSearch expects { query: string, entities?, excludeEntities?, sort?, eventsFrom?, eventsTo? }', returns: returns<{ kept: true }>() },
  /** The searches run, most recent first (50). */
  searchHistory: { api: 'searchHistory', channel: 'history:list', returns: returns<v.HistoryEntryView[]>() },
  clearSearchHistory: { api: 'clearSearchHistory', channel: 'history:clear', returns: returns<{ cleared: number }>() },
  /** Save the current search's results as CSV or JSON where the user chooses (null: the dialog was cancelled). */
  exportResults: {
    api: 'exportResults',
    channel: 'search:export',
    arg: req.ExportResultsRequest,
    usage: 'exportResults expects { query: string, entities?, excludeEntities?, sort?, eventsFrom?, eventsTo?, format: "csv" | "json" }',
    returns: returns<{ file: string; rows: number } | null>()
  },
  /** Save the source list of the events the timeline shows (a row per event and article) where the user chooses (null: cancelled). */
  exportSources: {
    api: 'exportSources',
    channel: 'timeline:export-sources',
    arg: req.ExportSourcesRequest,
    usage: 'exportSources expects { query?: string, entities?: string[], resultEntities?: string[], resultExcludeEntities?: string[], from?: YYYY-MM-DD, to?: YYYY-MM-DD }',
    returns: returns<{ file: string; rows: number } | null>()
  },
  /** Save the entity list (hidden ones left out) as CSV or JSON where the user chooses (null: cancelled). */
  exportEntities: { api: 'exportEntities', channel: 'entity:export', arg: req.ExportEntitiesRequest, usage: 'exportEntities expects { format: "csv" | "json" }', returns: returns<{ file: string; rows: number } | null>() },
  /** The places the results mention, with where each is (the map), and those without a point. */
  places: { api: 'places', channel: 'places:map', arg: req.PlacesRequest, usage: 'places expects { query?: string, resultEntities?: string[], resultExcludeEntities?: string[], limit?: 1-2000 }', returns: returns<v.PlacesMapView>() },
  /** Entities of the whole archive by name or alias, or the hidden ones. */
  entities: {
    api: 'entities',
    channel: 'entity:list',
    arg: req.EntityListRequest,
    usage: 'entities expects { query?: string (≤ 200 chars), type?: person|organization|place, limit?: 1-500, sort?: count|name, hidden?: boolean }',
    returns: returns<v.EntityView[]>()
  },
  /** One entity's page: names, its articles newest first, the span of their dates, the entities it appears with. */
  entityPage: { api: 'entityPage', channel: 'entity:page', arg: req.EntityPageRequest, usage: 'entityPage expects { id: string, sort?: "date" | "title" }', returns: returns<v.EntityPageView>() },
  /** Correct the entity list (kept across re-indexing). */
  curate: {
    api: 'curate',
    channel: 'entity:curate',
    arg: req.CurationRequest,
    usage: 'curate expects { op: "merge", ids: [2-20 ids], name? } | { op: "rename", id, name } | { op: "retype", id, type } | { op: "hide" | "unhide", id }',
    returns: returns<v.EntityView>()
  },
  /** The corrections made to the entity list, newest first, in words. */
  corrections: { api: 'corrections', channel: 'entity:corrections', returns: returns<v.CorrectionView[]>() },
  /** Take back one correction (a merge is unmerged); the corrections left. */
  undoCorrection: { api: 'undoCorrection', channel: 'entity:undo', arg: req.UndoRequest, usage: 'undoCorrection expects { index: a position from corrections }', returns: returns<v.CorrectionView[]>() },
  /** Set an article's publication date by hand (kept in the data folder, never in the archive). */
  setPublished: { api: 'setPublished', channel: 'document:set-published', arg: req.PublishedRequest, usage: 'setPublished expects { path: string, date: a real day as YYYY-MM-DD, "unknown", or null }', returns: returns<v.PublishedView>() },
  /**
   * Import files and folders dropped on the window. The preload resolves each File to its path
   * (the renderer never sees or invents paths); files not from the disk are ignored.
   */
  importPaths: { api: 'importDropped', channel: 'import:paths', arg: req.ImportPaths, usage: 'import expects 1 to 10,000 absolute file or folder paths', returns: returns<v.ImportResponse>(), preload: 'dropped-files' },
  /** Native open dialog (files and folders), then import. */
  chooseImport: { api: 'chooseImport', channel: 'import:choose', returns: returns<v.ImportResponse>() },
  /** Stop the running import after the file in hand; what was copied stays and is indexed. */
  cancelImport: { api: 'cancelImport', channel: 'import:cancel', returns: returns<{ cancelled: boolean }>() }
} as const satisfies Record<string, CallSpec>

/** Messages main sends to the window, and the listener each becomes on `window.dateline`. */
export const EVENTS = {
  indexProgress: { api: 'onIndexProgress', channel: 'archive:index-progress', payload: returns<v.IndexProgressView>() },
  importProgress: { api: 'onImportProgress', channel: 'import:progress', payload: returns<v.ImportProgressView>() },
  archiveChanged: { api: 'onArchiveChanged', channel: 'archive:changed', payload: returns<v.ArchiveChangedEvent>() }
} as const satisfies Record<string, { api: `on${string}`; channel: string; payload: unknown }>

export interface CallSpec {
  api: string
  channel: string
  /** the one argument's schema; calls without one take no argument */
  arg?: z.ZodType
  /** what a malformed argument is told */
  usage?: string
  returns: unknown
  /** the preload turns dropped File objects into their paths before calling */
  preload?: 'dropped-files'
}
