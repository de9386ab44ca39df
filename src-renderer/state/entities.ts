/** The entity panel's lists beyond the facets: the find box's answer and the hidden entities; corrections. */
import type { CorrectionView, CurationRequest, EntityView } from '../../src-main/contract/api'
import type { StateContext } from './context'
import { Store } from './store'

export interface EntitiesState {
  /** entities of the whole archive matching the find box (null while empty or looking) */
  found: EntityView[] | null
  /** the hidden list (null while closed) */
  hidden: EntityView[] | null
  /** the corrections made, newest first (null while closed) */
  corrections: CorrectionView[] | null
}

export class EntitiesStore extends Store<EntitiesState> {
  private query = ''
  private seq = 0

  constructor(private readonly ctx: StateContext) {
    super({ found: null, hidden: null, corrections: null })
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

  async showCorrections(open: boolean): Promise<void> {
    if (!open) return this.set({ corrections: null })
    const r = await this.ctx.api().corrections()
    if (r.ok) this.set({ corrections: r.value })
    else this.ctx.messages.set({ error: r.error.message })
  }

  /** Take back a correction; true when it was. */
  async undo(index: number): Promise<boolean> {
    const r = await this.ctx.api().undoCorrection({ index })
    if (r.ok) this.set({ corrections: r.value })
    else this.ctx.messages.set({ error: r.error.message })
    return r.ok
  }

  /** After a correction or an archive change: the find box's answer, the hidden list and the corrections again. */
  async refresh(): Promise<void> {
    await Promise.all([
      this.query ? this.find(this.query) : undefined,
      this.state.hidden !== null ? this.showHidden(true) : undefined,
      this.state.corrections !== null ? this.showCorrections(true) : undefined
    ])
  }

  /** Apply a correction; the entity as it is after it, or null when it was refused. */
  async curate(request: CurationRequest): Promise<EntityView | null> {
    const r = await this.ctx.api().curate(request)
    if (!r.ok) this.ctx.messages.set({ error: r.error.message })
    return r.ok ? r.value : null
  }

  /** Save the archive's entity list where the user chooses. */
  async exportList(format: 'csv' | 'json'): Promise<void> {
    const r = await this.ctx.api().exportEntities({ format })
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    if (r.value) this.ctx.messages.set({ error: '', notice: `Saved ${r.value.rows.toLocaleString('en-US')} entit${r.value.rows === 1 ? 'y' : 'ies'} to ${r.value.file}` })
  }
}
