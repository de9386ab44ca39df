/**
 * <dateline-app>: the workstation window. Search box (full syntax, help popover), active filters
 * as chips, entity panel | virtualised results | reader, and the timeline of the current results.
 * Keyboard: Ctrl/Cmd+K or / focuses search, ↑/↓ move through results, Enter opens, Esc clears,
 * T toggles the timeline, ? shows the shortcuts. Gets its API by property injection (defaults to
 * window.dateline) so tests can hand it the real core through the same contract. The state lives
 * in stores (state/); this element lays out the panes, draws the header, search box and chips from
 * the stores, and turns the panes' events and the keyboard into the stores' actions.
 */
import { indexingLine } from '../lib/coverage'
import { repeat } from 'lit/directives/repeat.js'
import { LitElement, css, html, nothing } from 'lit'
import type { DatelineApi } from '../../src-main/contract/api'
import { getApi } from '../api'
import { formatDay } from '../lib/dates'
import type { DatelineEvent } from '../events'
import { AppState } from '../state/app-state'
import { StoreController } from '../state/store'
import './drop-import'
import './entity-page'
import './entity-panel'
import './reader-panel'
import './result-list'
import './timeline-panel'
import './place-map'
import type { ResultList } from './result-list'
import type { TimelinePanel } from './timeline-panel'

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
  ['n / N or F3', 'next / previous match in the article'],
  ['Ctrl/⌘+F', 'find in the article'],
  ['Enter', 'open the selected result'],
  ['Esc', 'close the open panel or menu'],
  ['Alt+←', 'back to the previous search (query, filters, dates)'],
  ['T', 'show or hide the timeline'],
  ['Alt+click an entity', 'exclude it'],
  ['Shift+drag on the timeline', 'keep results reporting events in that range'],
  ['?', 'this help']
]

export class DatelineApp extends LitElement {
  static override properties = {
    api: { attribute: false },
    showHelp: { state: true },
    showEntities: { state: true },
    inView: { state: true },
    naming: { state: true }
  }

  static override styles = css`
    :host { display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; font: 14px/1.45 system-ui, sans-serif; color: CanvasText; background: Canvas;
      --muted: #5c6166; --danger: #b3261e; --mark: #ffe08a; --person: #7b4fd6; --organization: #1f7a8c; --place: #b8621b; --tl-fg: #222; --tl-muted: #8a8a8a; --tl-accent: #1f6feb; --tl-multi: #cf222e; --selected: #1f6feb; --map-land: #e6e8eb; --map-border: #b9bec4; --map-dot-edge: #ffffff; }
    @media (prefers-color-scheme: dark) {
      :host { --muted: #a9aeb3; --danger: #ff7b72; --mark: #8a6d00; --person: #b69cff; --organization: #56c2d6; --place: #f0a35e; --tl-fg: #eee; --tl-muted: #777; --tl-accent: #4c8bf5; --tl-multi: #ff6b6b; --selected: #58a6ff; --map-land: #2d3237; --map-border: #4a5158; --map-dot-edge: #15181b; }
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
    .summary, .sources { color: var(--muted); margin: 4px 12px; font-size: 13px; }
    .summary-line { display: flex; align-items: baseline; gap: 6px; }
    /* bounded: a batch of hundreds of lines scrolls inside the panel instead of pushing the results off the window */
    .saved { margin: 4px 12px; font-size: 13px; max-height: 40vh; overflow: auto; flex: none; }
    .saved ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
    .batch { display: flex; gap: 6px; align-items: flex-start; }
    .batch textarea { flex: 1; font: inherit; }
    .batch-table { border-collapse: collapse; margin: 6px 0; font-size: 12px; }
    .batch-table th, .batch-table td { text-align: left; padding: 2px 10px 2px 0; border-bottom: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
    .saved h3 { font-size: 12px; margin: 8px 0 2px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
    .badge { background: var(--badge, #0550ae); color: #fff; border-radius: 8px; padding: 0 6px; font-size: 11px; }
    .summary-line button { font-size: 12px; }
    .welcome { padding: 24px 32px; max-width: 720px; }
    .welcome h2 { font-size: 20px; margin: 8px 0; }
    .welcome h3 { font-size: 13px; margin: 16px 0 4px; }
    .welcome ul { padding-left: 18px; }
    .welcome button.link { background: none; border: 0; padding: 0; color: LinkText; cursor: pointer; font: inherit; }
    main[hidden] { display: none; }
    .indexing progress { width: 120px; vertical-align: middle; }
    .skip { position: absolute; left: 8px; top: -40px; z-index: 10; background: Canvas; color: LinkText; padding: 4px 8px; border: 1px solid; }
    .skip:focus { top: 4px; }
    main.no-entities { grid-template-columns: minmax(260px, 1fr) minmax(300px, 1.2fr); }
    main.no-entities entity-panel { display: none; }
    main { flex: 1; min-height: 0; display: grid; grid-template-columns: 230px minmax(260px, 1fr) minmax(300px, 1.2fr); border-top: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
    entity-panel { overflow: auto; padding: 0 10px; border-right: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
    result-list { height: 100%; }
    reader-panel { border-left: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
    timeline-panel { border-top: 1px solid color-mix(in srgb, CanvasText 12%, transparent); padding: 0 12px 6px; }
    place-map { border-top: 1px solid color-mix(in srgb, CanvasText 12%, transparent); max-height: 45vh; overflow: auto; }
    drop-import { padding: 0 12px; display: block; }
    .help { position: absolute; top: 100%; right: 12px; z-index: 6; background: Canvas; border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); border-radius: 8px;
      padding: 8px 14px; box-shadow: 0 6px 24px rgb(0 0 0 / 25%); font-size: 13px; max-width: 560px; }
    .help table { border-collapse: collapse; }
    .help td { padding: 2px 10px 2px 0; vertical-align: top; }
    .help code, kbd { font-family: ui-monospace, monospace; }
    .help h2 { font-size: 13px; margin: 6px 0 4px; }
  `

  declare api: DatelineApi | undefined
  declare showHelp: boolean
  /** the entities pane is shown (it folds away in a narrow window) */
  declare showEntities: boolean
  /** the result rows in view (0-based first, exclusive last), for the position in the summary */
  declare inView: { first: number; last: number }
  /** the name box of "Save search…" is open */
  declare naming: boolean
  readonly state: AppState

  constructor() {
    super()
    this.showHelp = false
    this.showEntities = true
    this.inView = { first: 0, last: 0 }
    this.naming = false
    this.state = new AppState(() => this.bridge, {
      searched: () => this.renderRoot.querySelector<ResultList>('result-list')?.scrollTo({ top: 0 }),
      rangeCleared: () => this.renderRoot.querySelector<TimelinePanel>('timeline-panel')?.clearBrush(),
      showQuery: (q) => {
        const box = this.searchBox
        if (box) box.value = q
      },
      opened: (spot) =>
        void this.updateComplete.then(() => {
          const reader = this.renderRoot.querySelector('reader-panel')
          if (reader) reader.spot = spot
        })
    })
    new StoreController(this, this.state.stores)
  }

  private get bridge(): DatelineApi {
    return this.api ?? getApi()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('keydown', this.onKey)
    this.state.connect(this.bridge)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('keydown', this.onKey)
    this.state.disconnect()
  }

  /** The status again (tests and the start-up path call it). */
  refreshStatus(): Promise<void> {
    return this.state.archive.refreshStatus()
  }

  private get searchBox(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type="search"]')
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const inField = (e.composedPath()[0] as HTMLElement | undefined)?.matches?.('input, select, textarea') ?? false
    const inSearch = e.composedPath()[0] === this.searchBox
    const inList = e.composedPath().some((t) => (t as HTMLElement).tagName === 'RESULT-LIST')
    const { hits, selected } = this.state.search.state
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault()
      this.searchBox?.focus()
      this.searchBox?.select()
    } else if (e.key === '/' && !inField) {
      e.preventDefault()
      this.searchBox?.focus()
    } else if (e.key === 'Escape') {
      // the innermost thing only: clearing the search is a deliberate action (the × button); a
      // search field would clear itself on Esc
      if (inSearch) e.preventDefault()
      if (this.showHelp) this.showHelp = false
    } else if (e.altKey && e.key === 'ArrowLeft' && (!inField || inSearch)) {
      e.preventDefault()
      this.state.back()
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && (!inField || inSearch) && hits.length) {
      e.preventDefault()
      this.state.search.move(e.key === 'ArrowDown' ? 1 : -1)
    } else if (['Home', 'End', 'PageUp', 'PageDown'].includes(e.key) && inList && hits.length) {
      // the list box's own keys, when it has the focus (in the search box they move the cursor)
      e.preventDefault()
      const list = this.renderRoot.querySelector<ResultList>('result-list')
      const page = list?.pageRows ?? 10
      const to = e.key === 'Home' ? 0 : e.key === 'End' ? hits.length - 1 : selected + (e.key === 'PageDown' ? page : -page)
      this.state.search.select(Math.max(0, Math.min(hits.length - 1, to)))
      list?.reveal(this.state.search.state.selected)
    } else if (e.key === 'Enter' && (inSearch || inList) && selected >= 0) {
      // only from the search box or the list: Enter on a button is that button's
      e.preventDefault()
      void this.state.openHit(selected)
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f' && this.state.reader.state.doc) {
      // find in the article, not the browser's find in the whole window
      e.preventDefault()
      this.renderRoot.querySelector('reader-panel')?.openFind()
    } else if ((e.key === 'F3' || (!inField && (e.key === 'n' || e.key === 'N') && !e.ctrlKey && !e.metaKey && !e.altKey)) && this.state.reader.state.doc) {
      e.preventDefault()
      this.renderRoot.querySelector('reader-panel')?.nextMatch(e.key === 'N' || (e.key === 'F3' && e.shiftKey) ? -1 : 1)
    } else if (!inField && (e.key === 't' || e.key === 'T') && !e.ctrlKey && !e.metaKey) {
      this.state.timeline.toggle()
    } else if (!inField && e.key === '?') {
      this.showHelp = !this.showHelp
    }
  }

  private async onPick(e: DatelineEvent<'pick'>) {
    const src = e.detail.event.sources[0]
    if (src) await this.state.reader.open(src.path, src.offsets)
  }

  override render() {
    const st = this.state.archive.state.status
    const indexing = this.state.archive.state.indexing
    const { result: r, hits, selected, pending } = this.state.search.state
    const { filters, range } = this.state.filters.state
    const { error, notice } = this.state.messages.state
    const { found, hidden, corrections } = this.state.entities.state
    const timeline = this.state.timeline.state
    return html`
      <button class="skip" @click=${() => this.renderRoot.querySelector<ResultList>('result-list')?.focus()}>Skip to results</button>
      <header>
        <h1>Dateline</h1>
        <span class="archive" title=${st?.archive ?? indexing?.archive ?? ''}>${st?.archive ?? indexing?.archive ?? (st ? 'No archive open' : 'Opening…')}</span>
        <span class="count" data-testid="doc-count">${st?.archive ? `${st.documents} documents` : indexing ? 'indexing…' : st ? '' : '…'}${st?.archive && st.indexing ? ' (indexing…)' : ''}</span>
        ${indexing && indexing.phase !== 'save'
          ? html`<span class="indexing" role="status" aria-live="polite" title=${indexing.current ?? ''}>
              <progress aria-label="Indexing progress" max=${Math.max(1, indexing.total)} value=${indexing.phase === 'scan' ? 0 : indexing.done}></progress>
              ${indexing.phase === 'scan' ? 'Looking at the folder…' : indexing.phase === 'analyse' ? `Analysing ${indexing.done} / ${indexing.total} (entities, dates, events, stories; all are searchable)` : `Indexing ${indexing.done} / ${indexing.total}`}${indexing.current ? ` · ${indexing.current.split('/').pop()}` : ''}${indexing.etaSeconds !== null ? ` · about ${formatEta(indexing.etaSeconds)} left` : ''}
              <button @click=${() => void this.bridge.cancelIndexing()}>Cancel</button></span>`
          : nothing}
        <span class="spacer"></span>
        ${st?.recent.length
          ? html`<select aria-label="Recent archives" @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value
              if (v) void this.state.openArchive(this.bridge.openRecent(v))
            }}>
              <option value="">Recent archives…</option>
              ${st.recent.map((p) => html`<option value=${p} ?selected=${false}>${p}</option>`)}
            </select>`
          : nothing}
        <button @click=${() => void this.state.openArchive(this.bridge.chooseArchive())}>Open archive…</button>
        <button @click=${() => void this.renderRoot.querySelector('drop-import')?.chooseFiles()} ?disabled=${!st?.archive}>Import files…</button>
        <button aria-pressed=${this.showEntities ? 'true' : 'false'} @click=${() => (this.showEntities = !this.showEntities)}>Entities</button>
        <button aria-pressed=${timeline.show ? 'true' : 'false'} @click=${() => this.state.timeline.toggle()}>Timeline</button>
        <button aria-pressed=${this.state.map.state.show ? 'true' : 'false'} ?disabled=${!st?.archive} @click=${() => this.state.map.toggle()}>Map</button>
        <button aria-pressed=${this.state.saved.state.show ? 'true' : 'false'} ?disabled=${!st?.archive} @click=${() => void this.state.saved.toggle()}>Saved searches</button>
        <button aria-label="Help and shortcuts" aria-expanded=${this.showHelp ? 'true' : 'false'} @click=${() => (this.showHelp = !this.showHelp)}>?</button>
      </header>
      <div class="search">
        <input type="search" aria-label="Search the archive" placeholder='Search: khatib raqqa, "exact phrase", -exclude, title:word, raqq*, khatib~1   (Ctrl+K)' @input=${(e: Event) => {
          this.state.saved.forget()
          this.state.search.type((e.target as HTMLInputElement).value)
        }} />
        <button aria-label="Clear the search and filters" title="Clear the search, filters and dates (Alt+← brings them back)" @click=${() => this.state.clearAll()}>×</button>
        <button aria-label="Back to the previous search" title="Back to the previous search (Alt+←)" ?disabled=${!this.state.canGoBack} @click=${() => this.state.back()}>←</button>
        <label>Order <select aria-label="Order results by" .value=${this.state.search.state.sort} @change=${(e: Event) => this.state.search.setSort((e.target as HTMLSelectElement).value as 'relevance' | 'date')}><option value="relevance">relevance</option><option value="date">date, newest first</option></select></label>
        ${this.showHelp ? this.renderHelp() : nothing}
      </div>
      ${this.state.saved.state.show ? this.renderSaved() : nothing}
      ${filters.length || range
        ? html`<div class="chips" aria-label="Active filters">
            ${filters.map(
              (f) => html`<span class="chip ${f.mode}">${f.mode === 'exclude' ? 'not ' : ''}${f.name}<button aria-label="Remove filter ${f.name}" @click=${() => this.state.removeFilter(f)}>×</button></span>`
            )}
            ${range ? html`<span class="chip">events ${range.from} – ${range.to}<button aria-label="Remove date range" @click=${() => this.state.removeRange()}>×</button></span>` : nothing}
          </div>`
        : nothing}
      <drop-import .api=${this.api} @imported=${() => void this.state.refresh()}></drop-import>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${notice ? html`<p class="notice">${notice}</p>` : nothing}
      ${r ? html`<div class="summary-line"><p class="summary" role="status">${r.approximate ? 'about ' : ''}${r.total.toLocaleString('en-US')} result${r.total === 1 ? '' : 's'}${this.position(r.total)}${r.ignored.length ? ` · ignored common words: ${r.ignored.join(', ')}` : ''}${r.indexing ? indexingLine(r.indexing) : ''} · ${r.ms} ms</p>
        ${this.naming
          ? html`<input class="save-name" aria-label="Name of the saved search" maxlength="100" placeholder="name ⏎" @keydown=${(e: KeyboardEvent) => {
              const name = (e.target as HTMLInputElement).value.trim()
              if (e.key === 'Escape') this.naming = false
              if (e.key === 'Enter' && name) void this.state.saveSearch(name).then((ok) => ok && (this.naming = false))
            }} />`
          : html`<button class="small" title="Keep this search (query and entity filters) to run again: it will say what is new since" @click=${() => {
              this.naming = true
              void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input.save-name')?.focus())
            }}>Save search…</button>`}
        ${r.total ? html`<button class="small" title="Save every result (path, title, outlet, date, score, your marks, entities) as a spreadsheet file" @click=${() => void this.state.search.exportResults('csv')}>Export CSV…</button><button class="small" title="The same as JSON" @click=${() => void this.state.search.exportResults('json')}>JSON…</button>` : nothing}</div>` : nothing}
      ${r?.sources.length ? html`<p class="sources meta" aria-label="Outlets of these results">Outlets: ${repeat(
        r.sources,
        // keyed by name: a button keeps its outlet when the results are answered again
        (x) => x.name,
        (x, i) => html`${i ? ', ' : ''}<button class="link" title=${`Only articles from ${x.name} (adds source:"${x.name}" to the search)`} @click=${() => this.onlySource(x.name)}>${x.name}</button> (${x.count})`
      )}</p>` : nothing}
      ${st && !st.archive && !indexing ? this.renderWelcome(st.recent) : nothing}
      <main class=${this.showEntities ? '' : 'no-entities'} ?hidden=${Boolean(st && !st.archive && !indexing)}>
        <entity-panel @open-entity=${(e: DatelineEvent<'open-entity'>) => void this.state.entityPage.open(e.detail.id)} .facets=${r?.facets ?? null} .coverage=${r?.analysis ?? null} .found=${found} .hiddenEntities=${hidden} .active=${filters} .expanded=${this.state.filters.state.expanded} .corrections=${corrections}
          @show-corrections=${(e: DatelineEvent<'show-corrections'>) => void this.state.entities.showCorrections(e.detail.open)} @undo=${(e: DatelineEvent<'undo'>) => void this.state.undoCorrection(e.detail.index)}
          @more-facets=${(e: DatelineEvent<'more-facets'>) => this.state.expandFacets(e.detail.type, e.detail.open)} @filter=${(e: DatelineEvent<'filter'>) => this.state.addFilter(e.detail)}
          @curate=${(e: DatelineEvent<'curate'>) => void this.state.curate(e.detail.request)}
          @export-entities=${(e: DatelineEvent<'export-entities'>) => void this.state.entities.exportList(e.detail.format)}
          @find-entities=${(e: DatelineEvent<'find-entities'>) => void this.state.entities.find(e.detail.query)} @show-hidden=${(e: DatelineEvent<'show-hidden'>) => void this.state.entities.showHidden(e.detail.open)} aria-label="Entities"></entity-panel>
        <result-list id="results" .fresh=${this.state.saved.state.fresh} .hits=${hits} .total=${r?.total ?? 0} .selected=${selected} ?busy=${pending} .query=${this.state.search.state.query} .failed=${Boolean(error) && !r} @open=${(e: DatelineEvent<'open'>) => void this.state.openHit(e.detail.index)} @more=${() => void this.state.search.more()}
          @range=${(e: DatelineEvent<'range'>) => (this.inView = e.detail)}></result-list>
        ${this.state.entityPage.state.page
          ? html`<entity-page .page=${this.state.entityPage.state.page} .sort=${this.state.entityPage.state.sort} .events=${this.state.entityPage.state.events} aria-label="Entity page"
              @curate=${(e: DatelineEvent<'curate'>) => void this.state.curate(e.detail.request)}
              @close-entity=${() => this.state.entityPage.close()}
              @open-entity=${(e: DatelineEvent<'open-entity'>) => void this.state.entityPage.open(e.detail.id, e.detail.sort)}
              @filter=${(e: DatelineEvent<'filter'>) => this.state.addFilter(e.detail)}
              @open-doc=${(e: DatelineEvent<'open-doc'>) => {
                this.state.entityPage.close()
                void this.state.openStoryMember(e.detail.path)
              }}></entity-page>`
          : nothing}
        <reader-panel ?hidden=${Boolean(this.state.entityPage.state.page)} @open-entity=${(e: DatelineEvent<'open-entity'>) => void this.state.entityPage.open(e.detail.id)} .doc=${this.state.reader.state.doc} @open-doc=${(e: DatelineEvent<'open-doc'>) => void this.state.openStoryMember(e.detail.path)}
          @set-published=${(e: DatelineEvent<'set-published'>) => void this.state.setPublished(e.detail.path, e.detail.date)}
          @open-original=${(e: DatelineEvent<'open-original'>) => void this.state.reader.openOriginal(e.detail.path)}
          @annotate=${(e: DatelineEvent<'annotate'>) => void this.state.annotate(e.detail)} aria-label="Reader"></reader-panel>
      </main>
      ${timeline.show ? html`<timeline-panel .events=${timeline.events} .undatedEvents=${timeline.undatedEvents} .unresolvedEvents=${timeline.unresolvedEvents} .undated=${timeline.undated} .unresolved=${timeline.unresolved} .coverage=${timeline.coverage} @brush=${(e: DatelineEvent<'brush'>) => this.state.setRange(e.detail)} @pick=${this.onPick} @export-sources=${() => void this.state.timeline.exportSources()} aria-label="Timeline"></timeline-panel>` : nothing}
      ${this.state.map.state.show ? html`<place-map .data=${this.state.map.state.data} @filter=${(e: DatelineEvent<'filter'>) => this.state.addFilter(e.detail)} role="region" aria-label="Map of places"></place-map>` : nothing}
    `
  }

  /** The saved searches: run one (its new articles marked), delete one. */
  private renderSaved() {
    const list = this.state.saved.state.list
    return html`<section class="saved" aria-label="Saved searches">
      ${list.length
        ? html`<ul>${repeat(
            list,
            (s) => s.name,
            (s) => html`<li><button class="link" title=${`Run: ${s.query || 'every article'}${s.entities?.length ? ` with ${s.entities.map((id) => s.names[id] ?? id).join(', ')}` : ''}`} @click=${() => void this.state.runSaved(s.name)}>${s.name}</button>
              <span class="meta">${s.query}</span>${s.newSince ? html` <span class="badge">${s.newSince} new</span>` : nothing}
              <button class="small" aria-label=${`Delete the saved search ${s.name}`} @click=${() => void this.state.saved.remove(s.name)}>×</button></li>`
          )}</ul>`
        : html`<p class="meta">No saved searches yet: search, then <em>Save search…</em> beside the result count.</p>`}
      <h3>Batch search</h3>
      <div class="batch">
        <textarea aria-label="Names or phrases, one per line" rows="3" placeholder="One name or phrase per line: each is searched on its own"></textarea>
        <button class="small" @click=${() => void this.state.saved.batchSearch(this.renderRoot.querySelector<HTMLTextAreaElement>('.batch textarea')?.value ?? '')}>Search each line</button>
      </div>
      ${this.state.saved.state.batch.length
        ? html`<table class="batch-table" aria-label="Batch search results"><thead><tr><th>Name or phrase</th><th>Articles</th><th>First</th><th>Last</th></tr></thead><tbody>${this.state.saved.state.batch.map(
            (b) => html`<tr><td>${b.error ? html`${b.line} <span class="meta">(${b.error})</span>` : html`<button class="link" title=${`Search ${b.query}`} @click=${() => void this.state.runPast({ query: b.query, at: '' })}>${b.line}</button>`}</td><td>${b.count}</td><td>${b.first ? formatDay(b.first, true) : '—'}</td><td>${b.last ? formatDay(b.last, true) : '—'}</td></tr>`
          )}</tbody></table>`
        : nothing}
      <h3>Recent searches</h3>
      ${this.state.saved.state.history.length
        ? html`<ul class="history">${this.state.saved.state.history.slice(0, 15).map(
            (h) => html`<li><button class="link" title=${`Run again (${h.at.slice(0, 16).replace('T', ' ')})`} @click=${() => void this.state.runPast(h)}>${h.query || 'every article'}${h.entities?.length ? ` + ${h.entities.length} filter${h.entities.length === 1 ? '' : 's'}` : ''}</button></li>`
          )}</ul>
          <button class="small" @click=${() => void this.state.saved.clearHistory()}>Clear history</button>`
        : html`<p class="meta">None yet.</p>`}
    </section>`
  }

  /** " · 1–24 of 1,658": which results are in view, when they are not all. */
  private position(total: number): string {
    const { first, last } = this.inView
    if (last <= first || (first === 0 && last >= total)) return ''
    return ` · ${(first + 1).toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`
  }

  /** Narrow the search to one outlet: the query gains source:"…", shown in the search box. */
  private onlySource(name: string): void {
    const box = this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')
    const q = `${this.state.search.state.query.trim()} source:"${name.replace(/"/g, '')}"`.trim()
    if (box) box.value = q
    this.state.search.type(q)
  }

  /** No archive yet: what Dateline does and the one thing to do. */
  private renderWelcome(recent: readonly string[]) {
    return html`<section class="welcome" aria-label="Welcome">
      <h2>Open a folder of news articles to start</h2>
      <p>Dateline indexes the folder on this computer — text, Markdown, saved web pages, PDF, Word, e-mail, feeds and
        Nexis or Factiva exports, however messy — and lets you search it, filter by
        people, organisations and places, read each article with its publication date and its copies, and see the events
        it reports on a timeline. Nothing leaves this computer; the folder is never changed unless you import into it.</p>
      <p><button class="primary" @click=${() => void this.state.openArchive(this.bridge.chooseArchive())}>Open archive…</button></p>
      ${recent.length
        ? html`<h3>Recent archives</h3><ul>${recent.map((p) => html`<li><button class="link" @click=${() => void this.state.openArchive(this.bridge.openRecent(p))}>${p}</button></li>`)}</ul>`
        : nothing}
    </section>`
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
