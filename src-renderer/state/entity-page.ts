/** The entity page open in place of the reader, or none. */
import type { EntityPageView } from '../../src-main/contract/api'
import type { StateContext } from './context'
import { Store } from './store'

export interface EntityPageState {
  page: EntityPageView | null
  sort: 'date' | 'title'
}

export class EntityPageStore extends Store<EntityPageState> {
  constructor(private readonly ctx: StateContext) {
    super({ page: null, sort: 'date' })
  }

  async open(id: string, sort: 'date' | 'title' = this.state.sort): Promise<void> {
    const r = await this.ctx.api().entityPage({ id, sort })
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    this.ctx.messages.set({ error: '' })
    this.set({ page: r.value, sort })
  }

  close(): void {
    this.set({ page: null })
  }
}
