/** The entity panel's lists beyond the facets: the find box's answer and the hidden entities; corrections. */
import type { CurationRequest, EntityView } from '../../src-main/contract/api'
import type { StateContext } from './context'
import { Store } from './store'

export interface EntitiesState {
  /** entities of the whole archive matching the find box (null while empty or looking) */
  found: EntityView[] | null
  /** the hidden list (null while closed) */
  hidden: EntityView[] | null
}

export class EntitiesStore extends Store<EntitiesState> {
  private query = ''
  private seq = 0

  constructor(private readonly ctx: StateContext) {
    super({ found: null, hidden: null })
  }

  async find(query: string): Promise<void> {
    this.query = query
    const seq = ++this.seq
    this.set({ found: null })
    if (!query) return
    const r = await this.ctx.api().entities({ query, limit: 30 })
    if (seq !== this.seq) return
    if (r.ok) this.set({ found: r.value })
    else this.ctx.messages.set({ error: r.error.message })
  }

  async showHidden(open: boolean): Promise<void> {
    if (!open) {
      this.set({ hidden: null })
      return
    }
    const r = await this.ctx.api().entities({ hidden: true, sort: 'name', limit: 500 })
    if (r.ok) this.set({ hidden: r.value })
    else this.ctx.messages.set({ error: r.error.message })
  }

  /** After a correction or an archive change: the find box's answer and the hidden list again. */
  async refresh(): Promise<void> {
    await Promise.all([this.query ? this.find(this.query) : undefined, this.state.hidden !== null ? this.showHidden(true) : undefined])
  }

  /** Apply a correction; true when it was applied. */
  async curate(request: CurationRequest): Promise<boolean> {
    const r = await this.ctx.api().curate(request)
    if (!r.ok) this.ctx.messages.set({ error: r.error.message })
    return r.ok
  }
}
