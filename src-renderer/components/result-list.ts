/**
 * <result-list>: search hits in a virtualised list (only the rows in view are in the DOM, so
 * 10,000 hits scroll as smoothly as 10), fixed row height, with the selected row kept in view.
 * Emits `open` {index} on click and `more` when the end of the loaded hits comes into view.
 */
import { LitElement, css, html, nothing } from 'lit'
import { styleProps } from '../lib/style-props'
import type { HitView } from '../../src-main/contract/api'
import { formatDay } from '../lib/dates'
import { snippetParts } from '../lib/snippet'
import { emit } from '../events'

export const ROW_HEIGHT = 96
const OVERSCAN = 6

export class ResultList extends LitElement {
  static override properties = {
    hits: { attribute: false },
    fresh: { attribute: false },
    total: { type: Number },
    selected: { type: Number },
    busy: { type: Boolean },
    query: { attribute: false },
    failed: { type: Boolean },
    top: { state: true },
    viewport: { state: true }
  }

  static override styles = css`
    :host { display: block; position: relative; overflow: auto; contain: strict; }
    .spacer { position: relative; }
    ol { list-style: none; margin: 0; padding: 0; position: absolute; left: 0; right: 0; }
    li { box-sizing: border-box; height: ${ROW_HEIGHT}px; padding: 6px 10px; border-bottom: 1px solid color-mix(in srgb, CanvasText 10%, transparent); cursor: pointer; overflow: hidden; }
    /* the selected row: a tint, and a bar with at least 3:1 contrast against the page in either theme */
    li[aria-selected='true'] { background: color-mix(in srgb, Highlight 22%, transparent); box-shadow: inset 4px 0 0 var(--selected, #1f6feb); }
    .top { display: flex; gap: 8px; align-items: baseline; }
    .title { font-weight: 600; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .date { color: var(--muted, #5c6166); font-size: 12px; font-variant-numeric: tabular-nums; }
    .path { color: var(--muted, #5c6166); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .source { font-weight: 600; }
    .star { color: var(--star, #b7791f); }
    .new { background: var(--badge, #0550ae); color: #fff; border-radius: 6px; padding: 0 4px; font-size: 11px; font-weight: 600; }
    .tags { color: var(--muted, #5c6166); font-size: 12px; white-space: nowrap; }
    /* the passages on two lines: the second matched word usually lies past the first line's end */
    .snippet { font-size: 13px; line-height: 17px; overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; }
    .gap { color: var(--muted, #5c6166); }
    mark { background: var(--mark, #ffe08a); color: CanvasText; border-radius: 2px; }
    ol:focus-visible { outline: 2px solid Highlight; outline-offset: -2px; }
    .empty { color: var(--muted, #5c6166); padding: 16px 12px; font-size: 13px; }
  `

  declare hits: HitView[]
  /** paths new since the saved search just run */
  declare fresh: readonly string[]
  declare total: number
  declare selected: number
  /** a query is being answered: the rows are the previous query's */
  declare busy: boolean
  /** the query the rows answer (for the empty state) */
  declare query: string
  /** the query could not be run (its error is shown above) */
  declare failed: boolean
  declare top: number
  declare viewport: number
  private observer: ResizeObserver | undefined

  constructor() {
    super()
    this.hits = []
    this.fresh = []
    this.total = 0
    this.selected = -1
    this.busy = false
    this.query = ''
    this.failed = false
    this.top = 0
    this.viewport = 600
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('scroll', this.onScroll, { passive: true })
    this.observer = new ResizeObserver(() => (this.viewport = this.clientHeight || 600))
    this.observer.observe(this)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener('scroll', this.onScroll)
    this.observer?.disconnect()
  }

  private readonly onScroll = () => {
    this.top = this.scrollTop
  }

  /** Rows that fit in the list's height (PageUp / PageDown move this many). */
  get pageRows(): number {
    return Math.max(1, Math.floor((this.clientHeight || 600) / ROW_HEIGHT) - 1)
  }

  /** Keyboard focus on the list itself (the skip link goes here). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('ol')?.focus()
  }

  /** Scroll so that row `i` is visible. */
  reveal(i: number): void {
    const top = i * ROW_HEIGHT
    if (top < this.scrollTop) this.scrollTop = top
    else if (top + ROW_HEIGHT > this.scrollTop + this.clientHeight) this.scrollTop = top + ROW_HEIGHT - this.clientHeight
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('selected') && this.selected >= 0) this.reveal(this.selected)
    const last = Math.ceil((this.top + this.viewport) / ROW_HEIGHT) + OVERSCAN
    if (last >= this.hits.length && this.hits.length < this.total) emit(this, 'more')
    // the rows in view, for the "1–24 of 1,658" position (told only when it changes)
    const range = { first: Math.min(this.hits.length, Math.floor(this.top / ROW_HEIGHT)), last: Math.min(this.hits.length, Math.floor((this.top + this.viewport) / ROW_HEIGHT)) }
    if (range.first !== this.shown?.first || range.last !== this.shown?.last) {
      this.shown = range
      emit(this, 'range', range)
    }
  }

  private shown: { first: number; last: number } | undefined

  override render() {
    if (!this.hits.length && !this.busy) {
      return html`<p class="empty" role="status">${this.failed ? 'No results: the search above could not be read.' : this.query.trim() ? html`No results for “${this.query.trim()}”. Try fewer or other words, check the spelling, or remove a filter.` : 'No articles match these filters.'}</p>`
    }
    const first = Math.max(0, Math.floor(this.top / ROW_HEIGHT) - OVERSCAN)
    const last = Math.min(this.hits.length, Math.ceil((this.top + this.viewport) / ROW_HEIGHT) + OVERSCAN)
    const rows = this.hits.slice(first, last)
    return html`<div class="spacer" ${styleProps({ height: `${this.hits.length * ROW_HEIGHT}px` })}>
      <ol aria-label="Results" role="listbox" tabindex="0" aria-busy=${this.busy ? 'true' : 'false'} aria-activedescendant=${this.selected >= 0 ? `hit-${this.selected}` : nothing} ${styleProps({ top: `${first * ROW_HEIGHT}px` })}>
        ${rows.map((h, k) => {
          const i = first + k
          return html`<li role="option" id="hit-${i}" aria-selected=${i === this.selected ? 'true' : 'false'} aria-posinset=${i + 1} aria-setsize=${this.total} data-path=${h.path}
            @click=${() => emit(this, 'open', { index: i })}>
            <div class="top"><span class="title">${this.fresh.includes(h.path) ? html`<span class="new" title="New since this saved search last ran">NEW</span> ` : nothing}${h.starred ? html`<span class="star" title="Starred">★ </span>` : nothing}${h.title}</span>${h.tags?.length ? html`<span class="tags">${h.tags.map((t) => `#${t}`).join(' ')}</span>` : nothing}${h.notes ? html`<span class="tags" title=${`${h.notes} note${h.notes === 1 ? '' : 's'}`}>✎${h.notes}</span>` : nothing}<span class="date">${h.published ? formatDay(h.published, true) : h.pending ? html`<span title="This article is searchable; its date, entities and events are still being found">dating…</span>` : 'date unknown'}</span></div>
            <div class="path">${h.source ? html`<span class="source">${h.source}</span> · ` : nothing}${h.path}</div>
            <div class="snippet">${h.snippets.map(
              (snip, n) => html`${n ? html`<span class="gap" aria-hidden="true"> ⋯ </span>` : nothing}${snippetParts(snip).map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))}`
            )}</div>
          </li>`
        })}
      </ol>
    </div>`
  }
}

customElements.define('result-list', ResultList)

declare global {
  interface HTMLElementTagNameMap {
    'result-list': ResultList
  }
}
