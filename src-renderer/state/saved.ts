/** Saved searches: the list (with how many articles are new since each ran), shown or not, and the paths new in the one last run. */
import type { BatchRowView, HistoryEntryView, SavedSearchView } from '../../src-main/contract/api'
import type { StateContext } from './context'
import { Store } from './store'

export interface SavedState {
  show: boolean
  list: SavedSearchView[]
  /** paths new since the last run of the search just run (their rows say NEW) */
  fresh: string[]
  /** the searches run, most recent first */
  history: HistoryEntryView[]
  /** the last batch search's table */
  batch: BatchRowView[]
}

export class SavedStore extends Store<SavedState> {
  constructor(private readonly ctx: StateContext) {
    super({ show: false, list: [], fresh: [], history: [], batch: [] })
  }

  async toggle(): Promise<void> {
    this.set({ show: !this.state.show })
    if (this.state.show) await this.refresh()
  }

  async refresh(): Promise<void> {
    const [r, h] = await Promise.all([this.ctx.api().savedSearches(), this.ctx.api().searchHistory()])
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    this.set({ list: r.value.saved, history: h.ok ? h.value : [] })
    if (r.value.notice) this.ctx.messages.set({ notice: r.value.notice })
  }

  /** Keep a search in the history (quietly: a failure here must not disturb the search). */
  async recordSearch(entry: Parameters<ReturnType<StateContext['api']>['recordSearch']>[0]): Promise<void> {
    const r = await this.ctx.api().recordSearch(entry)
    if (r.ok && this.state.show) await this.refresh()
  }

  /** Search each line of a pasted list on its own. */
  async batchSearch(text: string): Promise<void> {
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
    if (!lines.length) return
    const r = await this.ctx.api().batchSearch({ lines: lines.slice(0, 2000) })
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    this.ctx.messages.set({ error: '', ...(lines.length > 2000 ? { notice: `Only the first 2,000 of ${lines.length.toLocaleString('en-US')} lines were searched.` } : {}) })
    this.set({ batch: r.value })
  }

  async clearHistory(): Promise<void> {
    const r = await this.ctx.api().clearSearchHistory()
    if (!r.ok) return this.ctx.messages.set({ error: r.error.message })
    this.set({ history: [] })
    this.ctx.messages.set({ notice: `Cleared ${r.value.cleared} search${r.value.cleared === 1 ? '' : 'es'} from the history` })
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
