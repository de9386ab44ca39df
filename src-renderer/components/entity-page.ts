/**
 * <entity-page>: one person, organisation or place — its names, how many articles mention it and
 * the span of their dates, the articles (newest first or by title; click to read one), and the
 * entities it appears with most (click for their page; "Filter by it" narrows the search).
 * Emits `open-doc` {path}, `open-entity` {id}, `filter` {id, name, mode}, `close-entity`.
 */
import { LitElement, css, html, nothing } from 'lit'
import type { EntityPageView } from '../../src-main/contract/api'
import { emit } from '../events'
import { formatDay } from '../lib/dates'

const TYPES = { person: 'People', organization: 'Organisations', place: 'Places' } as const
const ONE = { person: 'person', organization: 'organisation', place: 'place' } as const

export class EntityPage extends LitElement {
  static override properties = { page: { attribute: false }, sort: { attribute: false } }

  static override styles = css`
    :host { display: block; overflow: auto; padding: 10px 14px; }
    h2 { margin: 0 0 2px; font-size: 18px; }
    .meta { color: var(--muted, #5c6166); font-size: 12px; }
    h3 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted, #5c6166); margin: 14px 0 4px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 2px 0; }
    button.link { background: none; border: 0; padding: 0; color: LinkText; text-decoration: underline; cursor: pointer; font: inherit; text-align: left; }
    .bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .co { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; }
  `

  declare page: EntityPageView | null
  declare sort: 'date' | 'title'

  constructor() {
    super()
    this.page = null
    this.sort = 'date'
  }

  override render() {
    const p = this.page
    if (!p) return nothing
    const e = p.entity
    return html`<section aria-label=${`Entity: ${e.name}`}>
      <div class="bar"><button class="small" @click=${() => emit(this, 'close-entity')}>← Back to the article</button>
        <button class="small" @click=${() => emit(this, 'filter', { id: e.id, name: e.name, mode: 'include' })}>Filter the results by ${e.name}</button></div>
      <h2>${e.name}</h2>
      <div class="meta">${ONE[e.type]} · ${p.total} article${p.total === 1 ? '' : 's'}${p.first ? html` · ${formatDay(p.first, true)}${p.last && p.last !== p.first ? html` – ${formatDay(p.last, true)}` : nothing}` : nothing}${e.aliases.length ? html` · also written ${e.aliases.join(', ')}` : nothing}</div>
      <h3>Articles</h3>
      <div class="bar meta"><label>Order <select aria-label="Order the articles by" .value=${this.sort} @change=${(ev: Event) => emit(this, 'open-entity', { id: e.id, sort: (ev.target as HTMLSelectElement).value as 'date' | 'title' })}>
        <option value="date">date, newest first</option><option value="title">title</option></select></label>
        ${p.documents.length < p.total ? html`<span>the first ${p.documents.length} of ${p.total}</span>` : nothing}</div>
      <ul aria-label="Articles mentioning ${e.name}">${p.documents.map(
        (d) => html`<li><button class="link" @click=${() => emit(this, 'open-doc', { path: d.path })}>${d.title}</button> <span class="meta">${d.published ? formatDay(d.published, true) : 'date unknown'} · ${d.path}</span></li>`
      )}</ul>
      <h3>Appears with</h3>
      <div class="co">${(Object.keys(TYPES) as Array<keyof typeof TYPES>).map(
        (t) => html`<div><div class="meta">${TYPES[t]}</div><ul aria-label=${`${TYPES[t]} appearing with ${e.name}`}>${p.cooccurring[t].length ? p.cooccurring[t].map((c) => html`<li><button class="link" @click=${() => emit(this, 'open-entity', { id: c.id })}>${c.name}</button> <span class="meta">${c.count}</span></li>`) : html`<li class="meta">none</li>`}</ul></div>`
      )}</div>
    </section>`
  }
}

customElements.define('entity-page', EntityPage)

declare global {
  interface HTMLElementTagNameMap {
    'entity-page': EntityPage
  }
}
