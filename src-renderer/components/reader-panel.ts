/**
 * <reader-panel>: one article — its text with the search's words marked, entity mentions
 * underlined in their type's colour and passages reused from its source shaded; its publication
 * date and how it is known; its story (the other copies and rewrites); the events it reports.
 * Emits `open-doc` {path, focus?} when the user picks a story member, and `set-published`
 * {path, date} when the user sets the date by hand (YYYY-MM-DD, 'unknown', or null to infer it again).
 */
import { LitElement, css, html, nothing } from 'lit'
import type { AnnotateRequest, DocumentResponse } from '../../src-main/contract/api'
import { splitRuns } from '../lib/segments'
import { emit } from '../events'
import { dateInWords, formatDay, publishedInWords } from '../lib/dates'

export class ReaderPanel extends LitElement {
  static override properties = {
    doc: { attribute: false },
    spot: { attribute: false },
    editingDate: { state: true },
    finding: { state: true },
    findText: { state: true },
    current: { state: true }
  }

  static override styles = css`
    :host { display: block; overflow: auto; padding: 0 14px 24px; }
    /* set aside while an entity page takes its place (it keeps its article, scroll and find) */
    :host([hidden]) { display: none; }
    h2 { font-size: 17px; margin: 10px 0 2px; }
    .meta { color: var(--muted, #5c6166); font-size: 12px; margin-bottom: 8px; }
    .text { white-space: pre-wrap; line-height: 1.55; font-size: 14px; }
    mark { background: var(--mark, #ffe08a); color: CanvasText; border-radius: 2px; }
    .e-person { box-shadow: inset 0 -2px var(--person, #7b4fd6); }
    .e-organization { box-shadow: inset 0 -2px var(--organization, #1f7a8c); }
    .e-place { box-shadow: inset 0 -2px var(--place, #b8621b); }
    .reused { background: color-mix(in srgb, var(--reused, #4c8bf5) 14%, transparent); }
    .focus { background: color-mix(in srgb, var(--focus, #e5484d) 22%, transparent); }
    .date { text-decoration: underline dotted; text-underline-offset: 3px; cursor: help; }
    [data-entity] { cursor: pointer; }
    .noted { background: color-mix(in srgb, var(--noted, #2da44e) 18%, transparent); border-bottom: 2px solid var(--noted, #2da44e); }
    .marks { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; font-size: 12px; margin: 4px 0 8px; }
    .marks .chip { border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); border-radius: 10px; padding: 0 6px; margin-right: 4px; }
    .marks .chip button { border: none; background: none; cursor: pointer; font: inherit; }
    .marks .tag-input { font: inherit; width: 9em; }
    .marks .notes { flex-basis: 100%; }
    .marks .notes textarea { width: 100%; font: inherit; box-sizing: border-box; }
    .marks q.lost { text-decoration: line-through; }
    section { border-top: 1px solid color-mix(in srgb, CanvasText 12%, transparent); margin-top: 12px; padding-top: 6px; font-size: 13px; }
    h3 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted, #5c6166); margin: 6px 0; }
    ul { margin: 0; padding-left: 18px; }
    button.link { background: none; border: 0; padding: 0; color: LinkText; cursor: pointer; font: inherit; text-align: left; }
    .legend { display: flex; gap: 10px; font-size: 12px; color: var(--muted, #5c6166); margin: 4px 0 10px; flex-wrap: wrap; }
    .empty { color: var(--muted, #5c6166); padding: 24px 0; }
    .meta button.small { background: none; border: 0; padding: 0 2px; color: LinkText; cursor: pointer; font: inherit; }
    .date-editor { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; font-size: 12px; margin-bottom: 8px; }
    .date-editor input, .date-editor button { font: inherit; }
    mark.find { background: color-mix(in srgb, var(--tl-accent, #1f6feb) 28%, transparent); }
    .current { outline: 2px solid var(--tl-accent, #1f6feb); outline-offset: 1px; border-radius: 2px; }
    .find-bar { display: flex; gap: 6px; align-items: center; font-size: 12px; margin: 0 0 8px; }
    .find-bar input { font: inherit; }
    h3 .path { text-transform: none; letter-spacing: 0; }
  `

  declare doc: DocumentResponse | null
  /** [start, end) to outline and scroll to (an event's sentence) */
  declare spot: [number, number] | null
  declare editingDate: boolean
  /** the find-in-article box is open */
  declare finding: boolean
  declare findText: string
  /** the match the reader is on (search words, or what the find box looks for) */
  declare current: number

  constructor() {
    super()
    this.doc = null
    this.spot = null
    this.editingDate = false
    this.finding = false
    this.findText = ''
    this.current = 0
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // another article, or the same one reloaded after a save: close the editor, start at the first match
    if (changed.has('doc')) {
      this.editingDate = false
      this.current = 0
    }
  }

  /** Where the text matches what the find box holds (case-insensitive). */
  private findSpans(): Array<[number, number]> {
    const d = this.doc
    const q = this.findText.trim().toLowerCase()
    if (!d || !q) return []
    const text = d.text.toLowerCase()
    const out: Array<[number, number]> = []
    for (let at = text.indexOf(q); at >= 0 && out.length < 1000; at = text.indexOf(q, at + q.length)) out.push([at, at + q.length])
    return out
  }

  /** The matches n / N move through: what the find box looks for, else the search's words. */
  private matchSpans(): ReadonlyArray<readonly [number, number]> {
    return this.finding && this.findText.trim() ? this.findSpans() : (this.doc?.highlights ?? [])
  }

  /** n / F3 (+1) and N / Shift+F3 (−1): the next or previous match, scrolled into view. */
  nextMatch(by: 1 | -1): void {
    const n = this.matchSpans().length
    if (!n) return
    this.spot = null
    this.current = (this.current + by + n) % n
  }

  /** Ctrl+F: the find box, focused. */
  openFind(): void {
    this.finding = true
    void this.updateComplete.then(() => {
      const box = this.renderRoot.querySelector<HTMLInputElement>('input[aria-label="Find in the article"]')
      box?.focus()
      box?.select()
    })
  }

  private renderFind() {
    const n = this.matchSpans().length
    return html`<div class="find-bar" role="search">
      <input type="search" aria-label="Find in the article" .value=${this.findText}
        @input=${(e: Event) => {
          this.findText = (e.target as HTMLInputElement).value
          this.current = 0
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') this.nextMatch(e.shiftKey ? -1 : 1)
          if (e.key === 'Escape') {
            e.preventDefault()
            e.stopPropagation()
            this.finding = false
            this.findText = ''
          }
        }} />
      <span class="meta" role="status">${this.findText.trim() ? (n ? `${this.current + 1} of ${n}` : 'not found') : ''}</span>
      <button @click=${() => this.nextMatch(-1)} aria-label="Previous match">↑</button>
      <button @click=${() => this.nextMatch(1)} aria-label="Next match">↓</button>
      <button @click=${() => ((this.finding = false), (this.findText = ''))} aria-label="Close find">×</button>
    </div>`
  }

  private setPublished(date: string | null) {
    if (!this.doc) return
    emit(this, 'set-published', { path: this.doc.path, date })
  }

  /** The user's marks: a star, tags, notes (on the article or on the selected passage). Kept in the data folder. */
  private renderMarks(d: DocumentResponse) {
    const a = d.annotations
    const send = (req: AnnotateRequest) => emit(this, 'annotate', req)
    const addTag = (e: KeyboardEvent) => {
      const input = e.target as HTMLInputElement
      if (e.key !== 'Enter' || !input.value.trim()) return
      send({ op: 'tag', path: d.path, tag: input.value.trim(), on: true })
      input.value = ''
    }
    const addNote = (onSelection: boolean) => {
      const box = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea.note-text')
      if (!box?.value.trim()) return box?.focus()
      const passage = onSelection ? (this.selectedPassage() ?? this.lastSelection) : undefined
      if (onSelection && !passage) return this.renderRoot.querySelector<HTMLElement>('article.text')?.focus()
      send({ op: 'note', path: d.path, text: box.value, ...(passage ? { passage } : {}) })
      box.value = ''
    }
    return html`<section class="marks" aria-label="Your marks">
      <button class="small star" aria-pressed=${a.starred ? 'true' : 'false'} title=${a.starred ? 'Take the star away' : 'Star this article (search is:starred)'} @click=${() => send({ op: 'star', path: d.path, on: !a.starred })}>${a.starred ? '★ Starred' : '☆ Star'}</button>
      <span class="tags" aria-label="Tags">${a.tags.map((t) => html`<span class="chip">#${t}<button aria-label=${`Remove tag ${t}`} @click=${() => send({ op: 'tag', path: d.path, tag: t, on: false })}>×</button></span>`)}
        <input class="tag-input" aria-label="Add a tag" placeholder="add tag ⏎" maxlength="64" @keydown=${addTag} /></span>
      <details class="notes" ?open=${a.notes.length > 0}>
        <summary>Notes (${a.notes.length})</summary>
        <ul>${a.notes.map(
          (n) => html`<li>${n.passage ? html`<q class=${n.anchor === 'lost' ? 'lost' : ''} title=${n.anchor === 'lost' ? 'This passage is no longer in the article' : n.anchor === 'moved' ? 'The article changed; the passage was found again' : 'The passage this note is on'}>${n.passage.quote.slice(0, 120)}</q>${n.anchor === 'lost' ? html` <span class="meta">(passage no longer in the article)</span>` : nothing} ` : nothing}${n.text}
            <button class="small" aria-label="Delete this note" @click=${() => send({ op: 'delete-note', path: d.path, id: n.id })}>×</button></li>`
        )}</ul>
        <textarea class="note-text" aria-label="Note text" rows="2" maxlength="10000" placeholder="A note on this article, or select a passage first"></textarea>
        <button class="small" @click=${() => addNote(false)}>Add note</button>
        <button class="small" @mousedown=${(e: Event) => e.preventDefault()} @click=${() => addNote(true)} title="Select words in the article, then add the note on them">Note on selection</button>
      </details>
    </section>`
  }

  /** A click on an entity's name (not the end of a selection) opens its page. */
  private readonly onTextClick = (e: MouseEvent) => {
    const el = (e.target as HTMLElement).closest?.('[data-entity]') as HTMLElement | null
    if (!el?.dataset['entity'] || this.selectedPassage()) return
    emit(this, 'open-entity', { id: el.dataset['entity'] })
  }

  /** The last passage selected in the article (a click elsewhere may clear the selection before the button acts). */
  private lastSelection: { start: number; end: number } | undefined
  private readonly onSelectionChange = () => {
    const p = this.selectedPassage()
    if (p) this.lastSelection = p
  }

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('selectionchange', this.onSelectionChange)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('selectionchange', this.onSelectionChange)
  }

  /** The selected words of the article as offsets into its text (the article's text nodes are its text). */
  private selectedPassage(): { start: number; end: number } | undefined {
    const article = this.renderRoot.querySelector('article.text')
    // Chromium gives a shadow root's selection; elsewhere the document's
    const sel = (this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection()
    if (!article || !sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined
    const r = sel.getRangeAt(0)
    if (!article.contains(r.startContainer) || !article.contains(r.endContainer)) return undefined
    const before = document.createRange()
    before.setStart(article, 0)
    before.setEnd(r.startContainer, r.startOffset)
    const start = before.toString().length
    const end = start + r.toString().length
    return end > start ? { start, end } : undefined
  }

  /** What the file states: outlet, author, URL (as text: the app opens no web page), capture date; and its file. */
  private renderSource(d: DocumentResponse) {
    const m = d.meta
    const parts = [
      m.outlet ? html`<span class="outlet" title=${m.origins?.outlet ? `from the ${m.origins.outlet}` : nothing}>${m.outlet}</span>` : nothing,
      m.author ? html`<span class="author">by ${m.author}</span>` : nothing,
      m.url ? html`<span class="url" title="The address the file gives (not opened: Dateline stays offline)">${m.url}</span>` : nothing,
      m.captured ? html`<span class="captured" title=${`${m.captured.from}: when this copy was made, not when it was published`}>saved ${formatDay(m.captured.date, true)}</span>` : nothing,
      m.words ? html`<span>${m.words} words</span>` : nothing,
      // how the bytes were read, when it was not plain UTF-8: a wrong guess is visible, not silent
      (d.encoding.name === 'utf-8' || d.encoding.name === 'utf-8-bom') && !d.encoding.note
        ? nothing
        : html`<span class="encoding" title=${d.encoding.note ?? 'the encoding this file was read in'}>${d.encoding.name.toUpperCase()}${d.encoding.note && /replaced|removed/.test(d.encoding.note) ? html` (${d.encoding.note})` : nothing}</span>`
    ].filter((x) => x !== nothing)
    const original = d.container ?? (d.format !== 'text' && d.format !== 'markdown' ? d.path : null)
    if (!parts.length && !original) return nothing
    return html`<div class="meta source-line">${parts.map((x, i) => html`${i ? ' · ' : ''}${x}`)}
      ${original ? this.renderOriginal(d, original) : nothing}</div>`
  }

  /** Open the file in its own program; a page or feed only shown in its folder (a browser would fetch its trackers). */
  private renderOriginal(d: DocumentResponse, file: string) {
    const reveal = d.format === 'html' || d.format === 'mhtml' || d.format === 'feed'
    const which = d.container ? ` (${d.format}, article ${d.path.slice(d.path.lastIndexOf('#') + 1)})` : ''
    return reveal
      ? html`<button class="small" title=${`Show ${file} in its folder. Opening a saved page in a browser loads its remote images and trackers.`} @click=${() => emit(this, 'open-original', { path: d.path })}>Show original in folder${which}</button>`
      : html`<button class="small" title=${`Open ${file} in its own program`} @click=${() => emit(this, 'open-original', { path: d.path })}>Open original${which}</button>`
  }

  private renderDateEditor(p: DocumentResponse['published']) {
    const save = () => {
      const v = this.renderRoot.querySelector<HTMLInputElement>('input[type="date"]')?.value ?? ''
      if (v) this.setPublished(v)
    }
    return html`<div class="date-editor" role="group" aria-label="Set the publication date">
      <input type="date" aria-label="Publication date" min="1000-01-01" max="9999-12-31" .value=${p.date && p.date.length === 10 ? p.date : ''}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') save()
          if (e.key === 'Escape') {
            e.stopPropagation()
            this.editingDate = false
          }
        }} />
      <button @click=${save}>Save</button>
      <button @click=${() => this.setPublished('unknown')} title="The article carries no date: stop guessing one">No date</button>
      ${p.source === 'user' ? html`<button @click=${() => this.setPublished(null)} title="Forget the date set by hand">Use the inferred date</button>` : nothing}
      <button @click=${() => (this.editingDate = false)}>Cancel</button>
      <span class="meta">kept in Dateline's data folder; the article file is not changed</span>
    </div>`
  }

  override updated(changed: Map<string, unknown>): void {
    // a passage selected in another article is not this one's
    if (changed.has('doc') && (changed.get('doc') as DocumentResponse | null | undefined)?.path !== this.doc?.path) this.lastSelection = undefined
    if (changed.has('doc') || changed.has('spot') || changed.has('current') || changed.has('findText')) {
      // the event's sentence, else the current match in the article (never the legend's sample mark)
      const el = this.renderRoot.querySelector('.focus') ?? this.renderRoot.querySelector('article .current') ?? this.renderRoot.querySelector('article mark')
      if (el) el.scrollIntoView({ block: 'center' })
      else if (changed.has('doc')) this.scrollTop = 0
    }
  }

  override render() {
    const d = this.doc
    if (!d) return html`<p class="empty">Select a result to read it here (↑ ↓ to move, Enter to open).</p>`
    const found = this.finding ? this.findSpans() : []
    const nav = this.matchSpans()
    const current = nav[Math.min(this.current, nav.length - 1)]
    const runs = splitRuns(d.text, [
      { name: 'mark', spans: d.highlights },
      { name: 'find', spans: found },
      { name: 'current', spans: current ? [current] : [] },
      { name: 'entity', spans: d.entities.flatMap((e) => e.mentions), values: d.entities.flatMap((e, i) => e.mentions.map(() => String(i))) },
      { name: 'reused', spans: d.story?.reused ?? [] },
      { name: 'focus', spans: this.spot ? [this.spot] : [] },
      { name: 'date', spans: d.dates.map((x): [number, number] => [x.start, x.end]), values: d.dates.map((_, i) => String(i)) },
      { name: 'noted', spans: d.annotations.notes.flatMap((n): Array<[number, number]> => (n.passage && n.anchor !== 'lost' ? [[n.passage.start, n.passage.end]] : [])) }
    ])
    const p = d.published
    return html`
      <h2>${d.title}</h2>
      <div class="meta">${d.path} · <span class="published">${publishedInWords(p)}</span> · file date ${formatDay(p.fileDate, true)}
        ${this.editingDate ? nothing : html`<button class="small" aria-label="Set the publication date" @click=${() => {
          this.editingDate = true
          void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[type="date"]')?.focus())
        }}>Set date…</button>`}</div>
      ${this.renderSource(d)}
      ${this.renderMarks(d)}
      ${this.editingDate ? this.renderDateEditor(p) : nothing}
      ${this.finding ? this.renderFind() : nothing}
      ${p.evidence.length ? html`<div class="meta" title="How the date is known">${p.evidence.join(' · ')}</div>` : nothing}
      <div class="legend" aria-hidden="true">
        <span class="e-person">person</span><span class="e-organization">organisation</span><span class="e-place">place</span>
        ${d.highlights.length ? html`<span><mark>search</mark></span>` : nothing}
        ${d.story?.reused.length ? html`<span class="reused">taken from ${d.story.of}</span>` : nothing}
      </div>
      <article class="text" aria-label="Article text" @click=${this.onTextClick}>${runs.map((r) => {
        const date = r.marks['date'] !== undefined ? d.dates[Number(r.marks['date'])] : undefined
        const ent = r.marks['entity'] !== undefined ? d.entities[Number(r.marks['entity'])] : undefined
        const cls = [ent ? `e-${ent.type}` : '', r.marks['reused'] !== undefined ? 'reused' : '', r.marks['focus'] !== undefined ? 'focus' : '', date ? 'date' : '', r.marks['noted'] !== undefined ? 'noted' : '']
          .filter(Boolean)
          .join(' ')
        const cur = r.marks['current'] !== undefined ? 'current' : ''
        const inner =
          r.marks['find'] !== undefined ? html`<mark class="find ${cur}">${r.text}</mark>` : r.marks['mark'] !== undefined ? html`<mark class=${cur}>${r.text}</mark>` : r.text
        // a date says, on hover, what it stands for and why (as `dateline dates` does)
        return cls ? html`<span class=${cls} data-entity=${ent ? ent.id : nothing} title=${date ? dateInWords(date) : ent ? `${ent.name}: click for its page` : nothing}>${inner}</span>` : inner
      })}</article>
      ${d.story
        ? html`<section aria-label="Story">
            <h3>Story — this is ${d.story.role === 'original' ? 'the original' : html`a ${d.story.role} of <span class="path">${d.story.of}</span>`}</h3>
            <ul>
              ${d.story.members.filter((m) => m.path !== d.path).map(
                (m) => html`<li><button class="link" @click=${() => this.openDoc(m.path)}>${m.title}</button> — ${m.role}, ${m.published ? formatDay(m.published, true) : 'date unknown'} <span class="meta">${m.path}</span></li>`
              )}
            </ul>
          </section>`
        : nothing}
      <section aria-label="Events">
        <h3>Events reported (${d.events.length})</h3>
        ${d.events.length
          ? html`<ul>
              ${d.events.map((e) => {
                const src = e.sources.find((s) => s.path === d.path) ?? e.sources[0]
                return html`<li><button class="link" @click=${() => src && (this.spot = src.offsets)}>${e.start ? (e.start === e.end ? e.start : `${e.start} – ${e.end}`) : 'undated'} · ${e.label}</button>
                  ${e.sources.length > 1 ? html` <span class="meta">(${e.sources.length} sources)</span>` : nothing}</li>`
              })}
            </ul>`
          : html`<p class="meta">none found</p>`}
      </section>
    `
  }

  private openDoc(path: string) {
    emit(this, 'open-doc', { path })
  }
}

customElements.define('reader-panel', ReaderPanel)

declare global {
  interface HTMLElementTagNameMap {
    'reader-panel': ReaderPanel
  }
}
