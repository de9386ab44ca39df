/** The timeline pane: shown or not, and the events of the current results. */
import type { TimelineEventView } from '../../src-main/contract/api'
import type { StateContext } from './context'
import type { FiltersStore } from './filters'
import { Store } from './store'

export interface TimelineState {
  show: boolean
  /** dated events: the axis */
  events: TimelineEventView[]
  /** the first undated events (no date in their text) and unresolved ones (dated relative to an unknown publication date) */
  undatedEvents: TimelineEventView[]
  unresolvedEvents: TimelineEventView[]
  undated: number
  unresolved: number
  /** set while some of the articles are not analysed yet */
  coverage: { analysed: number; of: number } | null
}

export class TimelineStore extends Store<TimelineState> {
  constructor(
    private readonly ctx: StateContext,
    private readonly filters: FiltersStore,
    private readonly query: () => string
  ) {
    super({ show: false, events: [], undatedEvents: [], unresolvedEvents: [], undated: 0, unresolved: 0, coverage: null })
  }

  toggle(): void {
    this.set({ show: !this.state.show })
    if (this.state.show) void this.load()
  }

  /** The events again, when the pane is open (the results changed). */
  refresh(): void {
    if (this.state.show) void this.load()
  }

  /** The results the user sees: the same query and entity filters, applied to the reporting articles. */
  private filtersOfResults(): { query?: string; resultEntities?: string[]; resultExcludeEntities?: string[] } {
    const include = this.filters.included()
    const exclude = this.filters.excluded()
    const q = this.query()
    return {
      ...(q.trim() ? { query: q } : {}),
      ...(include.length ? { resultEntities: include } : {}),
      ...(exclude.length ? { resultExcludeEntities: exclude } : {})
    }
  }

  /** The events of the results the user sees. */
  async load(): Promise<void> {
    const r = await this.ctx.api().timeline(this.filtersOfResults())
    if (r.ok) {
      const { events, undatedEvents, unresolvedEvents, undated, unresolved, analysis } = r.value
      this.set({ events, undatedEvents, unresolvedEvents, undated, unresolved, coverage: analysis ?? null })
    } else this.ctx.messages.set({ error: r.error.message })
  }

  /** Save the source list of the events shown (within the selected range, when there is one). */
  async exportSources(): Promise<void> {
    const range = this.filters.state.range
    const r = await this.ctx.api().exportSources({ ...this.filtersOfResults(), ...(range ? { from: range.from, to: range.to } : {}) })
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    if (r.value) this.ctx.messages.set({ error: '', notice: `Saved ${r.value.rows.toLocaleString('en-US')} source${r.value.rows === 1 ? '' : 's'} to ${r.value.file}` })
  }
}
