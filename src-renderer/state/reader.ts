/** The article open in the reader, and setting its publication date. */
import type { AnnotateRequest, DocumentResponse } from '../../src-main/contract/api'
import type { StateContext } from './context'
import { Store } from './store'

export interface ReaderState {
  doc: DocumentResponse | null
  /** the search whose words the article marks */
  query: string
}

export class ReaderStore extends Store<ReaderState> {
  constructor(
    private readonly ctx: StateContext,
    /** the current search, to mark its words in the article */
    private readonly query: () => string
  ) {
    super({ doc: null, query: '' })
  }

  close(): void {
    this.set({ doc: null })
  }

  /** Open an article, at a spot (a sentence the timeline points to) or at its first match. */
  async open(path: string, spot: [number, number] | null = null): Promise<void> {
    const q = this.query()
    const r = await this.ctx.api().document({ path, ...(q.trim() ? { query: q } : {}) })
    if (!r.ok) {
      this.ctx.messages.set({ error: r.error.message })
      return
    }
    this.set({ doc: r.value, query: q })
    this.ctx.view.opened(spot)
  }

  /** Set, declare unknown or clear a date; resolves to the new date, or undefined when refused. */
  async setPublished(path: string, date: string | null): Promise<{ date: string | null } | undefined> {
    const r = await this.ctx.api().setPublished({ path, date })
    if (!r.ok) {
      this.ctx.messages.set({ error: r.error.message })
      return undefined
    }
    this.ctx.messages.set({ error: '' })
    if (this.state.doc?.path === path) await this.open(path)
    return { date: r.value.date }
  }

  /** Star, tag or note the open article; its marks are shown at once (the article is not read again). */
  async annotate(req: AnnotateRequest): Promise<boolean> {
    const r = await this.ctx.api().annotate(req)
    if (!r.ok) {
      this.ctx.messages.set({ error: r.error.message })
      return false
    }
    this.ctx.messages.set({ error: '' })
    const doc = this.state.doc
    if (doc && doc.path === req.path) this.set({ doc: { ...doc, annotations: r.value } })
    return true
  }

  /** Open the article's file (a page, a PDF, a mailbox) in the system's program for it. */
  async openOriginal(path: string): Promise<void> {
    const r = await this.ctx.api().openOriginal({ path })
    this.ctx.messages.set(r.ok ? { error: '' } : { error: r.error.message })
  }
}
