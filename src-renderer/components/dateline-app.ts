/**
 * <dateline-app>: the workstation window. Search box (full syntax, help popover), active filters
 * as chips, entity panel | virtualised results | reader, and the timeline of the current results.
 * Keyboard: Ctrl/Cmd+K or / focuses search, ↑/↓ move through results, Enter opens, Esc clears,
 * T toggles the timeline, ? shows the shortcuts. Gets its API by property injection (defaults to
 * window.dateline) so tests can hand it the real core through the same contract.
 */
import { LitElement, css, html, nothing } from 'lit'
import type { CurationRequest, DatelineApi, DocumentResponse, EntityView, HitView, IndexProgressView, SearchResponse, StatusView, TimelineEventView } from '../../src-main/contract/api'
import { getApi } from '../api'
import './drop-import'
import './entity-panel'
import './reader-panel'
import './result-list'
import './timeline-panel'
import type { ResultList } from './result-list'
import type { TimelinePanel } from './timeline-panel'

const DEBOUNCE_MS = 80
// a screenful of rows (about 11 at 900 px) and as many again: snippets are made per hit (0.3-0.4 ms
// each at 10k), so the first answer stays fast; scrolling loads the next page before it is reached
const PAGE = 24

interface Filter {
  id: string
  name: string
  mode: 'include' | 'exclude'
}

const SYNTAX: Array<[string, string]> = [
  ['khatib raqqa', 'both words (AND is the default)'],
  ['raqqa OR kobani', 'either word'],
  ['-lantern  or  NOT lantern', 'without the word'],
  ['"exact phrase"', 'the words in this order'],
  ['title:ceasefire', 'only in the title (fields: title, body)'],
  ['raqq*', 'words starting with raqq'],
  ['khatib~1', 'one typo allowed'],
  ['(a OR b) c', 'grouping']
]

const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl/⌘+K or /', 'focus the search box'],
  ['↑ ↓', 'move through results'],
  ['Enter', 'open the selected result'],
  ['Esc', 'clear the search and filters (or close this panel)'],
  ['T', 'show or hide the timeline'],
  ['Alt+click an entity', 'exclude it'],
  ['Shift+drag on the timeline', 'keep results reporting events in that range'],
  ['?', 'this help']
]

export class DatelineApp extends LitElement {
  static override properties = {
    api: { attribute: false },
    status: { state: true },
    result: { state: true },
    hits: { state: true },
    error: { state: true },
    filters: { state: true },
    sort: { state: true },
    selected: { state: true },
    doc: { state: true },
    events: { state: true },
    range: { state: true },
    showTimeline: { state: true },
    showHelp: { state: true },
    notice: { state: true },
    indexing: { state: true },
    found: { state: true },
    hiddenEntities: { state: true }
  }

  static override styles = css`
    :host { display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; font: 14px/1.45 system-ui, sans-serif; color: CanvasText; background: Canvas;
      --muted: #5c6166; --danger: #b3261e; --mark: #ffe08a; --person: #7b4fd6; --organization: #1f7a8c; --place: #b8621b; --tl-fg: #222; --tl-muted: #8a8a8a; --tl-accent: #1f6feb; --tl-multi: #cf222e; }
    @media (prefers-color-scheme: dark) {
      :host { --muted: #a9aeb3; --danger: #ff7b72; --mark: #8a6d00; --person: #b69cff; --organization: #56c2d6; --place: #f0a35e; --tl-fg: #eee; --tl-muted: #777; --tl-accent: #4c8bf5; --tl-multi: #ff6b6b; }
    }
    header { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; padding: 8px 12px 4px; }
    h1 { font-size: 16px; margin: 0; }
    .indexing { font-size: 12px; color: var(--muted); max-width: 40vw; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .archive { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 35vw; }
    .spacer { flex: 1; }
    .search { display: flex; gap: 8px; align-items: center; padding: 4px 12px; position: relative; }
    input[type='search'] { flex: 1; min-width: 240px; font: inherit; padding: 6px 8px; }
    button, select { font: inherit; }
    :focus-visible { outline: 2px solid Highlight; outline-offset: 1px; }
    .chips { display: flex; gap: 6px; flex-wrap: wrap; padding: 0 12px; min-height: 4px; }
    .chip { display: inline-flex; gap: 4px; align-items: center; border-radius: 12px; padding: 1px 4px 1px 10px; font-size: 12px;
      background: color-mix(in srgb, Highlight 18%, transparent); }
    .chip.exclude { background: color-mix(in srgb, #cf222e 18%, transparent); text-decoration: line-through; }
    .chip button { background: none; border: 0; cursor: pointer; color: inherit; padding: 0 4px; }
    .error { color: var(--danger); margin: 4px 12px; }
    .notice { color: var(--muted); margin: 4px 12px; font-size: 12px; }
    .summary { color: var(--muted); margin: 4px 12px; font-size: 13px; }
    main { flex: 1; min-height: 0; display: grid; grid-template-columns: 230px minmax(280px, 1fr) minmax(320px, 1.2fr); border-top: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
    entity-panel { overflow: auto; padding: 0 10px; border-right: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
    result-list { height: 100%; }
    reader-panel { border-left: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
    timeline-panel { border-top: 1px solid color-mix(in srgb, CanvasText 12%, transparent); padding: 0 12px 6px; }
    drop-import { padding: 0 12px; display: block; }
    .help { position: absolute; top: 100%; right: 12px; z-index: 6; background: Canvas; border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); border-radius: 8px;
      padding: 8px 14px; box-shadow: 0 6px 24px rgb(0 0 0 / 25%); font-size: 13px; max-width: 560px; }
    .help table { border-collapse: collapse; }
    .help td { padding: 2px 10px 2px 0; vertical-align: top; }
    .help code, kbd { font-family: ui-monospace, monospace; }
    .help h2 { font-size: 13px; margin: 6px 0 4px; }
  `

  declare api: DatelineApi | undefined
  declare status: StatusView | null
  declare result: SearchResponse | null
  declare hits: HitView[]
  declare error: string
  declare filters: Filter[]
  declare sort: 'relevance' | 'date'
  declare selected: number
  declare doc: DocumentResponse | null
  declare events: TimelineEventView[]
  declare range: { from: string; to: string } | null
  declare showTimeline: boolean
  declare showHelp: boolean
  declare notice: string
  declare indexing: IndexProgressView | null
  /** the entity panel's find box: entities of the whole archive (null while empty or looking) */
  declare found: EntityView[] | null
  /** the entity panel's hidden list (null while closed) */
  declare hiddenEntities: EntityView[] | null
  private entityQuery = ''
  private entitySeq = 0
  private query = ''
  private timer: ReturnType<typeof setTimeout> | undefined
  private seq = 0
  private loadingMore = false
  private unsubscribe: (() => void) | undefined
  private unsubscribeIndex: (() => void) | undefined

  constructor() {
    super()
    this.status = null
    this.result = null
    this.hits = []
    this.error = ''
    this.filters = []
    this.sort = 'relevance'
    this.selected = -1
    this.doc = null
    this.events = []
    this.range = null
    this.showTimeline = false
    this.showHelp = false
    this.notice = ''
    this.indexing = null
    this.found = null
    this.hiddenEntities = null
  }

  private get bridge(): DatelineApi {
    return this.api ?? getApi()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('keydown', this.onKey)
    void this.refreshStatus().then(() => this.runSearch())
    // files added by imports or other programs: new counts, and the current search again
    this.unsubscribeIndex = this.bridge.onIndexProgress((p) => (this.indexing = p))
    this.unsubscribe = this.bridge.onArchiveChanged((e) => {
      if (e.notice) this.notice = e.notice
      void this.refresh()
    })
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('keydown', this.onKey)
    this.unsubscribe?.()
    this.unsubscribeIndex?.()
  }

  async refreshStatus(): Promise<void> {
    const r = await this.bridge.getStatus()
    if (r.ok) {
      this.status = r.value
      // the archive reopened at start-up is reconciled in the background: its end comes as a change event
      if (!r.value.indexing) this.indexing = null
    } else this.error = r.error.message
  }

  private async refresh(): Promise<void> {
    await this.refreshStatus()
    await Promise.all([this.runSearch(), this.refreshEntityLists()])
  }

  private async findEntities(query: string): Promise<void> {
    this.entityQuery = query
    const seq = ++this.entitySeq
    this.found = null
    if (!query) return
    const r = await this.bridge.entities({ query, limit: 30 })
    if (seq !== this.entitySeq) return
    if (r.ok) this.found = r.value
    else this.error = r.error.message
  }

  private async loadHidden(open: boolean): Promise<void> {
    if (!open) {
      this.hiddenEntities = null
      return
    }
    const r = await this.bridge.entities({ hidden: true, sort: 'name', limit: 500 })
    if (r.ok) this.hiddenEntities = r.value
    else this.error = r.error.message
  }

  /** After a correction or an archive change: the find box's answer and the hidden list again. */
  private async refreshEntityLists(): Promise<void> {
    await Promise.all([this.entityQuery ? this.findEntities(this.entityQuery) : undefined, this.hiddenEntities !== null ? this.loadHidden(true) : undefined])
  }

  private async setPublished(e: CustomEvent<{ path: string; date: string | null }>): Promise<void> {
    const { path, date } = e.detail
    const r = await this.bridge.setPublished({ path, date })
    if (!r.ok) {
      this.error = r.error.message
      return
    }
    this.error = ''
    if (this.doc?.path === path) await this.openPath(path)
    // dates of this article's story may follow from it: date order and the timeline are recomputed
    if (this.sort === 'date') await this.runSearch()
    else {
      this.hits = this.hits.map((h) => (h.path === path ? { ...h, published: r.value.date } : h))
      if (this.showTimeline) void this.loadTimeline()
    }
  }

  private async choose(): Promise<void> {
    await this.opened(this.bridge.chooseArchive())
  }

  private async opened(call: ReturnType<DatelineApi['chooseArchive']>): Promise<void> {
    const r = await call
    this.indexing = null
    if (r.ok) {
      this.status = r.value
      this.error = ''
      this.doc = null
      await this.runSearch()
    } else this.error = r.error.message
  }

  private get searchBox(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type="search"]')
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const inField = (e.composedPath()[0] as HTMLElement | undefined)?.matches?.('input, select, textarea') ?? false
    const inSearch = e.composedPath()[0] === this.searchBox
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault()
      this.searchBox?.focus()
      this.searchBox?.select()
    } else if (e.key === '/' && !inField) {
      e.preventDefault()
      this.searchBox?.focus()
    } else if (e.key === 'Escape') {
      if (this.showHelp) this.showHelp = false
      else this.clear()
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && (!inField || inSearch) && this.hits.length) {
      e.preventDefault()
      this.selected = Math.max(0, Math.min(this.hits.length - 1, this.selected + (e.key === 'ArrowDown' ? 1 : -1)))
    } else if (e.key === 'Enter' && (!inField || inSearch) && this.selected >= 0) {
      e.preventDefault()
      void this.open(this.selected)
    } else if (!inField && (e.key === 't' || e.key === 'T') && !e.ctrlKey && !e.metaKey) {
      this.toggleTimeline()
    } else if (!inField && e.key === '?') {
      this.showHelp = !this.showHelp
    }
  }

  private clear() {
    const box = this.searchBox
    if (box) box.value = ''
    this.query = ''
    this.filters = []
    this.range = null
    this.renderRoot.querySelector<TimelinePanel>('timeline-panel')?.clearBrush()
    void this.runSearch()
  }

  private onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.runSearch(), DEBOUNCE_MS)
  }

  private request(offset: number) {
    return {
      query: this.query,
      limit: PAGE,
      offset,
      entities: this.filters.filter((f) => f.mode === 'include').map((f) => f.id),
      excludeEntities: this.filters.filter((f) => f.mode === 'exclude').map((f) => f.id),
      sort: this.sort,
      ...(this.range ? { eventsFrom: this.range.from, eventsTo: this.range.to } : {})
    }
  }

  private async runSearch(): Promise<void> {
    const seq = ++this.seq
    if (!this.status?.archive) return
    const r = await this.bridge.search(this.request(0))
    if (seq !== this.seq) return // a newer query was typed meanwhile
    if (r.ok) {
      this.result = r.value
      this.hits = r.value.hits
      this.selected = this.hits.length ? 0 : -1
      this.error = ''
      this.renderRoot.querySelector<ResultList>('result-list')?.scrollTo({ top: 0 })
    } else {
      this.error = r.error.message
    }
    if (this.showTimeline) void this.loadTimeline()
  }

  private async more(): Promise<void> {
    if (this.loadingMore || !this.result || this.hits.length >= this.result.total) return
    this.loadingMore = true
    const seq = this.seq
    const r = await this.bridge.search(this.request(this.hits.length))
    this.loadingMore = false
    if (seq !== this.seq || !r.ok) return
    this.hits = [...this.hits, ...r.value.hits]
    // an estimated total can run past the real matches: the first empty page ends the list
    if (!r.value.hits.length) this.result = { ...this.result, total: this.hits.length, approximate: false }
  }

  private async open(index: number, spot: [number, number] | null = null): Promise<void> {
    const hit = this.hits[index]
    if (!hit) return
    this.selected = index
    await this.openPath(hit.path, spot)
  }

  private async openPath(path: string, spot: [number, number] | null = null): Promise<void> {
    const r = await this.bridge.document({ path, ...(this.query.trim() ? { query: this.query } : {}) })
    if (!r.ok) {
      this.error = r.error.message
      return
    }
    this.doc = r.value
    await this.updateComplete
    const reader = this.renderRoot.querySelector('reader-panel')
    if (reader) reader.spot = spot
  }

  private filter(e: CustomEvent<Filter>) {
    const f = e.detail
    this.filters = [...this.filters.filter((x) => x.id !== f.id), f]
    void this.runSearch()
  }

  private async curate(e: CustomEvent<{ request: CurationRequest }>) {
    const r = await this.bridge.curate(e.detail.request)
    if (!r.ok) this.error = r.error.message
    else {
      // a merged or renamed entity has a new id: drop filters on the old one
      const gone = e.detail.request.op === 'merge' ? e.detail.request.ids : [e.detail.request.id]
      this.filters = this.filters.filter((f) => !gone.includes(f.id))
      await Promise.all([this.runSearch(), this.refreshEntityLists()])
    }
  }

  private toggleTimeline() {
    this.showTimeline = !this.showTimeline
    if (this.showTimeline) void this.loadTimeline()
  }

  private async loadTimeline(): Promise<void> {
    const include = this.filters.filter((f) => f.mode === 'include').map((f) => f.id)
    const r = await this.bridge.timeline({ ...(this.query.trim() ? { query: this.query } : {}), ...(include.length ? { entities: include } : {}) })
    if (r.ok) this.events = r.value.events
    else this.error = r.error.message
  }

  private onBrush(e: CustomEvent<{ from: string; to: string } | null>) {
    this.range = e.detail
    void this.runSearch()
  }

  private async onPick(e: CustomEvent<{ event: TimelineEventView }>) {
    const src = e.detail.event.sources[0]
    if (src) await this.openPath(src.path, src.offsets)
  }

  override render() {
    const st = this.status
    const r = this.result
    return html`
      <header>
        <h1>Dateline</h1>
        <span class="archive" title=${st?.archive ?? ''}>${st ? (st.archive ?? 'No archive open') : 'Opening…'}</span>
        <span class="count" data-testid="doc-count">${st ? `${st.documents} documents` : '…'}${st?.indexing ? ' (indexing…)' : ''}</span>
        ${this.indexing && this.indexing.phase !== 'save'
          ? html`<span class="indexing" role="status" aria-live="polite" title=${this.indexing.current ?? ''}>Indexing ${this.indexing.done} / ${this.indexing.total}${this.indexing.current ? ` · ${this.indexing.current.split('/').pop()}` : ''}${this.indexing.etaSeconds !== null ? ` · about ${formatEta(this.indexing.etaSeconds)} left` : ''}
              <button @click=${() => void this.bridge.cancelIndexing()}>Cancel</button></span>`
          : nothing}
        <span class="spacer"></span>
        ${st?.recent.length
          ? html`<select aria-label="Recent archives" @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value
              if (v) void this.opened(this.bridge.openRecent(v))
            }}>
              <option value="">Recent archives…</option>
              ${st.recent.map((p) => html`<option value=${p} ?selected=${false}>${p}</option>`)}
            </select>`
          : nothing}
        <button @click=${this.choose}>Open archive…</button>
        <button @click=${() => void this.renderRoot.querySelector('drop-import')?.chooseFiles()} ?disabled=${!st?.archive}>Import files…</button>
        <button aria-pressed=${this.showTimeline ? 'true' : 'false'} @click=${this.toggleTimeline}>Timeline</button>
        <button aria-label="Help and shortcuts" aria-expanded=${this.showHelp ? 'true' : 'false'} @click=${() => (this.showHelp = !this.showHelp)}>?</button>
      </header>
      <div class="search">
        <input type="search" aria-label="Search the archive" placeholder='Search: khatib raqqa, "exact phrase", -exclude, title:word, raqq*, khatib~1   (Ctrl+K)' @input=${this.onInput} />
        <label>Order <select aria-label="Order results by" @change=${(e: Event) => {
          this.sort = (e.target as HTMLSelectElement).value as 'relevance' | 'date'
          void this.runSearch()
        }}><option value="relevance">relevance</option><option value="date">date, newest first</option></select></label>
        ${this.showHelp ? this.renderHelp() : nothing}
      </div>
      ${this.filters.length || this.range
        ? html`<div class="chips" aria-label="Active filters">
            ${this.filters.map(
              (f) => html`<span class="chip ${f.mode}">${f.mode === 'exclude' ? 'not ' : ''}${f.name}<button aria-label="Remove filter ${f.name}" @click=${() => {
                this.filters = this.filters.filter((x) => x !== f)
                void this.runSearch()
              }}>×</button></span>`
            )}
            ${this.range ? html`<span class="chip">events ${this.range.from} – ${this.range.to}<button aria-label="Remove date range" @click=${() => {
              this.range = null
              this.renderRoot.querySelector<TimelinePanel>('timeline-panel')?.clearBrush()
              void this.runSearch()
            }}>×</button></span>` : nothing}
          </div>`
        : nothing}
      <drop-import .api=${this.api} @imported=${() => void this.refresh()}></drop-import>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
      ${r ? html`<p class="summary" role="status">${r.approximate ? 'about ' : ''}${r.total} result${r.total === 1 ? '' : 's'}${r.ignored.length ? ` · ignored common words: ${r.ignored.join(', ')}` : ''} · ${r.ms} ms</p>` : nothing}
      <main>
        <entity-panel .facets=${r?.facets ?? null} .found=${this.found} .hiddenEntities=${this.hiddenEntities} @filter=${this.filter} @curate=${this.curate}
          @find-entities=${(e: CustomEvent<{ query: string }>) => void this.findEntities(e.detail.query)} @show-hidden=${(e: CustomEvent<{ open: boolean }>) => void this.loadHidden(e.detail.open)} aria-label="Entities"></entity-panel>
        <result-list tabindex="0" .hits=${this.hits} .total=${r?.total ?? 0} .selected=${this.selected} @open=${(e: CustomEvent<{ index: number }>) => void this.open(e.detail.index)} @more=${() => void this.more()}></result-list>
        <reader-panel .doc=${this.doc} @open-doc=${(e: CustomEvent<{ path: string }>) => void this.openPath(e.detail.path)} @set-published=${this.setPublished} aria-label="Reader"></reader-panel>
      </main>
      ${this.showTimeline ? html`<timeline-panel .events=${this.events} @brush=${this.onBrush} @pick=${this.onPick} aria-label="Timeline"></timeline-panel>` : nothing}
    `
  }

  private renderHelp() {
    return html`<div class="help" role="dialog" aria-label="Search syntax and shortcuts">
      <h2>Search syntax</h2>
      <table>${SYNTAX.map(([a, b]) => html`<tr><td><code>${a}</code></td><td>${b}</td></tr>`)}</table>
      <h2>Keyboard</h2>
      <table>${SHORTCUTS.map(([a, b]) => html`<tr><td><kbd>${a}</kbd></td><td>${b}</td></tr>`)}</table>
    </div>`
  }
}

function formatEta(s: number): string {
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`
}

customElements.define('dateline-app', DatelineApp)

declare global {
  interface HTMLElementTagNameMap {
    'dateline-app': DatelineApp
  }
}
