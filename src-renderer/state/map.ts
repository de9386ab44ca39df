/** The map pane: shown or not, and the places of the current results. */
import type { PlacesMapView } from '../../src-main/contract/api'
import type { StateContext } from './context'
import type { FiltersStore } from './filters'
import { Store } from './store'

export interface MapState {
  show: boolean
  data: PlacesMapView | null
}

export class MapStore extends Store<MapState> {
  private seq = 0

  constructor(
    private readonly ctx: StateContext,
    private readonly filters: FiltersStore,
    private readonly query: () => string
  ) {
    super({ show: false, data: null })
  }

  toggle(): void {
    this.set({ show: !this.state.show })
    if (this.state.show) void this.load()
  }

  /** The places again, when the pane is open (the results changed). */
  refresh(): void {
    if (this.state.show) void this.load()
  }

  /** The places of the results the user sees: the same query and entity filters. */
  async load(): Promise<void> {
    const seq = ++this.seq
    const include = this.filters.included()
    const exclude = this.filters.excluded()
    const q = this.query()
    const r = await this.ctx.api().places({
      ...(q.trim() ? { query: q } : {}),
      ...(include.length ? { resultEntities: include } : {}),
      ...(exclude.length ? { resultExcludeEntities: exclude } : {})
    })
    if (seq !== this.seq) return // a newer search's places are on their way
    if (r.ok) this.set({ data: r.value })
    else this.ctx.messages.set({ error: r.error.message })
  }
}
