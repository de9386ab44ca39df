/**
 * The window's state: one store per concern, and the reactions between them (a filter changes →
 * search again; new results → the timeline again; the archive changed → everything again). The
 * components read the stores and send typed events; <dateline-app> turns those into actions here.
 */
import type { AnnotateRequest, CurationRequest, DatelineApi, HistoryEntryView } from '../../src-main/contract/api'
import type { EntityFilter } from '../events'
import { ArchiveStore } from './archive'
import type { Messages, StateContext, ViewEffects } from './context'
import { EntitiesStore } from './entities'
import { FiltersStore } from './filters'
import { ReaderStore } from './reader'
import { EntityPageStore } from './entity-page'
import { SavedStore } from './saved'
import { SearchStore } from './search'
import { Store, type Subscribable } from './store'
import { TimelineStore } from './timeline'
import { MapStore } from './map'

/** A search as the user set it up: what going back restores. */
interface SearchSnapshot {
  query: string
  sort: 'relevance' | 'date'
  filters: EntityFilter[]
  range: { from: string; to: string } | null
}

const HISTORY_MAX = 50
/** A search that stands this long is kept in the history on disk. */
const HISTORY_AFTER_MS = 2000

export class AppState {
  readonly messages = new Store<Messages>({ error: '', notice: '' })
  readonly archive: ArchiveStore
  readonly filters = new FiltersStore()
  readonly search: SearchStore
  readonly reader: ReaderStore
  readonly timeline: TimelineStore
  readonly map: MapStore
  readonly entities: EntitiesStore
  readonly saved: SavedStore
  readonly entityPage: EntityPageStore
  private offs: Array<() => void> = []
  /** earlier searches, most recent last (Alt+← goes back through them) */
  private history: SearchSnapshot[] = []
  private current: SearchSnapshot | undefined
  private restoring = false

  constructor(
    api: () => DatelineApi,
    private readonly view: ViewEffects
  ) {
    const ctx: StateContext = { api, messages: this.messages, view }
    const query = () => this.search.state.query
    this.archive = new ArchiveStore(ctx)
    this.timeline = new TimelineStore(ctx, this.filters, query)
    this.map = new MapStore(ctx, this.filters, query)
    this.search = new SearchStore(ctx, this.filters, () => this.archive.open, (same) => this.afterSearch(same))
    this.reader = new ReaderStore(ctx, query)
    this.entities = new EntitiesStore(ctx)
    this.saved = new SavedStore(ctx)
    this.entityPage = new EntityPageStore(ctx)
  }

  get stores(): Subscribable[] {
    return [this.messages, this.archive, this.filters, this.search, this.reader, this.timeline, this.map, this.entities, this.saved, this.entityPage]
  }

  /** Start: the status (reopening the last archive), the first search, and main's events. */
  connect(api: DatelineApi): void {
    void this.archive.refreshStatus().then(() => this.search.run())
    this.offs = [
      api.onIndexProgress((p) => this.archive.progress(p)),
      // files added by imports or other programs: new counts, and the current search again
      api.onArchiveChanged((e) => {
        if (e.notice) this.messages.set({ notice: e.notice })
        void this.refresh()
      })
    ]
  }

  disconnect(): void {
    for (const off of this.offs) off()
    this.offs = []
    clearTimeout(this.recordTimer)
  }

  async refresh(): Promise<void> {
    await this.archive.refreshStatus()
    await Promise.all([this.search.run(), this.entities.refresh()])
  }

  async openArchive(call: ReturnType<DatelineApi['chooseArchive']>): Promise<void> {
    if (await this.archive.opened(call)) {
      this.reader.close()
      await this.search.run()
    }
  }

  addFilter(f: EntityFilter): void {
    this.filters.add(f)
    void this.search.run()
  }

  removeFilter(f: EntityFilter): void {
    this.filters.remove(f)
    void this.search.run()
  }

  /** "More people": the facets of that type beyond the first 15 (asked for once, for every type expanded). */
  expandFacets(type: string, open: boolean): void {
    const expanded = this.filters.state.expanded.filter((t) => t !== type)
    if (open) expanded.push(type)
    const before = this.filters.facetLimit()
    this.filters.set({ expanded })
    if (this.filters.facetLimit() !== before) void this.search.run()
  }

  setRange(range: { from: string; to: string } | null): void {
    this.filters.set({ range })
    void this.search.run()
  }

  removeRange(): void {
    this.filters.set({ range: null })
    this.view.rangeCleared()
    void this.search.run()
  }

  private snapshot(): SearchSnapshot {
    return { query: this.search.state.query, sort: this.search.state.sort, filters: this.filters.state.filters, range: this.filters.state.range }
  }

  /** Each new search answered: the one before it goes into the history (not when going back to it). */
  private remember(): void {
    const now = this.snapshot()
    if (this.current && !this.restoring) {
      this.history.push(this.current)
      if (this.history.length > HISTORY_MAX) this.history.shift()
    }
    this.current = now
    this.restoring = false
    // kept in the history once it has stood for a moment (not every pause while typing), or when a result is opened
    clearTimeout(this.recordTimer)
    this.recordTimer = setTimeout(() => this.record(), HISTORY_AFTER_MS)
  }

  private recordTimer: ReturnType<typeof setTimeout> | undefined
  private recorded: SearchSnapshot | undefined

  private record(): void {
    clearTimeout(this.recordTimer)
    const s = this.current
    if (!s || s === this.recorded || !this.archive.open || (!s.query.trim() && !s.filters.length)) return
    this.recorded = s
    const included = s.filters.filter((f) => f.mode === 'include').map((f) => f.id)
    const excluded = s.filters.filter((f) => f.mode === 'exclude').map((f) => f.id)
    void this.saved.recordSearch({ query: s.query, ...(included.length ? { entities: included } : {}), ...(excluded.length ? { excludeEntities: excluded } : {}), sort: s.sort, ...(s.range ? { eventsFrom: s.range.from, eventsTo: s.range.to } : {}) })
  }

  get canGoBack(): boolean {
    return this.history.length > 0
  }

  /** Alt+←: the search before this one, as it was (query, order, filters, date range). */
  back(): void {
    const prev = this.history.pop()
    if (!prev) return
    this.restoring = true
    this.search.setQuery(prev.query)
    this.search.set({ sort: prev.sort })
    this.view.showQuery(prev.query)
    this.filters.set({ filters: prev.filters, range: prev.range })
    if (!prev.range) this.view.rangeCleared()
    void this.search.run()
  }

  /** Save the current search (query and entity filters) under a name. */
  saveSearch(name: string): Promise<boolean> {
    return this.saved.save(name, { query: this.search.state.query, entities: this.filters.included(), excludeEntities: this.filters.excluded() })
  }

  /** Run a saved search: its query and filters become the search's, its new articles are marked. */
  async runSaved(name: string): Promise<void> {
    const s = await this.saved.run(name)
    if (s) await this.runSpec(s, s.names)
  }

  /** Run a search of the history again, as it was. */
  async runPast(h: HistoryEntryView): Promise<void> {
    this.saved.forget()
    await this.runSpec(h, {}, h.sort, h.eventsFrom && h.eventsTo ? { from: h.eventsFrom, to: h.eventsTo } : null)
  }

  private async runSpec(s: { query: string; entities?: string[]; excludeEntities?: string[] }, names: Record<string, string>, sort?: 'relevance' | 'date', range: { from: string; to: string } | null = null): Promise<void> {
    this.search.setQuery(s.query)
    if (sort) this.search.set({ sort })
    this.view.showQuery(s.query)
    this.filters.set({
      filters: [...(s.entities ?? []).map((id) => ({ id, name: names[id] ?? id, mode: 'include' as const })), ...(s.excludeEntities ?? []).map((id) => ({ id, name: names[id] ?? id, mode: 'exclude' as const }))],
      range
    })
    if (!range) this.view.rangeCleared()
    await this.search.run()
  }

  /** The deliberate "clear": the query, every filter and the date range (Alt+← brings them back). */
  clearAll(): void {
    this.search.setQuery('')
    this.view.showQuery('')
    this.filters.set({ filters: [], range: null })
    this.view.rangeCleared()
    void this.search.run()
  }

  /**
   * What depends on the results follows them: the timeline, and the reader — an article that is
   * not among the new results closes; one that is shows the new query's marks.
   */
  private afterSearch(same: boolean): void {
    if (!same) this.remember()
    this.timeline.refresh()
    this.map.refresh()
    const doc = this.reader.state.doc
    if (!doc || same) return
    const at = this.search.indexOf(doc.path)
    if (at < 0) return this.reader.close()
    this.search.select(at)
    if (this.reader.state.query !== this.search.state.query) void this.reader.open(doc.path)
  }

  /** A story member opened from the reader: its row is the selected one (none when it is not a result). */
  async openStoryMember(path: string): Promise<void> {
    this.search.select(this.search.indexOf(path))
    await this.reader.open(path)
  }

  async openHit(index: number, spot: [number, number] | null = null): Promise<void> {
    this.record()
    const hit = this.search.state.hits[index]
    if (!hit) return
    this.search.select(index)
    await this.reader.open(hit.path, spot)
  }

  async setPublished(path: string, date: string | null): Promise<void> {
    const done = await this.reader.setPublished(path, date)
    if (!done) return
    // dates of this article's story may follow from it: date order and the timeline are recomputed
    if (this.search.state.sort === 'date') await this.search.run()
    else {
      this.search.datePublished(path, done.date)
      this.timeline.refresh()
    }
  }

  /** Star, tag or note an article: the reader and its result row show it at once. */
  async annotate(req: AnnotateRequest): Promise<void> {
    if (!(await this.reader.annotate(req))) return
    const doc = this.reader.state.doc
    if (doc && doc.path === req.path) this.search.marked(req.path, doc.annotations)
  }

  /** Undo a correction: the results, facets and lists follow. */
  async undoCorrection(index: number): Promise<void> {
    if (!(await this.entities.undo(index))) return
    await Promise.all([this.search.run(), this.entities.refresh()])
  }

  async curate(request: CurationRequest): Promise<void> {
    const after = await this.entities.curate(request)
    if (!after) return
    // a merged or renamed entity has a new id: drop filters on the old one
    this.filters.dropIds(request.op === 'merge' ? request.ids : [request.id])
    await Promise.all([this.search.run(), this.entities.refresh()])
    // the entity's page follows it (under its new name or type), or closes when it was hidden
    const page = this.entityPage.state.page
    const ids = request.op === 'merge' ? request.ids : [request.id]
    if (page && ids.includes(page.entity.id)) {
      if (request.op === 'hide') this.entityPage.close()
      else await this.entityPage.open(after.id)
    }
  }
}
