/** The entity page open in place of the reader, or none. */
import type { EntityPageView, TimelineResponse } from '../../src-main/contract/api'
import type { StateContext } from './context'
import { Store } from './store'

export interface EntityPageState {
  page: EntityPageView | null
  sort: 'date' | 'title'
  /** the events it is a place or an actor of (null until they come, or when they could not be read) */
  events: TimelineResponse | null
}

/** events drawn on the page's mini timeline; the rest are counted */
const PAGE_EVENTS = 500

export class EntityPageStore extends Store<EntityPageState> {
  constructor(private readonly ctx: StateContext) {
    super({ page: null, sort: 'date', events: null })
  }

  async open(id: string, sort: 'date' | 'title' = this.state.sort): Promise<void> {
    const [r, t] = await Promise.all([this.ctx.api().entityPage({ id, sort }), this.ctx.api().timeline({ entities: [id], limit: PAGE_EVENTS, undatedLimit: 0 })])
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    this.ctx.messages.set({ error: '' })
    this.set({ page: r.value, sort, events: t.ok ? t.value : null })
  }

  close(): void {
    this.set({ page: null, events: null })
  }
}
