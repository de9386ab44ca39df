/**
 * ArchiveService: the one object the CLI and the Electron shell call (plain Node, no electron).
 * A thin facade: each call goes to the service module of its concept, over the archive's shared
 * context (archive/context.ts); index updates and imports run one at a time, in order.
 */
import { warmUpAnalysis } from './analyze'
import { allTags, annotate, annotationsOf, type AnnotateRequest, type AnnotationsView } from './annotations/service'
import { openContext, type ArchiveContext, type OpenOptions } from './archive/context'
import { normalizeScope } from './archive/scan'
import { documentDates, published, setFolderYear, setPublicationDate } from './dates/service'
import type { Published } from './dates/publication'
import { documentView, type DocumentView } from './documents/service'
import { entityPage, type EntityPage } from './entities/page'
import { placesMap, type PlacesMap } from './entities/places-map'
import * as entitySvc from './entities/service'
import type { EntityRegistry } from './entities/registry'
import type { Facets } from './entities/facets'
import type { Span } from './entities/types'
import { importFiles, type ImportOptions, type ImportReport } from './import/service'
import type { IndexedDocument } from './search/index-store'
import type { SegmentDoc } from './search/segment'
import { batchSearch, type BatchRow } from './search/batch'
import { resultRows, rowsToCsv, rowsToJson, table } from './search/export'
import type { HistoryEntry, SearchSpec } from './searches/file'
import { clearHistory, deleteSaved, listSaved, recordSearch, runSaved, saveSearch, searchHistory, type SavedSearchView } from './searches/service'
import { highlights, matchingDocuments, search, type SearchOptions, type SearchResult } from './search/service'
import * as storySvc from './stories/service'
import { documentEvents, timeline, type TimelineOptions, type TimelineResult } from './timeline/service'
import type { TimelineEvent } from './timeline/build'
import { readerThread } from './update/read'
import { analyseNextSegment } from './update/analyse-pending'
import { runUpdate } from './update/run'
import type { IndexProgress, IndexReport } from './update/types'

export type { OpenOptions } from './archive/context'
export type { CorrectionView, CurationRequest, EntityQuery, EntityView } from './entities/service'
export type { PlacesMap, MapPlace } from './entities/places-map'
export type { DocumentView } from './documents/service'
export type { ImportOptions, ImportReport } from './import/service'
export { DEFAULT_IMPORT_TARGET, importTarget } from './import/service'
export type { SearchHit, SearchOptions, SearchResult } from './search/service'
export type { DocumentStory, PassageView, ReuseView, StoryMemberView, StoryView } from './stories/service'
export type { TimelineOptions, TimelineResult } from './timeline/service'
export type { FileChange, IndexProgress, IndexReport } from './update/types'

export interface ArchiveStatus {
  archive: string
  dataDir: string
  /** articles searchable */
  documents: number
  /** of which analysed (entities, dates, events, stories); the rest waits for phase 2 of indexing */
  analysed: number
  segments: number
  indexed: boolean
  /** what could not be read of the user's files, when anything (their valid part is in use) */
  notices?: string[]
}

export class ArchiveService {
  private queue: Promise<unknown> = Promise.resolve()
  private readonly closing = new AbortController()
  /** analysePending loops running: one drains what every update leaves pending, the others need not wait for it */
  private analysing = 0
  /** changes to the user's files, one at a time (apart from index updates: a correction never waits for one) */
  private userQueue: Promise<unknown> = Promise.resolve()

  private constructor(private readonly ctx: ArchiveContext) {}

  static async open(archiveDir: string, options: OpenOptions = {}): Promise<ArchiveService> {
    return new ArchiveService(await openContext(archiveDir, options))
  }

  get archive(): string { return this.ctx.archive }
  get dataDir(): string { return this.ctx.dataDir }
  /** Where this archive's index lives. */
  get indexDir(): string {
    return this.ctx.store.dir
  }
  get documentCount(): number {
    return this.ctx.snapshot.documentCount
  }
  /** True when an index was found on disk (and not damaged beyond repair) or built in this session. */
  get hasIndex(): boolean {
    return this.ctx.indexed && this.ctx.problems.length === 0
  }

  /** Stop the analysis workers and the reader thread (the archive stays usable; they restart when needed). */
  async close(): Promise<void> {
    this.closing.abort() // a background analysis stops after its current step
    const { pool, reader } = this.ctx
    this.ctx.pool = undefined
    this.ctx.reader = undefined
    await Promise.all([pool?.close(), reader?.close()])
  }

  status(): ArchiveStatus {
    const { archive, dataDir, snapshot, indexed, notices } = this.ctx
    const { documents, analysed } = snapshot.coverage()
    return { archive, dataDir, documents, analysed, segments: snapshot.segments.size, indexed, ...(notices.length ? { notices } : {}) }
  }
  documents(): IndexedDocument[] { return this.ctx.snapshot.documents() }

  // ---- index updates and imports: one at a time ----

  /**
   * Bring the index up to date with the folder: the text first (searchable as each segment is
   * built), then the analysis of what is still pending, a segment at a time (`textOnly`: return
   * after the first phase). `signal` cancels; what is done is kept.
   */
  async update(onProgress?: (p: IndexProgress) => void, signal?: AbortSignal, opts: { textOnly?: boolean } = {}): Promise<IndexReport> {
    const report = await this.enqueue(() => runUpdate(this.ctx, onProgress, undefined, signal))
    return opts.textOnly ? report : this.thenAnalyse(report, onProgress, signal)
  }
  /** Only these archive paths (files or folders): what the live watcher and imports use. */
  async updatePaths(paths: readonly string[], onProgress?: (p: IndexProgress) => void): Promise<IndexReport> {
    return this.thenAnalyse(await this.enqueue(() => runUpdate(this.ctx, onProgress, normalizeScope(paths))), onProgress)
  }
  /**
   * Phase 2: analyse what is searchable but not analysed yet, one segment per step (other updates
   * can run between steps); each step is published when done. Returns the coverage reached.
   */
  async analysePending(onProgress?: (p: IndexProgress) => void, signal?: AbortSignal): Promise<{ documents: number; analysed: number; segments: number; workers: number }> {
    const stop = signal ? AbortSignal.any([signal, this.closing.signal]) : this.closing.signal
    let segments = 0
    let workers = 0
    // opened text-only: the analysis is left to another run
    if (this.ctx.opts.textOnly) return { ...this.ctx.snapshot.coverage(), segments, workers }
    this.analysing++
    try {
      while (!this.closing.signal.aborted) {
        const step = await this.enqueue(() => analyseNextSegment(this.ctx, onProgress, stop))
        if (!step) break
        segments++
        workers = Math.max(workers, step.workers)
      }
    } finally {
      this.analysing--
    }
    return { ...this.ctx.snapshot.coverage(), segments, workers }
  }
  /**
   * Whether an update that leaves this many articles pending runs the analysis: not when opened
   * text-only, nor when an analysis already runs (it picks them up: a watcher event does not wait for it).
   */
  private analysisDue(pending: number): boolean {
    return pending > 0 && !this.ctx.opts.textOnly && !this.analysing
  }
  private async thenAnalyse(report: IndexReport, onProgress?: (p: IndexProgress) => void, signal?: AbortSignal): Promise<IndexReport> {
    if (!this.analysisDue(report.pending)) return report
    const t0 = performance.now()
    const before = this.ctx.snapshot.coverage().analysed
    const { documents, analysed, segments, workers } = await this.analysePending(onProgress, signal)
    return { ...report, pending: documents - analysed, workers: Math.max(report.workers, workers), analysis: { articles: analysed - before, segments, ms: Math.round(performance.now() - t0) } }
  }
  /** Load the tagger, gazetteer, story index and the readers of the heavy formats now, so the first changed or dropped file is searchable at once. */
  warmUp(): Promise<void> {
    return this.enqueue(async () => {
      // the reader thread loads its parsers meanwhile (pdf.js, readability: ~1-2 s)
      const readers = this.ctx.opts.workers ? readerThread(this.ctx).warmUp() : undefined
      warmUpAnalysis()
      await readers
      if (this.ctx.indexed) await storySvc.syncStories(this.ctx, this.ctx.snapshot.manifest, this.ctx.snapshot.segments, false)
    })
  }
  /** Copy dropped files and folders into the archive and index them (import/service.ts). */
  async importFiles(sources: readonly string[], opts: ImportOptions = {}): Promise<ImportReport> {
    const report = await this.enqueue(() => importFiles(this.ctx, sources, opts, (p, scope) => runUpdate(this.ctx, p, scope, undefined, { cleanImports: true })))
    const { documents, analysed } = this.ctx.snapshot.coverage()
    if (this.analysisDue(documents - analysed)) await this.analysePending()
    return report
  }
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job)
    this.queue = run.catch(() => {})
    return run
  }
  private enqueueUser<T>(job: () => Promise<T>): Promise<T> {
    const run = this.userQueue.then(job)
    this.userQueue = run.catch(() => {})
    return run
  }

  // ---- readers of the current snapshot ----

  search(query: string, opts: SearchOptions = {}): SearchResult { return search(this.ctx, query, opts) }
  highlights(pathOrId: string, query: string): Span[] { return highlights(this.ctx, pathOrId, query) }
  timeline(opts: TimelineOptions = {}): TimelineResult { return timeline(this.ctx, opts, (q, f) => matchingDocuments(this.ctx, q, f)) }
  documentEvents(pathOrId: string): TimelineEvent[] { return documentEvents(this.ctx, pathOrId) }
  document(pathOrId: string): DocumentView { return documentView(this.ctx, pathOrId) }
  /** Every indexed document's path, in path order (what an export walks). */
  documentPaths(): string[] { return this.ctx.snapshot.documents().map((d) => d.path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) }
  entityRegistry(): EntityRegistry { return entitySvc.entityRegistry(this.ctx) }
  entities(q: entitySvc.EntityQuery = {}): entitySvc.EntityView[] { return entitySvc.listEntities(this.ctx, q) }
  entity(id: string): entitySvc.EntityView { return entitySvc.entity(this.ctx, id) }
  documentsForEntity(id: string, opts: { limit?: number; offset?: number } = {}): entitySvc.EntityDocuments { return entitySvc.documentsForEntity(this.ctx, id, opts) }
  /** An entity's page: names, articles (newest first), the span of their dates, the entities it appears with. */
  entityPage(id: string, opts: { limit?: number; sort?: 'date' | 'title' } = {}): EntityPage { return entityPage(this.ctx, id, opts) }
  /** The places the articles of a search mention (the whole archive for ''), with where each is: the map. */
  placesMap(query = '', filter: Pick<SearchOptions, 'entities' | 'excludeEntities'> = {}, limit = 500): PlacesMap { return placesMap(this.ctx, matchingDocuments(this.ctx, query, filter), limit) }
  cooccurring(id: string, limit = 10): Facets { return entitySvc.cooccurring(this.ctx, id, limit) }
  stories(): storySvc.StoryView[] { return storySvc.listStories(this.ctx) }
  story(id: string): storySvc.StoryView { return storySvc.story(this.ctx, id) }
  documentStory(pathOrId: string): storySvc.DocumentStory | null { return storySvc.documentStory(this.ctx, pathOrId) }
  reuse(a: string, b: string): storySvc.ReuseView { return storySvc.reuse(this.ctx, a, b) }
  published(pathOrId: string): Published { return published(this.ctx, pathOrId) }
  /** Every date expression of one document, resolved, with the rule behind each. */
  documentDates(pathOrId: string): ReturnType<typeof documentDates> { return documentDates(this.ctx, pathOrId) }

  // ---- the user's corrections (kept beside the index, never in the archive) ----

  setPublicationDate(pathOrId: string, date: string | null): Promise<Published> { return this.enqueueUser(() => setPublicationDate(this.ctx, pathOrId, date)) }
  /** Star, tag or note an article (annotations/service.ts); its marks after the change. */
  annotate(req: AnnotateRequest): Promise<AnnotationsView> { return this.enqueueUser(() => annotate(this.ctx, req)) }
  /** An article's star, tags and notes, each note anchored to the text as it is now. */
  annotations(pathOrId: string): AnnotationsView { return annotationsOf(this.ctx, pathOrId) }
  /** Every result of a search as CSV or JSON (path, title, outlet, date and its source, score, marks, entities). */
  exportResults(query: string, format: 'csv' | 'json', opts: Pick<SearchOptions, 'entities' | 'excludeEntities' | 'eventsFrom' | 'eventsTo' | 'sort'> = {}): { text: string; rows: number } {
    const rows = resultRows(this.ctx, query, opts)
    return { text: format === 'csv' ? rowsToCsv(rows) : rowsToJson(query, rows), rows: rows.length }
  }
  /** The entity list (hidden ones left out), most mentioned first, as CSV or JSON: id, type, name, aliases, articles. */
  exportEntities(format: 'csv' | 'json'): { text: string; rows: number } {
    const rows = this.entities({ limit: Number.MAX_SAFE_INTEGER, sort: 'count' }).map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, documents: e.documents }))
    return { text: format === 'csv' ? table(['id', 'type', 'name', 'aliases', 'documents'], rows) : JSON.stringify({ total: rows.length, entities: rows }, null, 1) + '\n', rows: rows.length }
  }
  /** Save a search under a name; what matches now is what "new since" is counted from. */
  saveSearch(name: string, spec: SearchSpec): Promise<SavedSearchView> { return this.enqueueUser(() => saveSearch(this.ctx, name, spec)) }
  /** Saved searches, newest first, each with how many articles are new or changed since it was last run. */
  savedSearches(): Promise<{ saved: SavedSearchView[]; notice?: string }> { return listSaved(this.ctx) }
  /** Run a saved search: its results and the paths new since its last run (seen from now on). */
  runSavedSearch(name: string, opts: { limit?: number } = {}) { return this.enqueueUser(() => runSaved(this.ctx, name, opts)) }
  deleteSavedSearch(name: string): Promise<void> { return this.enqueueUser(() => deleteSaved(this.ctx, name)) }
  /** Keep a search in the history; the history, most recent first; clear it (how many were cleared). */
  recordSearch(entry: Omit<HistoryEntry, 'at'>): Promise<void> { return this.enqueueUser(() => recordSearch(this.ctx, entry)) }
  searchHistory(limit?: number): Promise<HistoryEntry[]> { return searchHistory(this.ctx, limit) }
  clearSearchHistory(): Promise<number> { return this.enqueueUser(() => clearHistory(this.ctx)) }
  /** Each line of a list searched on its own: matches, first and last publication date (search/batch.ts). */
  batchSearch(lines: readonly string[]): BatchRow[] { return batchSearch(this.ctx, lines) }
  /** Every tag in use, with its article count. */
  tags(): Array<{ tag: string; count: number }> { return allTags(this.ctx) }
  /** The year the files under a folder are from (null clears it): completes their partial dates. */
  setFolderYear(folder: string, year: number | null): Promise<{ folder: string; year: number | null; documents: number }> { return this.enqueueUser(() => setFolderYear(this.ctx, folder, year)) }
  curate(req: entitySvc.CurationRequest): Promise<entitySvc.EntityView> { return this.enqueueUser(() => entitySvc.curate(this.ctx, req)) }
  exportCuration() { return entitySvc.exportCuration(this.ctx) }
  corrections(): entitySvc.CorrectionView[] { return entitySvc.corrections(this.ctx) }
  undoCorrection(index: number): Promise<entitySvc.CorrectionView[]> { return this.enqueueUser(() => entitySvc.undoCorrection(this.ctx, index)) }
  importCuration(json: string, mode: 'replace' | 'append' = 'append'): Promise<number> { return this.enqueueUser(() => entitySvc.importCuration(this.ctx, json, mode)) }

  // the snapshot's own lookups, for tests that compare the registry with each document's entities
  private meta(pathOrId: string): IndexedDocument { return this.ctx.snapshot.meta(pathOrId) }
  private segmentDocOf(meta: IndexedDocument): SegmentDoc { return this.ctx.snapshot.segmentDocOf(meta) }
}
