/**
 * <dateline-app>: the minimal window — archive and document count, a search box, results with
 * highlighted snippets and inline query errors. Gets its API by property injection (defaults to
 * window.dateline) so tests can hand it the real core through the same contract.
 */
import { LitElement, css, html, nothing } from 'lit'
import type { DatelineApi, SearchResponse, StatusView } from '../../src-main/contract/api'
import { getApi, snippetParts } from '../api'
import './drop-import'

const DEBOUNCE_MS = 150

export class DatelineApp extends LitElement {
  static override properties = {
    api: { attribute: false },
    status: { state: true },
    result: { state: true },
    error: { state: true }
  }

  static override styles = css`
    :host { display: block; font: 14px/1.45 system-ui, sans-serif; color: CanvasText; background: Canvas; padding: 12px 16px; }
    header { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    h1 { font-size: 16px; margin: 0; }
    .archive { color: GrayText; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 50vw; }
    input[type='search'] { flex: 1; min-width: 240px; font: inherit; padding: 6px 8px; }
    :focus-visible { outline: 2px solid Highlight; outline-offset: 1px; }
    .error { color: #b3261e; margin: 8px 0; }
    .summary { color: GrayText; margin: 8px 0; }
    ol { list-style: none; padding: 0; margin: 0; }
    li { padding: 8px 0; border-bottom: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
    .title { font-weight: 600; }
    .path { color: GrayText; font-size: 12px; }
    mark { background: #ffe08a; color: #000; border-radius: 2px; }
  `

  declare api: DatelineApi | undefined
  declare status: StatusView | null
  declare result: SearchResponse | null
  declare error: string
  private timer: ReturnType<typeof setTimeout> | undefined
  private seq = 0
  private lastQuery = ''
  private unsubscribe: (() => void) | undefined

  constructor() {
    super()
    this.status = null
    this.result = null
    this.error = ''
  }

  private get bridge(): DatelineApi {
    return this.api ?? getApi()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.refreshStatus()
    // files added by imports or other programs: new counts, and the current search again
    this.unsubscribe = this.bridge.onArchiveChanged(() => void this.refresh())
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unsubscribe?.()
  }

  private async refresh(): Promise<void> {
    await this.refreshStatus()
    if (this.lastQuery.trim()) await this.runSearch(this.lastQuery)
  }

  async refreshStatus(): Promise<void> {
    const r = await this.bridge.getStatus()
    if (r.ok) this.status = r.value
    else this.error = r.error.message
  }

  private async choose(): Promise<void> {
    const r = await this.bridge.chooseArchive()
    if (r.ok) {
      this.status = r.value
      this.error = ''
    } else this.error = r.error.message
  }

  private onInput(e: Event): void {
    const q = (e.target as HTMLInputElement).value
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.runSearch(q), DEBOUNCE_MS)
  }

  private async runSearch(query: string): Promise<void> {
    this.lastQuery = query
    const seq = ++this.seq
    if (!query.trim()) {
      this.result = null
      this.error = ''
      return
    }
    const r = await this.bridge.search({ query, limit: 50 })
    if (seq !== this.seq) return // a newer query was typed meanwhile
    if (r.ok) {
      this.result = r.value
      this.error = ''
    } else {
      this.error = r.error.message
    }
  }

  override render() {
    const st = this.status
    return html`
      <header>
        <h1>Dateline</h1>
        <span class="archive" title=${st?.archive ?? ''}>${st?.archive ?? 'No archive open'}</span>
        <span class="count" data-testid="doc-count">${st ? `${st.documents} documents` : '…'}${st?.indexing ? ' (indexing…)' : ''}</span>
        <button @click=${this.choose}>Open archive…</button>
        <button @click=${() => void this.renderRoot.querySelector('drop-import')?.chooseFiles()} ?disabled=${!st?.archive}>Import files…</button>
      </header>
      <drop-import .api=${this.api} @imported=${() => void this.refresh()}></drop-import>
      <p>
        <input type="search" aria-label="Search the archive" placeholder='Search: khatib raqqa, "exact phrase", -exclude, title:word, raqq*, khatib~1' @input=${this.onInput} />
      </p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.result ? this.renderResult(this.result) : nothing}
    `
  }

  private renderResult(r: SearchResponse) {
    return html`
      <p class="summary" role="status">${r.total} result${r.total === 1 ? '' : 's'}${r.ignored.length ? ` · ignored common words: ${r.ignored.join(', ')}` : ''}</p>
      <ol aria-label="Results">
        ${r.hits.map(
          (h) => html`<li data-path=${h.path}>
            <div class="title">${h.title}</div>
            <div class="path">${h.path}</div>
            <div class="snippet">${snippetParts(h.snippet).map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))}</div>
          </li>`
        )}
      </ol>
    `
  }
}

customElements.define('dateline-app', DatelineApp)

declare global {
  interface HTMLElementTagNameMap {
    'dateline-app': DatelineApp
  }
}
