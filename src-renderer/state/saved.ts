/** Saved searches: the list (with how many articles are new since each ran), shown or not, and the paths new in the one last run. */
import type { SavedSearchView } from '../../src-main/contract/api'
import type { StateContext } from './context'
import { Store } from './store'

export interface SavedState {
  show: boolean
  list: SavedSearchView[]
  /** paths new since the last run of the search just run (their rows say NEW) */
  fresh: string[]
}

export class SavedStore extends Store<SavedState> {
  constructor(private readonly ctx: StateContext) {
    super({ show: false, list: [], fresh: [] })
  }

  async toggle(): Promise<void> {
    this.set({ show: !this.state.show })
    if (this.state.show) await this.refresh()
  }

  async refresh(): Promise<void> {
    const r = await this.ctx.api().savedSearches()
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    this.set({ list: r.value.saved })
    if (r.value.notice) this.ctx.messages.set({ notice: r.value.notice })
  }

  async save(name: string, spec: { query: string; entities: string[]; excludeEntities: string[] }): Promise<boolean> {
    const r = await this.ctx.api().saveSearch({ name, query: spec.query, ...(spec.entities.length ? { entities: spec.entities } : {}), ...(spec.excludeEntities.length ? { excludeEntities: spec.excludeEntities } : {}) })
    if (!r.ok) {
      this.ctx.messages.set({ error: r.error.message })
      return false
    }
    this.ctx.messages.set({ error: '', notice: `Saved the search as "${r.value.name}"` })
    await this.refresh()
    return true
  }

  /** Mark a saved search as run: resolves to it (the caller searches it) and remembers which results are new. */
  async run(name: string): Promise<SavedSearchView | undefined> {
    const r = await this.ctx.api().runSavedSearch({ name })
    if (!r.ok) {
      this.ctx.messages.set({ error: r.error.message })
      return undefined
    }
    this.set({ fresh: r.value.newPaths, list: this.state.list.map((s) => (s.name === name ? { ...s, newSince: 0 } : s)) })
    return r.value.saved
  }

  async remove(name: string): Promise<void> {
    const r = await this.ctx.api().deleteSavedSearch({ name })
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    await this.refresh()
  }

  /** A search typed by hand: its rows are not "new" for a saved search. */
  forget(): void {
    if (this.state.fresh.length) this.set({ fresh: [] })
  }
}
