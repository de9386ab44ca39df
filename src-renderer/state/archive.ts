/** The archive open in the window: its status, indexing progress, and opening another. */
import type { DatelineApi, IndexProgressView, StatusView } from '../../src-main/contract/api'
import type { StateContext } from './context'
import { Store } from './store'

export interface ArchiveState {
  /** null until the first status answer */
  status: StatusView | null
  indexing: IndexProgressView | null
}

export class ArchiveStore extends Store<ArchiveState> {
  constructor(private readonly ctx: StateContext) {
    super({ status: null, indexing: null })
  }

  get open(): boolean {
    return Boolean(this.state.status?.archive)
  }

  async refreshStatus(): Promise<void> {
    const r = await this.ctx.api().getStatus()
    if (r.ok) {
      // the archive reopened at start-up is reconciled in the background: its end comes as a change event
      this.set({ status: r.value, ...(r.value.indexing ? {} : { indexing: null }) })
    } else this.ctx.messages.set({ error: r.error.message })
  }

  /** After choosing or reopening an archive: true when one is now open. */
  async opened(call: ReturnType<DatelineApi['chooseArchive']>): Promise<boolean> {
    const r = await call
    this.set({ indexing: null })
    if (!r.ok) {
      this.ctx.messages.set({ error: r.error.message })
      return false
    }
    this.set({ status: r.value })
    this.ctx.messages.set({ error: '' })
    return true
  }

  progress(p: IndexProgressView): void {
    this.set({ indexing: p })
  }
}
