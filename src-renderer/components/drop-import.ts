/**
 * <drop-import>: dragging files or folders anywhere on the window shows an overlay; dropping them
 * imports them into the open archive through the contract (the preload turns files into paths),
 * with a progress bar, a cancel button and the outcome of every file. Emits `imported` when done
 * so the window refreshes its counts and results.
 */
import { LitElement, css, html, nothing } from 'lit'
import type { DatelineApi, ImportProgressView, ImportResponse } from '../../src-main/contract/api'
import { getApi } from '../api'
import { emit } from '../events'

export class DropImport extends LitElement {
  static override properties = {
    api: { attribute: false },
    over: { state: true },
    progress: { state: true },
    outcome: { state: true },
    error: { state: true }
  }

  static override styles = css`
    .overlay { position: fixed; inset: 0; display: grid; place-items: center; background: color-mix(in srgb, Canvas 80%, transparent);
      border: 3px dashed Highlight; font-size: 18px; z-index: 10; pointer-events: none; }
    section { margin: 8px 0; padding: 8px 10px; border: 1px solid color-mix(in srgb, CanvasText 15%, transparent); border-radius: 6px; }
    progress { width: 100%; }
    .current { color: var(--muted, #5c6166); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    ul { list-style: none; padding: 0; margin: 4px 0 0; max-height: 30vh; overflow: auto; font-size: 13px; }
    .rejected { color: var(--danger, #b3261e); }
    .duplicate { color: var(--muted, #5c6166); }
    .error { color: #b3261e; }
    header { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; }
  `

  declare api: DatelineApi | undefined
  declare over: boolean
  declare progress: ImportProgressView | null
  declare outcome: ImportResponse | null
  declare error: string
  private depth = 0
  private unsubscribe: (() => void) | undefined

  constructor() {
    super()
    this.over = false
    this.progress = null
    this.outcome = null
    this.error = ''
  }

  private get bridge(): DatelineApi {
    return this.api ?? getApi()
  }

  // dragenter/leave fire for every child crossed: count them so the overlay does not flicker
  private readonly onEnter = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return
    e.preventDefault()
    this.depth++
    this.over = true
  }
  private readonly onOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return
    e.preventDefault() // allow the drop
    e.dataTransfer.dropEffect = 'copy'
  }
  private readonly onLeave = () => {
    this.depth = Math.max(0, this.depth - 1)
    if (!this.depth) this.over = false
  }
  private readonly onDrop = (e: DragEvent) => {
    e.preventDefault()
    this.depth = 0
    this.over = false
    const files = [...(e.dataTransfer?.files ?? [])]
    if (files.length) void this.run(() => this.bridge.importDropped(files))
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('dragenter', this.onEnter)
    window.addEventListener('dragover', this.onOver)
    window.addEventListener('dragleave', this.onLeave)
    window.addEventListener('drop', this.onDrop)
    this.unsubscribe = this.bridge.onImportProgress((p) => (this.progress = p))
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('dragenter', this.onEnter)
    window.removeEventListener('dragover', this.onOver)
    window.removeEventListener('dragleave', this.onLeave)
    window.removeEventListener('drop', this.onDrop)
    this.unsubscribe?.()
  }

  /** Import through the file dialog (the same flow as a drop). */
  chooseFiles(): Promise<void> {
    return this.run(() => this.bridge.chooseImport())
  }

  private async run(call: () => ReturnType<DatelineApi['importDropped']>): Promise<void> {
    this.error = ''
    this.outcome = null
    this.progress = { phase: 'collect', done: 0, total: 0, bytes: 0, totalBytes: 0 }
    const r = await call()
    this.progress = null
    if (!r.ok) {
      this.error = r.error.message
      return
    }
    this.outcome = r.value
    emit(this, 'imported', r.value)
  }

  override render() {
    const p = this.progress
    const o = this.outcome
    return html`
      ${this.over ? html`<div class="overlay" data-testid="drop-overlay">Drop articles or folders to import them into the archive</div>` : nothing}
      ${p
        ? html`<section aria-label="Import progress">
            <header>
              <span>${p.phase === 'index' ? 'Indexing…' : p.phase === 'collect' ? 'Looking at the files…' : `Importing ${p.done} of ${p.total}`}</span>
              <button @click=${() => void this.bridge.cancelImport()}>Cancel</button>
            </header>
            <progress max=${p.total || 1} value=${p.done}></progress>
            ${p.current ? html`<div class="current">${p.current}</div>` : nothing}
          </section>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${o
        ? html`<section aria-label="Import results">
            <header>
              <span role="status">${o.imported.length} imported · ${o.duplicates.length} already in the archive · ${o.rejected.length} rejected${o.cancelled ? ' · cancelled' : ''}</span>
              <button @click=${() => (this.outcome = null)} aria-label="Close import results">×</button>
            </header>
            <ul>
              ${o.imported.map((f) => html`<li class="imported">Imported ${name(f.from)} → ${f.to}${f.renamed ? html` <span>(${f.renamed})</span>` : nothing}</li>`)}
              ${o.duplicates.map((d) => html`<li class="duplicate">${name(d.from)}: already in the archive as ${d.existing}</li>`)}
              ${o.rejected.map((x) => html`<li class="rejected">${name(x.from)}: ${x.reason}</li>`)}
            </ul>
          </section>`
        : nothing}
    `
  }
}

function name(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1)
}

customElements.define('drop-import', DropImport)

declare global {
  interface HTMLElementTagNameMap {
    'drop-import': DropImport
  }
}
