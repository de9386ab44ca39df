/** The timeline pane: shown or not, and the events of the current results. */
import type { TimelineEventView } from '../../src-main/contract/api'
import type { StateContext } from './context'
import type { FiltersStore } from './filters'
import { Store } from './store'

export interface TimelineState {
  show: boolean
  events: TimelineEventView[]
}

export class TimelineStore extends Store<TimelineState> {
  constructor(
    private readonly ctx: StateContext,
    private readonly filters: FiltersStore,
    private readonly query: () => string
  ) {
    super({ show: false, events: [] })
  }

  toggle(): void {
    this.set({ show: !this.state.show })
    if (this.state.show) void this.load()
  }

  /** The events again, when the pane is open (the results changed). */
  refresh(): void {
    if (this.state.show) void this.load()
  }

  async load(): Promise<void> {
    const include = this.filters.included()
    const q = this.query()
    const r = await this.ctx.api().timeline({ ...(q.trim() ? { query: q } : {}), ...(include.length ? { entities: include } : {}) })
    if (r.ok) this.set({ events: r.value.events })
    else this.ctx.messages.set({ error: r.error.message })
  }
}
