/** The query and its results: the first page as the user types, more pages as the list scrolls. */
import type { HitView, SearchRequest, SearchResponse } from '../../src-main/contract/api'
import type { StateContext } from './context'
import type { FiltersStore } from './filters'
import { Store } from './store'

const DEBOUNCE_MS = 80
// a screenful of rows (about 11 at 900 px) and as many again: snippets are made per hit (0.3-0.4 ms
// each at 10k), so the first answer stays fast; scrolling loads the next page before it is reached
const PAGE = 24

export interface SearchState {
  query: string
  sort: 'relevance' | 'date'
  result: SearchResponse | null
  hits: HitView[]
  /** the highlighted row (-1: none) */
  selected: number
  /** a query was typed and its results have not arrived yet */
  pending: boolean
}

export class SearchStore extends Store<SearchState> {
  private timer: ReturnType<typeof setTimeout> | undefined
  private seq = 0
  /** the last search answered (query, filters, order): a refresh of it keeps what the user had open */
  private answered = ''
  private loadingMore = false

  constructor(
    private readonly ctx: StateContext,
    private readonly filters: FiltersStore,
    /** whether an archive is open (nothing to search otherwise) */
    private readonly archiveOpen: () => boolean,
    /** after each first page: what depends on the results; `same`: the same search answered again (a refresh) */
    private readonly after: (same: boolean) => void
  ) {
    super({ query: '', sort: 'relevance', result: null, hits: [], selected: -1, pending: false })
  }

  /** The query as typed: searched once typing pauses. */
  type(query: string): void {
    this.set({ query, pending: true })
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.run(), DEBOUNCE_MS)
  }

  setQuery(query: string): void {
    clearTimeout(this.timer)
    this.set({ query })
  }

  setSort(sort: SearchState['sort']): void {
    this.set({ sort })
    void this.run()
  }

  select(index: number): void {
    this.set({ selected: index })
  }

  /** The row of a document, when it is among the loaded hits (-1: not). */
  indexOf(path: string): number {
    return this.state.hits.findIndex((h) => h.path === path)
  }

  /** Move the highlighted row by `by`, within the loaded hits. */
  move(by: number): void {
    this.set({ selected: Math.max(0, Math.min(this.state.hits.length - 1, this.state.selected + by)) })
  }

  private request(offset: number): SearchRequest {
    const range = this.filters.state.range
    return {
      query: this.state.query,
      limit: PAGE,
      offset,
      entities: this.filters.included(),
      excludeEntities: this.filters.excluded(),
      sort: this.state.sort,
      facetLimit: this.filters.facetLimit(),
      ...(range ? { eventsFrom: range.from, eventsTo: range.to } : {})
    }
  }

  async run(): Promise<void> {
    const seq = ++this.seq
    if (!this.archiveOpen()) return this.set({ pending: false })
    const request = this.request(0)
    const r = await this.ctx.api().search(request)
    if (seq !== this.seq) return // a newer query was typed meanwhile
    const key = JSON.stringify(request)
    const same = key === this.answered
    this.answered = key
    if (r.ok) {
      const { hits, selected } = this.state
      // the same search answered again (an archive change, a correction): the selected hit stays selected
      const kept = same && selected >= 0 ? r.value.hits.findIndex((h) => h.path === hits[selected]?.path) : -1
      this.set({ result: r.value, hits: r.value.hits, selected: kept >= 0 ? kept : r.value.hits.length ? 0 : -1, pending: false })
      this.ctx.messages.set({ error: '' })
      if (kept < 0) this.ctx.view.searched()
    } else {
      // the count and rows of the query before would read as this one's: show none
      this.set({ pending: false, result: null, hits: [], selected: -1 })
      this.ctx.messages.set({ error: r.error.message })
    }
    this.after(same)
  }

  /** Save every result of the current search as CSV or JSON where the user chooses; says where, or why not. */
  async exportResults(format: 'csv' | 'json'): Promise<void> {
    const { query, entities, excludeEntities, sort, eventsFrom, eventsTo } = this.request(0)
    const r = await this.ctx.api().exportResults({ query, format, ...(entities ? { entities } : {}), ...(excludeEntities ? { excludeEntities } : {}), ...(sort ? { sort } : {}), ...(eventsFrom ? { eventsFrom } : {}), ...(eventsTo ? { eventsTo } : {}) })
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    if (r.value) this.ctx.messages.set({ error: '', notice: `Saved ${r.value.rows.toLocaleString('en-US')} result${r.value.rows === 1 ? '' : 's'} to ${r.value.file}` })
  }

  async more(): Promise<void> {
    const { result, hits } = this.state
    if (this.loadingMore || !result || hits.length >= result.total) return
    this.loadingMore = true
    const seq = this.seq
    const r = await this.ctx.api().search(this.request(hits.length))
    this.loadingMore = false
    if (seq !== this.seq || !r.ok) return
    const all = [...this.state.hits, ...r.value.hits]
    // an estimated total can run past the real matches: the first empty page ends the list
    this.set(r.value.hits.length ? { hits: all } : { hits: all, result: { ...result, total: all.length, approximate: false } })
  }

  /** A publication date changed: the hit shows it at once. */
  datePublished(path: string, date: string | null): void {
    this.set({ hits: this.state.hits.map((h) => (h.path === path ? { ...h, published: date } : h)) })
  }

  /** The user starred, tagged or noted an article: its row shows it without a new search. */
  marked(path: string, marks: { starred: boolean; tags: string[]; notes: unknown[] }): void {
    this.set({
      hits: this.state.hits.map((h) => {
        if (h.path !== path) return h
        const { starred: _s, tags: _t, notes: _n, ...rest } = h
        return { ...rest, ...(marks.starred ? { starred: true } : {}), ...(marks.tags.length ? { tags: marks.tags } : {}), ...(marks.notes.length ? { notes: marks.notes.length } : {}) }
      })
    })
  }
}
